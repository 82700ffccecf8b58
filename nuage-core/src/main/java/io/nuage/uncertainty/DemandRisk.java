package io.nuage.uncertainty;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fleet's demand surprise: a geometric Brownian motion on top of the scenario's forecast, loaded
 * on the common "AI demand" factor (docs/risk.md section 1.1).
 *
 * @param drift expected log change per year (0: the forecast is unbiased)
 * @param volatility yearly standard deviation of the log change, 0 or more
 * @param correlation the loading on the common factor, -1 to 1
 * @param step {@code MONTH}: a new factor every month; {@code YEAR}: drawn each plan year, held
 * @param levels a factor drawn once per future for the whole horizon, times the motion's (a
 *     discrete demand scenario: "demand is 0.8 or 1.2 of the forecast"; enumerable)
 */
public record DemandRisk(
    double drift, double volatility, double correlation, Step step, Discrete<BigDecimal> levels) {
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
    Objects.requireNonNull(levels, "levels");
    for (Weighted<BigDecimal> w : levels.outcomes())
      if (w.value().signum() <= 0)
        throw new IllegalArgumentException(
            "a demand level must be above 0 (got " + w.value().toPlainString() + ")");
  }

  /** A motion without discrete levels. */
  public DemandRisk(double drift, double volatility, double correlation, Step step) {
    this(drift, volatility, correlation, step, Discrete.always(BigDecimal.ONE));
  }

  public static final DemandRisk NONE = new DemandRisk(0, 0, 0, Step.MONTH);

  public boolean isCertain() {
    return isMotionCertain() && Discrete.isCertainly(levels, BigDecimal.ONE);
  }

  /** No drift and no volatility: only the discrete levels can move demand. */
  public boolean isMotionCertain() {
    return drift == 0 && volatility == 0;
  }
}
