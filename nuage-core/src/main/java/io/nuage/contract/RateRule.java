package io.nuage.contract;

import java.math.BigDecimal;

/**
 * What a contract's rate may be (a discount, one minus it, or a price per GPU-hour): at least 0,
 * below 10^9 and at most 9 decimal places, so that the reconciliation prices billed rows with it
 * exactly in DECIMAL(18,9) (docs/ledger.md, "Magnitude bound"). The scenario refuses any other rate
 * and {@code ContractRate} checks it again.
 */
public final class RateRule {
  /** Decimal places a rate may have. */
  public static final int SCALE = 9;

  /** A rate is below this. */
  public static final BigDecimal LIMIT = BigDecimal.TEN.pow(9);

  private RateRule() {}

  /** Whether {@code rate} is at least 0, below 10^9 and has at most 9 decimal places. */
  public static boolean holds(BigDecimal rate) {
    return rate.signum() >= 0
        && rate.compareTo(LIMIT) < 0
        && rate.stripTrailingZeros().scale() <= SCALE;
  }
}
