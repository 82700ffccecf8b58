package io.nuage.plan.recourse;

import io.nuage.plan.Plan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One future served (docs/risk.md section 2.0): the plan of what was served, priced exactly, the
 * demand it leaves unmet priced at the penalty, and the share caps it exceeds.
 *
 * @param plan the served part: its total is the plan's exact cost (usage, reserved fees, shortfall,
 *     egress, storage)
 * @param unmet every unplaced run and every fleet geography-month short of its demand
 * @param capExcess every provider-year whose share is above its cap (by more than 0.0001)
 * @param unmetCost the sum of the unmet items' costs
 * @param totalCost the plan's total plus {@code unmetCost}: the future's cost (the steering penalty
 *     of a cap excess is not money and is not in it)
 * @param steering the objective's part that is not money: the share-cap penalty times the excess,
 *     and the steering on unmet demand (docs/risk.md section 2.0)
 * @param lowerBound a proven lower bound on the recourse objective ({@code totalCost + steering} at
 *     its optimum) of this future
 */
public record RecoursePlan(
    Plan plan,
    List<Unmet> unmet,
    List<CapExcess> capExcess,
    BigDecimal unmetCost,
    BigDecimal totalCost,
    BigDecimal steering,
    BigDecimal lowerBound) {
  public RecoursePlan {
    if (steering.signum() < 0) throw new IllegalArgumentException("steering cannot be negative");
    Objects.requireNonNull(plan, "plan");
    unmet = List.copyOf(unmet);
    capExcess = List.copyOf(capExcess);
    BigDecimal sum = unmet.stream().map(Unmet::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(unmetCost) != 0)
      throw new IllegalArgumentException(
          "unmetCost " + unmetCost + " is not the sum of the unmet items' costs " + sum);
    if (plan.totalCost().add(unmetCost).compareTo(totalCost) != 0)
      throw new IllegalArgumentException(
          "totalCost " + totalCost + " is not the plan's total plus the unmet cost");
    Objects.requireNonNull(lowerBound, "lowerBound");
  }

  /** Reference GPU-hours of demand left unserved (0: every workload was served). */
  public BigDecimal unmetGpuHours() {
    return unmet.stream()
        .map(Unmet::referenceGpuHours)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(3, RoundingMode.HALF_EVEN);
  }

  /** Whether some demand went unmet: the future is a breach (docs/risk.md section 2). */
  public boolean isBreach() {
    return !unmet.isEmpty();
  }

  /** The recourse objective of this plan: its cost and its steering penalties. */
  public BigDecimal objective() {
    return totalCost.add(steering);
  }

  /** The total of the excess over every cap. */
  public BigDecimal excessTotal() {
    return capExcess.stream().map(CapExcess::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
