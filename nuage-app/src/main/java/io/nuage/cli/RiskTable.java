package io.nuage.cli;

import io.nuage.risk.Estimate;
import io.nuage.risk.RiskReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Function;

/** The risk report for a person: the distribution first, then contract years, caps and sources. */
final class RiskTable {
  private RiskTable() {}

  static String render(RiskReport r) {
    StringBuilder b = new StringBuilder();
    String cur = r.currency();
    b.append("Risk of ")
        .append(r.scenario())
        .append(" (")
        .append(r.policy())
        .append(", ")
        .append(
            r.exact()
                ? r.futures() + " futures enumerated exactly"
                : r.futures() + " futures, seed " + r.seed())
        .append(", ")
        .append(cur)
        .append(")\n\n");
    b.append(
        String.format(
            Locale.ROOT, "  %-28s %22s%n", "as written (nuage plan)", money(r.asWritten())));
    b.append(
        String.format(
            Locale.ROOT,
            "  %-28s %22s   (the reference of each source's cost below)%n",
            "as written, by the recourse",
            money(r.asWrittenByRecourse())));
    b.append(
        String.format(Locale.ROOT, "  %-28s %22s%n", "mean total cost", estimate(r.meanCost())));
    b.append(
        String.format(
            Locale.ROOT, "  %-28s %22s%n", "  billed (no penalty)", estimate(r.meanBilled())));
    b.append(
        String.format(
            Locale.ROOT,
            "  %-28s %22s%n",
            "  unmet demand at penalty",
            estimate(r.meanUnmetPenalty())));
    for (RiskReport.Quantile q : r.quantiles())
      b.append(
          String.format(
              Locale.ROOT,
              "  %-28s %22s   (95%%: %s to %s)%n",
              "P" + q.p().movePointRight(2).stripTrailingZeros().toPlainString(),
              money(q.value()),
              LedgerTables.fit(q.low(), 16),
              LedgerTables.fit(q.high(), 16)));
    b.append(String.format(Locale.ROOT, "  %-28s %22s%n", "CVaR95", estimate(r.cvar95())));
    b.append(
        String.format(
            Locale.ROOT, "  %-28s %22s%n", "P(unmet demand)", percent(r.breachProbability())));
    b.append(
        String.format(
            Locale.ROOT,
            "  (unmet demand is in every cost above at %s per reference GPU-hour: the scenario's"
                + " assumption of what unserved work is worth, not a bill)%n",
            r.unmetPenaltyPerGpuHour().toPlainString()));
    b.append(
        String.format(
            Locale.ROOT,
            "  %-28s %22s%n",
            "mean optimality gap",
            r.meanGap().movePointRight(2).setScale(4, RoundingMode.HALF_EVEN) + "%"));
    // people count contract years from 1, as the ledger and the re-plan print them; the JSON keeps
    // the plan JSON's 0-based index (docs/risk-json.md)
    b.append("\nTake-or-pay shortfall per contract year (1 = the term's first twelve months):\n");
    b.append(
        String.format(
            Locale.ROOT,
            "  %-24s %4s %18s %26s %18s%n",
            "contract",
            "year",
            "P(shortfall)",
            "expected",
            "P95"));
    for (RiskReport.YearRisk y : r.contractYears())
      b.append(
          String.format(
              Locale.ROOT,
              "  %-24s %4d %18s %26s %18s%n",
              y.key(),
              y.year() + 1,
              percent(y.probability()),
              estimate(y.expected(), 26),
              LedgerTables.fit(y.p95(), 18)));
    long over =
        r.providerYears().stream().filter(y -> y.probability().value().signum() > 0).count();
    b.append("\nShare caps: ");
    if (over == 0) b.append("no provider-year over its cap in any future\n");
    else {
      b.append(over).append(" provider-years over their cap in some future:\n");
      for (RiskReport.YearRisk y : r.providerYears())
        if (y.probability().value().signum() > 0)
          b.append(
              String.format(
                  Locale.ROOT,
                  "  %-10s %4d %18s  expected excess %s%n",
                  y.key(),
                  y.year(),
                  percent(y.probability()),
                  estimate(y.expected())));
    }
    if (!r.sources().isEmpty()) {
      b.append(
          "\nEach source alone (its mean cost less the cost as written, both by the recourse):\n");
      for (RiskReport.SourceCost s : r.sources())
        b.append(
            String.format(
                Locale.ROOT,
                "  %-16s %22s ± %s  (%d futures)%n",
                s.source(),
                money(s.delta()),
                error(s.meanCost(), RiskTable::money),
                s.futures()));
    }
    return b.toString();
  }

  static String estimate(Estimate e) {
    return money(e.value()) + " ± " + error(e, RiskTable::money);
  }

  /**
   * {@link #estimate(Estimate)} when it fits {@code width}, else its value and error each rounded
   * as {@link LedgerTables#fit} does ({@code 12.87B ± 12.78B}); the JSON keeps them exact.
   */
  static String estimate(Estimate e, int width) {
    String exact = estimate(e);
    if (exact.length() <= width) return exact;
    int half = (width - 3) / 2;
    return LedgerTables.fit(e.value(), half) + " ± " + error(e, v -> LedgerTables.fit(v, half));
  }

  static String percent(Estimate e) {
    return percent(e.value()) + " ± " + error(e, RiskTable::percent);
  }

  /** The standard error as {@code shown}, or n/a when these futures cannot estimate it. */
  private static String error(Estimate e, Function<BigDecimal, String> shown) {
    BigDecimal se = e.standardError();
    return se == null ? "n/a" : shown.apply(se);
  }

  private static String percent(BigDecimal p) {
    return p.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN) + "%";
  }

  static String money(BigDecimal v) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(v);
  }
}
