package io.nuage.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What serving one future cost, reduced to the figures the risk report needs (docs/risk.md section
 * 3): a future's plan is not kept. Serializable: a distributed engine sends it back to the driver.
 *
 * @param totalCost the recourse plan's total plus the unmet penalty, exact
 * @param lowerBound a proven lower bound on the best recourse cost of this future
 * @param shortfalls per contract year, the take-or-pay shortfall (0 where none)
 * @param capExcess per provider-year, the spend above its share cap (0 where none)
 * @param unmetGpuHours demand no capacity served (0: the future is not a breach)
 * @param unmetCost what that demand costs at the stated penalty (in {@code totalCost}; 0 when
 *     everything is served): the part of the total that is not a bill
 * @param yearCosts per calendar year ({@code key} "cost"), the cost of that year: the plan's spend
 *     of the year plus its unmet penalty (docs/risk.md section 3, "Cost per year")
 */
public record Served(
    BigDecimal totalCost,
    BigDecimal lowerBound,
    List<YearFigure> shortfalls,
    List<YearFigure> capExcess,
    BigDecimal unmetGpuHours,
    BigDecimal unmetCost,
    List<YearFigure> yearCosts)
    implements java.io.Serializable {
  public Served {
    Objects.requireNonNull(totalCost, "totalCost");
    Objects.requireNonNull(lowerBound, "lowerBound");
    shortfalls = List.copyOf(shortfalls);
    capExcess = List.copyOf(capExcess);
    Objects.requireNonNull(unmetGpuHours, "unmetGpuHours");
    Objects.requireNonNull(unmetCost, "unmetCost");
    yearCosts = List.copyOf(yearCosts);
  }

  /** The key of {@link #yearCosts}' figures. */
  public static final String COST = "cost";

  /** A figure of one contract year ({@code key} = contract id) or plan year (provider id). */
  public record YearFigure(String key, int year, BigDecimal amount)
      implements java.io.Serializable {
    public YearFigure {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(amount, "amount");
    }
  }

  public boolean isBreach() {
    return unmetGpuHours.signum() > 0;
  }
}
