package io.nuage.plan.replan;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A take-or-pay true-up billed (docs/billing-from-plan.md, "Take-or-pay true-ups"): a row tagged
 * {@code nuage-kind: true-up} for {@code contract}, starting in {@code month}. It is the year's
 * shortfall, not consumption: the re-plan keeps it out of the year's consumed and its month's
 * spend, so the planner reports it as the year's shortfall (counted once).
 */
public record BilledTrueUp(String contract, YearMonth month, BigDecimal amount) {
  public BilledTrueUp {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(amount, "amount");
  }
}
