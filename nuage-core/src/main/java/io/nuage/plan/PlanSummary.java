package io.nuage.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary a CFO reads: total cost and proof of optimality, the saving against each baseline,
 * contract utilisation and shortfall by year, provider shares, the three most valuable binding
 * constraints. Pure text.
 */
public final class PlanSummary {
  private PlanSummary() {}

  public static String render(PlanOutcome outcome) {
    return switch (outcome) {
      case PlanOutcome.Optimal o -> render(o.plan(), "OPTIMAL");
      case PlanOutcome.Feasible f -> render(f.plan(), "FEASIBLE");
      case PlanOutcome.Infeasible i -> infeasible(i);
    };
  }

  private static String infeasible(PlanOutcome.Infeasible i) {
    StringBuilder out =
        new StringBuilder(
            "Plan for " + i.scenario() + ": INFEASIBLE — no plan can meet every constraint.\n");
    for (InfeasibilityReason r : i.reasons()) out.append("  - ").append(r.message()).append('\n');
    return out.toString();
  }

  private static String render(Plan p, String status) {
    StringBuilder out = new StringBuilder();
    out.append("Plan for ").append(p.scenario()).append(": ").append(status).append('\n');
    out.append(String.format("  Total cost        $%s%n", PlanText.money(p.totalCost())));
    out.append(
        String.format(
            "  Proven lower bound $%s (gap %s%%)%n",
            PlanText.money(p.lowerBound()),
            p.gap()
                .movePointRight(2)
                .setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString()));
    CostBreakdown b = p.costBreakdown();
    if (p.fixedPast() != null) {
      out.append(
          String.format(
              "  Billed before %s %s; from then on:%n",
              p.fixedPast().asOf(), PlanText.short_(b.actual())));
    }
    out.append(
        String.format(
            "  Usage %s, reserved %s, shortfall %s, egress %s, storage %s%n",
            PlanText.short_(b.usage()),
            PlanText.short_(b.reserved()),
            PlanText.short_(b.shortfall()),
            PlanText.short_(b.egress()),
            PlanText.short_(b.storage())));
    if (!p.solverNotes().isEmpty()) {
      // What went differently from a plain solve comes first: it qualifies every figure below.
      out.append("\nSolver notes\n");
      for (String note : p.solverNotes()) out.append("  - ").append(note).append('\n');
    }
    out.append("\nAgainst the naive plans\n");
    for (Baseline base : p.baselines()) {
      if (base.totalCost() == null) {
        out.append(
            String.format("  %-18s cannot place everything (%s)%n", base.name(), base.note()));
        continue;
      }
      BigDecimal saving = base.totalCost().subtract(p.totalCost());
      String pct =
          base.totalCost().signum() == 0
              ? "0"
              : saving
                  .movePointRight(2)
                  .divide(base.totalCost(), 1, RoundingMode.HALF_UP)
                  .toPlainString();
      out.append(
          String.format(
              "  %-18s $%s: this plan saves $%s (%s%%)%n",
              base.name(), PlanText.money(base.totalCost()), PlanText.money(saving), pct));
      // A baseline that breaks the policy is shown for scale, with what it breaks.
      if (!base.feasible())
        out.append(String.format("  %-18s (not a valid plan: it %s)%n", "", base.note()));
    }
    if (!p.contracts().isEmpty()) {
      out.append("\nCommitted spend by contract year\n");
      for (ContractYear c : p.contracts()) {
        String used =
            c.committed().signum() == 0
                ? "-"
                : c.consumed()
                        .movePointRight(2)
                        .divide(c.committed(), 0, RoundingMode.HALF_UP)
                        .toPlainString()
                    + "%";
        out.append(
            String.format(
                "  %-16s year %d  committed %-9s consumed %-9s (%s)  shortfall %s%n",
                c.contract(),
                c.year() + 1, // as the ledger and the bills number it; the JSON's year is 0-based
                PlanText.short_(c.committed()),
                PlanText.short_(c.consumed()),
                used,
                PlanText.short_(c.shortfall())));
      }
    }
    out.append("\nProvider share of spend\n");
    Map<Integer, StringBuilder> byYear = new TreeMap<>();
    for (ProviderYear py : p.providers()) {
      byYear
          .computeIfAbsent(py.year(), y -> new StringBuilder())
          .append(
              String.format(
                  " %s %s%%",
                  py.provider(),
                  py.share().movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString()));
    }
    byYear.forEach(
        (year, line) -> out.append("  ").append(year).append(':').append(line).append('\n'));
    List<Binding> top = p.binding().stream().limit(3).toList();
    if (!top.isEmpty()) {
      out.append("\nWhat would save most\n");
      for (Binding x : top) out.append("  - ").append(x.explanation()).append('\n');
    }
    long passedOver = p.rightOfFirstRefusal().size();
    if (passedOver > 0) {
      out.append("\nRight of first refusal: the holder was passed over on ")
          .append(passedOver)
          .append(" placements (see the JSON for each reason).\n");
    }
    return out.toString();
  }
}
