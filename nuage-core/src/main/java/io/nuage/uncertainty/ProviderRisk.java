package io.nuage.uncertainty;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The yearly probability that a provider becomes unavailable, as a constant monthly hazard from
 * {@code from} on (the horizon's start when null; docs/risk.md section 1.4).
 */
public record ProviderRisk(BigDecimal yearlyProbability, @Nullable YearMonth from) {
  public ProviderRisk {
    Objects.requireNonNull(yearlyProbability, "yearlyProbability");
    if (yearlyProbability.signum() < 0 || yearlyProbability.compareTo(BigDecimal.ONE) > 0)
      throw new IllegalArgumentException(
          "probability out of range (got "
              + yearlyProbability.toPlainString()
              + ", expected 0 to 1)");
  }

  /** {@code 1 - (1 - q)^(1/12)}. */
  public double monthlyHazard() {
    double q = yearlyProbability.doubleValue();
    return q >= 1 ? 1 : -Math.expm1(Math.log1p(-q) / 12);
  }
}
