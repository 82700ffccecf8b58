package io.nuage.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a closed contract year settled its minimum (docs/ledger-drawdown.md, section 1, "Take-or-pay
 * true-ups"): from its shortfall {@code S} and the true-up {@code T} billed for it, compared to the
 * cent.
 */
public enum Settlement {
  /** {@code S = 0} and no true-up. */
  MET("met"),
  /** {@code S > 0} and {@code T = S} to the cent. */
  SHORT_PAID("short-paid"),
  /** {@code S > 0} and {@code 0 < T < S}. */
  SHORT_UNDERPAID("short-underpaid"),
  /** {@code S > 0} and no true-up. */
  SHORT_UNPAID("short-unpaid"),
  /** {@code T > S}, also when {@code S = 0}. */
  OVERPAID("overpaid");

  private final String label;

  Settlement(String label) {
    this.label = label;
  }

  /** The JSON name. */
  public String label() {
    return label;
  }

  /** {@code T − S} to the cent (half-even): 0.00 when the true-up paid the shortfall. */
  public static BigDecimal difference(BigDecimal shortfall, BigDecimal trueUp) {
    return trueUp.subtract(shortfall).setScale(2, RoundingMode.HALF_EVEN);
  }

  public static Settlement of(BigDecimal shortfall, BigDecimal trueUp) {
    int d = difference(shortfall, trueUp).signum();
    if (d > 0) return OVERPAID;
    if (shortfall.setScale(2, RoundingMode.HALF_EVEN).signum() == 0) return MET;
    if (d == 0) return SHORT_PAID;
    return trueUp.signum() > 0 ? SHORT_UNDERPAID : SHORT_UNPAID;
  }
}
