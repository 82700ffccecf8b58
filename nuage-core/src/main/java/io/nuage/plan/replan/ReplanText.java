package io.nuage.plan.replan;

import io.nuage.plan.Plan;
import io.nuage.plan.PlanSummary;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.past.RunningRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** A re-plan for people (docs/replan.md, "Text"): what was fixed, what changed, the true-up. */
public final class ReplanText {
  private ReplanText() {}

  public static String render(Replan r) {
    return render(r, java.util.List.of());
  }

  /** With each provider's last charge ({@code bills}) under the plan followed. */
  public static String render(Replan r, java.util.List<ProviderBills> bills) {
    StringBuilder out = new StringBuilder();
    FixedPast past = r.past();
    out.append(
        String.format(
            "Re-plan as of %s: months before %s fixed to the bills, the rest re-planned%n",
            past.asOf(), past.firstOpen()));
    out.append(
        String.format(
            "  previous plan: %s (%s, $%s)%n",
            r.previous().origin(), r.previous().status(), money(r.previous().totalCost())));
    for (ProviderBills b : bills) {
      out.append(
          String.format(
              "  bills of %s: last charge ends %s (%s)%n",
              b.provider(),
              b.billedUntil(),
              b.daily() ? "its daily usage rows" : "billed by the month"));
    }
    for (RunningRun run : past.running()) {
      out.append(
          String.format(
              "  under way: %s in %s %s since %s%n",
              run.workload(), run.region(), run.accelerator(), run.start()));
    }
    if (!past.finished().isEmpty())
      out.append("  done: ").append(String.join(", ", past.finished())).append('\n');
    for (String note : r.notes()) out.append("  note: ").append(note).append('\n');
    out.append('\n').append(PlanSummary.render(r.outcome()));
    Plan plan = r.plan();
    if (plan == null) return out.toString();

    out.append(String.format("%nCost, previous plan against re-plan%n"));
    out.append(String.format("  %-22s %22s %22s %20s%n", "", "previous", "re-plan", "change"));
    for (CostLine c : r.costs()) {
      String label =
          switch (c.component()) {
            case "to date", "shortfall", "total" -> c.component();
            default -> c.component() + " (from " + past.firstOpen() + ")";
          };
      out.append(
          String.format(
              "  %-22s %22s %22s %20s%n",
              label, money(c.previous()), money(c.replan()), signed(c.change())));
    }
    out.append(
        "  (to date: the previous plan's figure for the months before the as-of date; the"
            + " re-plan's, what was billed)\n");

    out.append(String.format("%nTraining runs moved%n"));
    if (r.runs().isEmpty()) out.append("  none\n");
    // each line within 100 columns (issue 14): what does not fit a column goes on a line of its own
    for (RunMove m : r.runs()) {
      out.append(
          String.format(
              "  %s: %s %s -> %s %s (%s)%n",
              m.workload(),
              m.from() == null ? "(none)" : m.from(),
              m.fromMonths(),
              m.to() == null ? "(none)" : m.to(),
              m.toMonths(),
              m.why()));
    }
    out.append(String.format("%nFleet GPU-hours shifted from %s on%n", past.firstOpen()));
    if (r.fleets().isEmpty()) out.append("  none\n");
    for (FleetShift f : r.fleets()) {
      out.append(String.format("  %s in %s %s:%n", f.workload(), f.region(), f.accelerator()));
      out.append(
          String.format(
              "    %s -> %s GPU-hours (%s in %d months)%n",
              f.previousGpuHours().toPlainString(),
              f.newGpuHours().toPlainString(),
              signedPlain(f.change()),
              f.months().size()));
    }

    out.append(
        String.format(
            "%nShortfall per contract year (year 1 is the contract's first, as in the ledger and"
                + " the bills)%n"));
    boolean notTakeOrPay = false;
    for (ShortfallChange s : r.shortfalls()) {
      notTakeOrPay |= !s.takeOrPay();
      out.append(
          String.format(
              "  %-24s year %d (%s..%s) %18s -> %18s%s%n",
              s.contract(),
              s.year() + 1,
              s.from(),
              s.to(),
              money(s.previous()),
              money(s.replan()),
              s.takeOrPay() ? "" : " *"));
    }
    if (notTakeOrPay)
      out.append("  * not take-or-pay: a minimum not used is paid for, no true-up is billed\n");

    out.append(String.format("%nTrue-up ahead (contract years not closed at %s)%n", past.asOf()));
    // per contract year a line that names it and says whether it is met, then its four figures
    // under the header: a row of all of them was 158 to 185 columns
    out.append(
        String.format(
            "  %18s %18s %18s %18s%n", "minimum", "billed to date", "still needed", "planned"));
    for (TrueUp t : r.trueUp()) {
      out.append(
          String.format(
              "  %s year %d (%s..%s, %s) met: %s%n",
              t.contract(),
              t.year() + 1,
              t.from(),
              t.to(),
              t.commitment() == null ? "-" : t.commitment(),
              met(t)));
      out.append(
          String.format(
              "  %18s %18s %18s %18s%n",
              money(t.committed()),
              money(t.consumedToDate()),
              money(t.stillNeeded()),
              money(t.planned())));
    }
    return out.toString();
  }

  /**
   * "yes", saying so when the planned spend is a few cents under the minimum: the minimum is met
   * before each placement's cost is rounded to the cent (docs/replan.md, {@code trueUp[]}).
   */
  static String met(TrueUp t) {
    if (!t.met()) return "no, short by $" + money(t.shortfall());
    BigDecimal under = t.stillNeeded().subtract(t.planned());
    return under.signum() > 0
        ? "yes (the $" + money(under) + " under it is the rounding of costs to the cent)"
        : "yes";
  }

  static String money(BigDecimal v) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return f.format(v.setScale(2, RoundingMode.HALF_EVEN));
  }

  private static String signed(BigDecimal v) {
    return (v.signum() > 0 ? "+" : "") + money(v);
  }

  private static String signedPlain(BigDecimal v) {
    return (v.signum() > 0 ? "+" : "") + v.toPlainString();
  }
}
