package io.nuage.cli;

import io.nuage.plan.recourse.CapExcess;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.risk.Concentration;
import io.nuage.risk.WhatIfResult;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A what-if for a person: one sentence with the answer, then where it comes from. */
final class WhatifTable {
  private WhatifTable() {}

  static String render(Scenario s, WhatIfResult r) {
    StringBuilder b = new StringBuilder();
    String cur = r.currency();
    String what = String.join("; ", r.whatIf().changes());
    BigDecimal d = r.delta();
    b.append(Character.toUpperCase(what.charAt(0)))
        .append(what.substring(1))
        .append(d.signum() >= 0 ? " costs " : " saves ")
        .append(money(cur, d.abs()))
        .append(d.signum() >= 0 ? " more" : "")
        .append(" over ")
        .append(s.horizon().start())
        .append(" to ")
        .append(s.horizon().end())
        .append(": ")
        .append(money(cur, r.future().totalCost()))
        .append(" instead of ")
        .append(money(cur, r.base().totalCost()))
        .append(" as written")
        .append(
            r.asWritten().compareTo(r.base().totalCost()) == 0
                ? ""
                : " (served by the same recourse)")
        .append(
            withinMargin(r)
                ? "; that is within the plans' proven optimisation margin (below), so no"
                    + " difference can be claimed.\n"
                : ".\n");
    BigDecimal unmetDelta = r.future().unmetCost().subtract(r.base().unmetCost());
    if (unmetDelta.signum() != 0)
      b.append("Of that, ")
          .append(money(cur, unmetDelta.abs()))
          .append(" is demand no provider could serve, priced at the scenario's penalty of ")
          .append(rate(cur, RecourseTerms.of(s).unmetPenaltyPerGpuHour()))
          .append(
              " per reference GPU-hour: an assumption (what unserved work is worth to the lab),"
                  + " not money a provider would bill; the rest is what the bills would say.\n");
    b.append(asWritten(cur, r.asWritten(), r.base()));
    List<WhatIfResult.Component> moved =
        new ArrayList<>(r.components().stream().filter(c -> c.delta().signum() != 0).toList());
    moved.sort(Comparator.comparing((WhatIfResult.Component c) -> c.delta().abs()).reversed());
    if (!moved.isEmpty()) {
      b.append("\nWhere the difference comes from:\n");
      for (WhatIfResult.Component c : moved)
        b.append(
            String.format(
                Locale.ROOT, "  %-58s %24s%n", explain(c.name(), s), signed(cur, c.delta())));
    }
    b.append("\nBy cost component (").append(cur).append("):\n");
    b.append(
        String.format(
            Locale.ROOT, "  %-10s %22s %22s %22s%n", "", "as written", "what-if", "difference"));
    for (WhatIfResult.Component c : r.components())
      b.append(row(c.name(), c.base(), c.future(), c.delta()));
    b.append(row("total", r.base().totalCost(), r.future().totalCost(), d));
    shortfalls(b, r, cur);
    b.append("\nWhat moved (work placed per provider, usage cost in ").append(cur).append("):\n");
    b.append(
        String.format(
            Locale.ROOT,
            "  %-10s %18s %18s %22s %22s%n",
            "provider",
            "GPU-hours before",
            "GPU-hours after",
            "usage before",
            "usage after"));
    for (WhatIfResult.ProviderMove p : r.providers())
      b.append(
          String.format(
              Locale.ROOT,
              "  %-10s %18s %18s %22s %22s%n",
              p.provider(),
              hours(p.baseGpuHours()),
              hours(p.futureGpuHours()),
              plain(p.baseCost()),
              plain(p.futureCost())));
    BigDecimal penalty = RecourseTerms.of(s).unmetPenaltyPerGpuHour();
    if (!r.unmet().isEmpty()) {
      b.append("\nDemand no provider could serve in this future, priced at ")
          .append(rate(cur, penalty))
          .append(" per reference GPU-hour:\n");
      for (WhatIfResult.UnmetWorkload u : r.unmet())
        b.append(
            String.format(
                Locale.ROOT,
                "  %-24s %18s reference GPU-hours %22s%n",
                u.workload(),
                hours(u.referenceGpuHours()),
                plain(u.cost())));
    }
    if (!r.future().capExcess().isEmpty()) {
      b.append("\nShare caps this future cannot hold (spend above the cap):\n");
      for (CapExcess e : r.future().capExcess())
        b.append(
            String.format(
                Locale.ROOT,
                "  %-10s %4d %22s%n",
                e.provider(),
                e.year(),
                plain(e.amount().setScale(2, RoundingMode.HALF_EVEN))));
    }
    b.append("\n").append(checked(cur, r.base(), r.future(), d, r));
    return b.toString();
  }

  private static void shortfalls(StringBuilder b, WhatIfResult r, String cur) {
    List<WhatIfResult.YearShortfall> years = r.contractYears();
    if (years.isEmpty()) return;
    b.append("\nTake-or-pay shortfall per contract year (")
        .append(cur)
        .append("; paid for compute not used):\n");
    b.append(
        String.format(
            Locale.ROOT,
            "  %-20s %-13s %15s %15s %15s %15s%n",
            "contract",
            "year",
            "minimum",
            "as written",
            "what-if",
            "difference"));
    for (WhatIfResult.YearShortfall y : years)
      b.append(
          String.format(
              Locale.ROOT,
              "  %-20s %-13s %15s %15s %15s %15s%n",
              LedgerTables.cut(y.contract(), 20),
              (y.year() + 1) + (y.firstMonth() == null ? "" : " (" + y.firstMonth() + ")"),
              LedgerTables.fit(y.committed(), 15),
              LedgerTables.fit(y.baseShortfall(), 15),
              LedgerTables.fit(y.futureShortfall(), 15),
              LedgerTables.fit(y.delta(), 15)));
  }

  /** Whether 0 lies in the interval the best plans' difference is proven to lie in. */
  private static boolean withinMargin(WhatIfResult r) {
    if (r.base().steering().signum() != 0 || r.future().steering().signum() != 0) return false;
    BigDecimal gb = r.base().objective().subtract(r.base().lowerBound()).max(BigDecimal.ZERO);
    BigDecimal gf = r.future().objective().subtract(r.future().lowerBound()).max(BigDecimal.ZERO);
    return r.delta().subtract(gf).signum() <= 0 && r.delta().add(gb).signum() >= 0;
  }

  private static String checked(
      String cur, RecoursePlan base, RecoursePlan future, BigDecimal d, WhatIfResult r) {
    BigDecimal gb = base.objective().subtract(base.lowerBound()).max(BigDecimal.ZERO);
    BigDecimal gf = future.objective().subtract(future.lowerBound()).max(BigDecimal.ZERO);
    StringBuilder b = new StringBuilder();
    b.append(
            WhatifBase.fromFile(base)
                ? "The base is the plan given with --plan; both plans were checked by the plan"
                    + " verifier against their own future (the what-if: "
                : "Both plans were checked by the plan verifier against their own future (")
        .append(WhatifJson.method(r.method()))
        .append(" recourse). Each is proven within ")
        .append(money(cur, gb))
        .append(" (as written) and ")
        .append(money(cur, gf))
        .append(" (what-if) of the cheapest plan of its future");
    if (base.steering().signum() == 0 && future.steering().signum() == 0)
      b.append(", so the difference between the two best plans lies between ")
          .append(money(cur, d.subtract(gf)))
          .append(" and ")
          .append(money(cur, d.add(gb)));
    return b.append(".\n").toString();
  }

  /**
   * The scenario as written as nuage plan solves it, when the base (served by the recourse, the
   * reference of the difference) is not that figure (docs/risk.md section 2.2).
   */
  private static String asWritten(String cur, BigDecimal plan, RecoursePlan base) {
    if (plan.compareTo(base.totalCost()) == 0) return "";
    return "As written, solved as nuage plan solves it, the scenario costs "
        + money(cur, plan)
        + "; the difference is measured against it served by the same recourse as the what-if,"
        + " so both sides carry the same optimisation error.\n";
  }

  static String render(Scenario s, Concentration.Report r) {
    String cur = s.currency();
    StringBuilder b = new StringBuilder();
    b.append("Concentration risk of ")
        .append(s.name())
        .append(": each provider lost from ")
        .append(r.from())
        .append(" (the middle of ")
        .append(s.horizon().start())
        .append(" to ")
        .append(s.horizon().end())
        .append("), its contracts still owed; ")
        .append(cur)
        .append(", against ")
        .append(plain(r.base().totalCost()))
        .append(" as written\n");
    b.append(asWritten(cur, r.asWritten(), r.base()));
    b.append(table(r));
    b.append(
        "Each row re-plans the whole horizon without that provider from that month; both plans"
            + " checked by the plan verifier. Unmet demand is priced at the scenario's penalty and"
            + " included in the extra cost.\n");
    return b.toString();
  }

  /** The rows alone, as {@code nuage demo} prints them. */
  static String table(Concentration.Report r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "  %-10s %-7s %16s %16s %14s %14s %14s%n",
            "provider",
            "from",
            "extra cost",
            "shortfall chg.",
            "unmet GPU-h",
            "unmet cost",
            "proven within"));
    for (Concentration.Row row : r.rows())
      b.append(
          String.format(
              Locale.ROOT,
              "  %-10s %-7s %16s %16s %14s %14s %14s%n",
              LedgerTables.cut(row.provider(), 10),
              row.from(),
              LedgerTables.fit(row.extraCost(), 16),
              LedgerTables.fit(row.shortfallChange(), 16),
              hours(row.unmetGpuHours()),
              LedgerTables.fit(row.unmetCost(), 14),
              LedgerTables.fit(row.margin(), 14)));
    b.append(
        String.format(
            Locale.ROOT,
            "  (proven within: how far each re-plan is proven from the best plan of its future; the"
                + " plan as written is within %s)%n",
            plain(Concentration.margin(r.base()))));
    return b.toString();
  }

  private static String explain(String component, Scenario s) {
    return switch (component) {
      case "usage" -> "compute used (usage)";
      case "shortfall" -> "take-or-pay minimums paid for compute not used (shortfall)";
      case "unmet" -> "demand no provider could serve, at the penalty (unmet)";
      case "reserved" -> "reservation fees (reserved)";
      case "egress" -> "data moved between clouds (egress)";
      case "storage" -> "storage";
      default -> component;
    };
  }

  private static String row(String name, BigDecimal base, BigDecimal future, BigDecimal delta) {
    return String.format(
        Locale.ROOT, "  %-10s %22s %22s %22s%n", name, plain(base), plain(future), plain(delta));
  }

  /** A rate as exact as the scenario states it (a penalty of 31.954 is not "$31.95"). */
  static String rate(String currency, BigDecimal v) {
    String n =
        v.stripTrailingZeros().scale() <= 2 ? plain(v) : v.stripTrailingZeros().toPlainString();
    return currency.equals("USD") ? "$" + n : n + " " + currency;
  }

  static String money(String currency, BigDecimal v) {
    String n = plain(v);
    return currency.equals("USD")
        ? (v.signum() < 0 ? "-$" + n.substring(1) : "$" + n)
        : n + " " + currency;
  }

  private static String signed(String currency, BigDecimal v) {
    return (v.signum() > 0 ? "+" : "") + money(currency, v);
  }

  static String plain(BigDecimal v) {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  private static String hours(BigDecimal v) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(v.setScale(0, RoundingMode.HALF_EVEN));
  }
}
