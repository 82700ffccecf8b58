package io.nuage.uncertainty;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A training run's uncertainty: cancelled with probability {@code cancel}, its gang multiplied by a
 * drawn size factor, its window slipped by a drawn number of months (docs/risk.md section 1).
 */
public record RunRisk(BigDecimal cancel, Discrete<BigDecimal> size, Discrete<Integer> slipMonths) {
  public RunRisk {
    Objects.requireNonNull(cancel, "cancel");
    if (cancel.signum() < 0 || cancel.compareTo(BigDecimal.ONE) > 0)
      throw new IllegalArgumentException(
          "cancel probability out of range (got " + cancel.toPlainString() + ", expected 0 to 1)");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(slipMonths, "slipMonths");
    for (Weighted<BigDecimal> w : size.outcomes())
      if (w.value().signum() <= 0)
        throw new IllegalArgumentException(
            "a size multiplier must be above 0 (got " + w.value().toPlainString() + ")");
    for (Weighted<Integer> w : slipMonths.outcomes())
      if (w.value() < 0)
        throw new IllegalArgumentException("a slip cannot be negative (got " + w.value() + ")");
  }

  public static final RunRisk NONE =
      new RunRisk(BigDecimal.ZERO, Discrete.always(BigDecimal.ONE), Discrete.always(0));

  public boolean isCertain() {
    return cancel.signum() == 0
        && Discrete.isCertainly(size, BigDecimal.ONE)
        && Discrete.isCertainly(slipMonths, 0);
  }
}
