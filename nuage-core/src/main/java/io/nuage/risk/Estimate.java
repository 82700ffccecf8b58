package io.nuage.risk;

import java.math.BigDecimal;
import java.util.Objects;

/** A figure estimated from samples and its standard error (0 for an exact enumeration). */
public record Estimate(BigDecimal value, BigDecimal standardError) {
  public Estimate {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(standardError, "standardError");
    if (standardError.signum() < 0)
      throw new IllegalArgumentException("a standard error cannot be negative");
  }
}
