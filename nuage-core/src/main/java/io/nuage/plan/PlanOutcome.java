package io.nuage.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * What planning a scenario gave: a proven optimal plan, a feasible plan with its gap, or reasons.
 */
public sealed interface PlanOutcome {
  /** A plan whose gap to the proven bound is within the requested tolerance. */
  record Optimal(Plan plan) implements PlanOutcome {}

  /** A plan that holds every constraint; the bound proves it is within {@code gap} of optimal. */
  record Feasible(Plan plan, BigDecimal gap) implements PlanOutcome {}

  /** No plan exists; each reason names the workloads and constraints that cannot hold together. */
  record Infeasible(String scenario, List<InfeasibilityReason> reasons, List<Baseline> baselines)
      implements PlanOutcome {
    public Infeasible {
      // a check may find the same reason once per month (a fleet with no allowed region): say it
      // once, in the order found
      reasons = List.copyOf(new java.util.LinkedHashSet<>(reasons));
      if (reasons.isEmpty())
        throw new IllegalArgumentException("an infeasible outcome needs reasons");
      baselines = List.copyOf(baselines);
    }
  }

  default String status() {
    return switch (this) {
      case Optimal o -> "OPTIMAL";
      case Feasible f -> "FEASIBLE";
      case Infeasible i -> "INFEASIBLE";
    };
  }
}
