package io.nuage.uncertainty;

/**
 * The yearly drift of an accelerator family's on-demand list price: {@code log P(y) = Σ (drift +
 * volatility Z_i)} over the plan years so far (docs/risk.md section 1.3).
 */
public record PriceRisk(double drift, double volatility) {
  public PriceRisk {
    if (!Double.isFinite(drift)) throw new IllegalArgumentException("drift must be finite");
    if (!(volatility >= 0) || !Double.isFinite(volatility))
      throw new IllegalArgumentException("volatility cannot be negative (got " + volatility + ")");
  }
}
