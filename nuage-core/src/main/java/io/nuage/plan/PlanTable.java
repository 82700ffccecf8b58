package io.nuage.plan;

import java.util.Map;
import java.util.TreeMap;

/** The plan as terminal tables: the summary, then the placements grouped per workload. */
public final class PlanTable {
  private PlanTable() {}

  public static String render(PlanOutcome outcome) {
    StringBuilder out = new StringBuilder(PlanSummary.render(outcome));
    Plan plan =
        switch (outcome) {
          case PlanOutcome.Optimal o -> o.plan();
          case PlanOutcome.Feasible f -> f.plan();
          case PlanOutcome.Infeasible i -> null;
        };
    if (plan == null) return out.toString();
    out.append(
        String.format(
            "%nPlacements%n  %-20s %-8s %-26s %-12s %-10s %7s %16s %16s%n",
            "workload", "month", "region", "accelerator", "pricing", "gpus", "gpu-hours", "cost"));
    for (Placement p : plan.placements()) {
      out.append(
          String.format(
              "  %-20s %-8s %-26s %-12s %-10s %7d %16s %16s%n",
              p.workload(),
              p.month(),
              p.region(),
              p.accelerator(),
              p.pricing(),
              p.gpus(),
              p.gpuHours().toPlainString(),
              PlanText.money(p.cost())));
    }
    Map<String, String> alternatives = new TreeMap<>();
    for (NextBest n : plan.nextBest()) {
      alternatives.put(
          n.workload(),
          n.extraCost() == null
              ? (n.placement().equals(NextBest.NONE)
                  ? n.placement()
                  : n.placement() + ": extra cost unknown (no shadow prices)")
              : n.placement()
                  + ": the plan would cost $"
                  + PlanText.money(n.extraCost())
                  + " more");
    }
    if (!alternatives.isEmpty()) {
      out.append("\nNext-best placement of each training run\n");
      alternatives.forEach(
          (w, s) -> out.append("  ").append(w).append(": ").append(s).append('\n'));
    }
    return out.toString();
  }
}
