package io.nuage.uncertainty;

import java.util.Objects;

/**
 * A fleet's demand surprise: a geometric Brownian motion on top of the scenario's forecast, loaded
 * on the common "AI demand" factor (docs/risk.md section 1.1).
 *
 * @param drift expected log change per year (0: the forecast is unbiased)
 * @param volatility yearly standard deviation of the log change, 0 or more
 * @param correlation the loading on the common factor, -1 to 1
 * @param step {@code MONTH}: a new factor every month; {@code YEAR}: drawn each plan year, held
 */
public record DemandRisk(double drift, double volatility, double correlation, Step step) {
  public enum Step {
    MONTH,
    YEAR
  }

  public DemandRisk {
    if (!Double.isFinite(drift)) throw new IllegalArgumentException("drift must be finite");
    if (!(volatility >= 0) || !Double.isFinite(volatility))
      throw new IllegalArgumentException("volatility cannot be negative (got " + volatility + ")");
    if (!(correlation >= -1 && correlation <= 1))
      throw new IllegalArgumentException(
          "correlation out of range (got " + correlation + ", expected -1 to 1)");
    Objects.requireNonNull(step, "step");
  }

  public static final DemandRisk NONE = new DemandRisk(0, 0, 0, Step.MONTH);

  public boolean isCertain() {
    return drift == 0 && volatility == 0;
  }
}
