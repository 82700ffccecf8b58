package io.nuage.catalog.imports;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Instance price to price per GPU-hour. Exact when the quotient terminates (it keeps the source's
 * scale: 80 / 8 = 10, 23.60 / 8 = 2.95); otherwise HALF_EVEN to 34 significant digits (DECIMAL128),
 * an error below 1e-30 USD. See docs/catalog.md.
 */
final class PerGpuPrice {
  private PerGpuPrice() {}

  static BigDecimal of(BigDecimal instancePrice, int accelerators) {
    BigDecimal count = BigDecimal.valueOf(accelerators);
    try {
      return instancePrice.divide(count);
    } catch (ArithmeticException nonTerminating) {
      return instancePrice.divide(count, MathContext.DECIMAL128);
    }
  }
}
