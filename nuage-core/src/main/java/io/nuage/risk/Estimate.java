package io.nuage.risk;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A figure estimated from samples and its standard error: 0 for an exact enumeration, null when the
 * samples cannot estimate it (one future; a CVaR95 whose tail is one future): unknown, never a
 * made-up 0.
 */
public record Estimate(BigDecimal value, @Nullable BigDecimal standardError) {
  public Estimate {
    Objects.requireNonNull(value, "value");
    if (standardError != null && standardError.signum() < 0)
      throw new IllegalArgumentException("a standard error cannot be negative");
  }

  /** A figure from one sample: no spread to estimate its error from. */
  static Estimate withoutError(BigDecimal value) {
    return new Estimate(value, null);
  }
}
