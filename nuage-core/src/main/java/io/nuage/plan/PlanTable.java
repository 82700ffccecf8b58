package io.nuage.plan;

import java.util.Map;
import java.util.TreeMap;

/** The plan as terminal tables: the summary, then the placements grouped per workload. */
public final class PlanTable {
  private PlanTable() {}

  /** The widest line any table here prints. */
  public static final int WIDTH = 100;

  /** The summary, the placements and the next-best placements. */
  public static String render(PlanOutcome outcome) {
    return render(outcome, true);
  }

  /**
   * The summary and the next-best placements; the placements too when {@code placements}, else a
   * line saying how to see them. Every line fits {@link #WIDTH} columns: the placements are grouped
   * under their workload, and a value wider than its column is cut with an ellipsis (the JSON and
   * CSV hold every value in full).
   */
  public static String render(PlanOutcome outcome, boolean placements) {
    StringBuilder out = new StringBuilder(PlanSummary.render(outcome));
    Plan plan =
        switch (outcome) {
          case PlanOutcome.Optimal o -> o.plan();
          case PlanOutcome.Feasible f -> f.plan();
          case PlanOutcome.Infeasible i -> null;
        };
    if (plan == null) return out.toString();
    if (placements) placements(out, plan);
    else
      out.append(
          String.format(
              "%nPlacements: %d rows (--placements lists them; --format json or csv for scripts)%n",
              plan.placements().size()));
    Map<String, String> alternatives = new TreeMap<>();
    for (NextBest n : plan.nextBest()) {
      alternatives.put(
          n.workload(),
          n.extraCost() == null
              ? (n.placement().equals(NextBest.NONE)
                  ? n.placement()
                  : n.placement() + ": extra cost unknown (no shadow prices)")
              : n.extraCost().signum() == 0
                  ? n.placement() + ": an alternative at the same cost (a tie)"
                  : n.placement()
                      + ": the plan would cost $"
                      + PlanText.money(n.extraCost())
                      + " more");
    }
    if (!alternatives.isEmpty()) {
      out.append("\nNext-best placement of each training run\n");
      alternatives.forEach((w, s) -> out.append(wrap("  ", w + ": " + s, "      ")));
    }
    return out.toString();
  }

  private static final String ROW = "    %-7s %-24s %-9s %-9s %7s %14s %18s%n";

  private static void placements(StringBuilder out, Plan plan) {
    out.append(
        String.format(
            "%nPlacements (cost in USD)%n" + ROW,
            "month",
            "region",
            "gpu",
            "pricing",
            "gpus",
            "gpu-hours",
            "cost"));
    String workload = null;
    for (Placement p : plan.placements()) {
      if (!p.workload().equals(workload)) {
        workload = p.workload();
        out.append("  ").append(cut(workload, WIDTH - 2)).append('\n');
      }
      out.append(
          String.format(
              ROW,
              p.month(),
              cut(p.region(), 24),
              cut(p.accelerator(), 9),
              cut(p.pricing(), 9),
              p.gpus(),
              cut(p.gpuHours().toPlainString(), 14),
              cut(PlanText.money(p.cost()), 18)));
    }
  }

  /** {@code text}, cut to {@code width} characters with an ellipsis when longer. */
  static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  /**
   * {@code text} after {@code first}, broken at spaces within {@link #WIDTH}, later lines indented
   * by {@code indent}; a word wider than a line stays whole.
   */
  static String wrap(String first, String text, String indent) {
    StringBuilder out = new StringBuilder(first);
    int line = first.length();
    boolean start = true;
    for (String word : text.split(" ")) {
      if (!start && line + 1 + word.length() > WIDTH) {
        out.append('\n').append(indent);
        line = indent.length();
      } else if (!start) {
        out.append(' ');
        line++;
      }
      out.append(word);
      line += word.length();
      start = false;
    }
    return out.append('\n').toString();
  }
}
