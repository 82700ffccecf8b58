package io.nuage.plan.replan;

import io.nuage.plan.Plan;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.past.FixedPast;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A re-plan and what it changes against the plan being followed (docs/replan.md): runs moved,
 * fleets shifted, cost by component, shortfall per contract year, and the true-up ahead. The lists
 * are empty when the re-plan is infeasible. {@code notes} say how its inputs were read (an as-of
 * date moved to a month's start, a previous plan of another version of the scenario).
 */
public record Replan(
    PlanOutcome outcome,
    FixedPast past,
    PreviousPlan previous,
    List<RunMove> runs,
    List<FleetShift> fleets,
    List<CostLine> costs,
    List<ShortfallChange> shortfalls,
    List<TrueUp> trueUp,
    List<String> notes) {
  public Replan {
    notes = List.copyOf(notes);
    runs = List.copyOf(runs);
    fleets = List.copyOf(fleets);
    costs = List.copyOf(costs);
    shortfalls = List.copyOf(shortfalls);
    trueUp = List.copyOf(trueUp);
  }

  /** The re-plan's plan, or null when it is infeasible. */
  public @Nullable Plan plan() {
    return switch (outcome) {
      case PlanOutcome.Optimal o -> o.plan();
      case PlanOutcome.Feasible f -> f.plan();
      case PlanOutcome.Infeasible i -> null;
    };
  }
}
