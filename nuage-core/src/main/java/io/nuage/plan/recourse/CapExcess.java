package io.nuage.plan.recourse;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A provider's spend above its share cap in a plan year ({@code spend - cap x total}, to the cent):
 * allowed in a recourse at the steering penalty, and reported (docs/risk.md sections 2 and 3).
 *
 * @param year the plan year's label (the calendar year of its first month)
 */
public record CapExcess(String provider, int year, BigDecimal amount) {
  public CapExcess {
    Objects.requireNonNull(provider, "provider");
    if (amount.signum() <= 0)
      throw new IllegalArgumentException(
          "the excess of " + provider + " in " + year + " must be above 0 (got " + amount + ")");
  }
}
