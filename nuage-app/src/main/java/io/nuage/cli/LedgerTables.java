package io.nuage.cli;

import io.nuage.ledger.CommitmentBalance;
import io.nuage.ledger.ContractAppliedMismatch;
import io.nuage.ledger.ContractDrawDown;
import io.nuage.ledger.DrawDownLine;
import io.nuage.ledger.DrawDownReport;
import io.nuage.ledger.MonthlySpend;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.PlanVariance;
import io.nuage.ledger.ProviderShare;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.ReconciliationTotal;
import io.nuage.ledger.Settlement;
import io.nuage.ledger.currency.Conversion;
import io.nuage.ledger.matching.MatchRule;
import io.nuage.ledger.matching.MatchedAmount;
import io.nuage.ledger.matching.ProviderSpend;
import io.nuage.ledger.projection.ProjectionSource;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The terminal tables of the ledger commands. Money is shown rounded to the cent (half-even) with
 * thousands separators; the JSON output carries the exact figures.
 */
final class LedgerTables {
  private LedgerTables() {}

  static void drawDown(DrawDownReport r, PrintWriter out) {
    say(
        out,
        "Ledger as of "
            + r.asOf()
            + " (charges through "
            + r.chargesThrough()
            + "), in "
            + r.currency());
    say(
        out,
        r.projection() instanceof ProjectionSource.Plan p
            ? "Projection: actuals to date plus the plan " + p.plan() + " for the rest of each year"
            : "Projection: at the run rate, " + ProjectionSource.RUN_RATE_LABEL);
    out.println();
    say(
        out,
        "Contracts, per contract year (amounts to the cent when they fit their column, else"
            + " rounded: $21.41B; --format json or csv for every figure exact)");
    say(
        out,
        "Shortfall: committed spend owes it as a true-up when the year ends; a reservation's or"
            + " storage commitment's is capacity paid for in its fee and left unused (nothing more"
            + " is owed)");
    String row = " %4s %-10s %-11s %11s %11s %11s %11s %11s %11s%n";
    String more = " %4s %-24s %-8s %19s %19s%n";
    for (ContractDrawDown c : r.contracts()) {
      if (c.years().isEmpty()) continue;
      out.println();
      say(out, shorten(c.contract() + " (" + c.kind() + ", in " + c.unit() + ")", 100));
      out.printf(
          row,
          "year",
          "from",
          "status",
          "committed",
          "consumed",
          "remaining",
          "projected",
          "shortfall",
          "true-up");
      for (DrawDownLine y : c.years())
        out.printf(
            row,
            y.period().year(),
            y.period().from(),
            y.status().label().replace('-', ' '),
            fit(y.committed(), 11),
            fit(y.consumed(), 11),
            fit(y.remaining(), 11),
            y.projected() == null ? "-" : fit(y.projected(), 11),
            y.projectedShortfall() == null ? "-" : fit(y.projectedShortfall(), 11),
            fit(y.trueUp(), 11));
      out.printf(
          row,
          "all",
          "",
          "",
          fit(c.committed(), 11),
          fit(c.consumed(), 11),
          fit(c.remaining(), 11),
          c.projectedAtTermEnd() == null ? "-" : fit(c.projectedAtTermEnd(), 11),
          fit(c.projectedShortfall(), 11),
          fit(c.trueUp(), 11));
      out.printf(
          more, "year", "projection source", "settled", "run-rate projected", "run-rate shortfall");
      for (DrawDownLine y : c.years())
        out.printf(
            more,
            y.period().year(),
            y.projectionSource() == null ? "-" : shorten(y.projectionSource().label(), 24),
            y.settlement() == null ? "-" : shorten(y.settlement().label(), 8),
            y.runRate() == null ? "" : fit(y.runRate().projected(), 19),
            y.runRate() == null ? "" : fit(y.runRate().projectedShortfall(), 19));
    }
    settlements(out, r);
    out.println();
    say(out, "Matched to each contract, by rule (strongest first; a reservation in GPU-hours)");
    String match = "%-20s %-18s %19s %19s %19s%n";
    out.printf(match, "contract", "kind", "contract-applied", "ids", "provider-name");
    for (ContractDrawDown c : r.contracts()) {
      out.printf(
          match,
          shorten(c.contract(), 20),
          shorten(c.kind(), 18),
          m(matched(c, MatchRule.CONTRACT_APPLIED)),
          m(matched(c, MatchRule.IDS)),
          m(matched(c, MatchRule.PROVIDER_NAME)));
    }
    out.println();
    say(
        out,
        "Outside any contract: on-demand and spot usage at the providers' own prices (not drawn,"
            + " not dropped)");
    byProvider(out, r.outsideContracts());
    out.println();
    say(
        out,
        "Unmatched: usage and purchases no contract claims (a commitment no contract names, an"
            + " unknown provider; not drawn, not dropped)");
    byProvider(out, r.unmatched());
    if (!r.conversions().isEmpty()) {
      out.println();
      say(
          out,
          "Conversions into "
              + r.currency()
              + " (per currency and month: amount x rate, rounded to the cent)");
      String conv = "%-8s %-8s %22s %14s %19s%n";
      out.printf(conv, "currency", "month", "amount", "rate", "converted");
      for (Conversion v : r.conversions())
        out.printf(
            conv,
            v.currency(),
            v.month(),
            exact(v.amount()),
            v.rate().toPlainString(),
            m(v.converted()));
    }
    out.println();
    say(out, "Spend by provider and month");
    String spend = "%-14s %-8s %19s %19s %17s%n";
    out.printf(spend, "provider", "month", "billed", "effective", "GPU-hours");
    for (MonthlySpend s : r.spend()) {
      out.printf(spend, s.provider(), s.month(), m(s.billed()), m(s.effective()), m(s.gpuHours()));
    }
    out.println();
    say(out, "Provider shares of billed spend against the policy cap");
    String share = "%-14s %4s %19s %8s %8s  %s%n";
    out.printf(share, "provider", "year", "billed", "share", "cap", "");
    for (ProviderShare p : r.shares()) {
      out.printf(
          share,
          p.provider(),
          p.year(),
          m(p.billed()),
          pct(p.share()),
          pct(p.cap()),
          p.over() ? "OVER" : "ok");
    }
    out.println();
    say(out, "Commitment balance (used + unused = amortised purchase)");
    String bal = "%-26s %-3s %14s %14s %14s %8s  %s%n";
    out.printf(
        bal, "commitment discount", "cur", "purchase due", "used", "unused", "util.", "check");
    for (CommitmentBalance b : r.balances()) {
      out.printf(
          bal,
          shorten(b.commitmentDiscountId(), 26),
          b.currency(),
          m(b.amortisedPurchase()),
          m(b.used()),
          m(b.unused()),
          pct(b.utilisation()),
          b.verdict());
    }
    if (r.balances().isEmpty()) say(out, "(no commitment discount rows)");
  }

  /** FOCUS 1.3 lines whose ContractApplied amounts disagree with their effective cost. */
  private static void contractApplied(Reconciliation r, PrintWriter out) {
    if (r.contractApplied().isEmpty()) return;
    out.println();
    say(
        out,
        "ContractApplied cost differing from the line's effective cost by more than 0.01"
            + " (an error, or a partial application):");
    String row = "%-15s %-10s %-10s %-15s %-3s %13s %13s %13s%n";
    out.printf(
        row,
        "file",
        "provider",
        "charged",
        "commitments",
        "cur",
        "effective",
        "applied",
        "difference");
    for (ContractAppliedMismatch m : r.contractApplied()) {
      out.printf(
          row,
          shorten(m.source(), 15),
          shorten(m.provider(), 10),
          m.chargePeriodStart() == null ? "" : m.chargePeriodStart().toLocalDate(),
          shorten(m.commitments(), 15),
          m.currency() == null ? "" : m.currency(),
          fitExact(m.effectiveCost(), 13),
          fitExact(m.applied(), 13),
          fitExact(m.difference(), 13));
    }
    out.println();
  }

  static void reconciliation(Reconciliation r, @Nullable LocalDate asOf, PrintWriter out) {
    say(
        out,
        "Reconciliation: usage billed above the contracted price (> 0.005 a row, in the row's"
            + " currency)"
            + (asOf == null ? "" : "; every row ingested, charges through " + asOf.minusDays(1)));
    String tot = "%-14s %-3s %12s %10s %16s %16s %16s%n";
    out.printf(tot, "provider", "cur", "rows", "flagged", "billed", "expected", "excess");
    for (ReconciliationTotal t : r.totals()) {
      out.printf(
          tot,
          t.provider(),
          t.currency(),
          t.rowsChecked(),
          t.rowsFlagged(),
          m(t.billed()),
          m(t.expected()),
          m(t.excess()));
    }
    contractApplied(r, out);
    if (r.rows().isEmpty()) {
      say(out, "No overbilled rows.");
      return;
    }
    out.println();
    String row = "%-10s %-10s %-20s %-15s %13s %13s %13s%n";
    out.printf(row, "provider", "charged", "service", "contract", "billed", "expected", "excess");
    for (OverbilledRow o : r.rows()) {
      out.printf(
          row,
          shorten(o.provider(), 10),
          o.chargePeriodStart().toLocalDate(),
          shorten(o.serviceName(), 20),
          o.contract() == null ? "(list price)" : shorten(o.contract(), 15),
          fitExact(o.billed(), 13),
          fitExact(o.expected(), 13),
          fitExact(o.excess(), 13));
    }
  }

  static void variance(List<PlanVariance> lines, LocalDate asOf, long leftOut, PrintWriter out) {
    say(
        out,
        "Plan against actual, as of "
            + asOf
            + (leftOut > 0
                ? " (" + leftOut + " planned months after it not compared: not billed yet)"
                : "")
            + "; * = a month the as-of date cuts (partial actual)");
    String row = "%-12s %-8s %19s %19s %19s %9s%n";
    out.printf(row, "provider", "month", "planned $", "actual $", "variance $", "var %");
    for (PlanVariance v : lines) {
      out.printf(
          row,
          shorten(v.provider(), 12),
          v.month() + (PlanVariance.isPartial(v.month(), asOf) ? "*" : ""),
          fit(v.plannedSpend(), 19),
          fit(v.actualSpend(), 19),
          fit(v.spendVariance(), 19),
          pct(v.spendVarianceRatio()));
    }
    if (lines.isEmpty()) return;
    out.println();
    say(out, "GPU-hours, planned against actual");
    String hours = "%-12s %-8s %19s %19s %19s %9s%n";
    out.printf(hours, "provider", "month", "planned GPU-h", "actual GPU-h", "variance", "var %");
    for (PlanVariance v : lines) {
      out.printf(
          hours,
          shorten(v.provider(), 12),
          v.month() + (PlanVariance.isPartial(v.month(), asOf) ? "*" : ""),
          fit(v.plannedGpuHours(), 19),
          fit(v.actualGpuHours(), 19),
          fit(v.gpuHoursVariance(), 19),
          pct(v.gpuHoursVarianceRatio()));
    }
    out.println();
    say(out, "Planned $ by part (what the plan bills: its usage, fees, storage, egress, true-ups)");
    String parts = "%-12s %-8s %14s %14s %14s %14s %14s%n";
    out.printf(
        parts,
        "provider",
        "month",
        "usage $",
        "reserved fee $",
        "storage $",
        "egress $",
        "true-up $");
    for (PlanVariance v : lines) {
      var p = v.plannedParts();
      out.printf(
          parts,
          shorten(v.provider(), 12),
          v.month() + (PlanVariance.isPartial(v.month(), asOf) ? "*" : ""),
          fit(p.usage(), 14),
          fit(p.reservedFees(), 14),
          fit(p.storage(), 14),
          fit(p.egress(), 14),
          fit(p.trueUp(), 14));
    }
  }

  private static BigDecimal matched(ContractDrawDown c, MatchRule rule) {
    return c.matched().stream()
        .filter(x -> x.rule() == rule)
        .map(MatchedAmount::amount)
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }

  /** A sentence per closed year that fell short or was billed a true-up above its shortfall. */
  private static void settlements(PrintWriter out, DrawDownReport r) {
    for (ContractDrawDown c : r.contracts()) {
      for (DrawDownLine y : c.years()) {
        Settlement s = y.settlement();
        if (s == null || s == Settlement.MET) continue;
        BigDecimal shortfall =
            y.projectedShortfall() == null ? BigDecimal.ZERO : y.projectedShortfall();
        String head =
            c.contract()
                + " year "
                + y.period().year()
                + " closed short by "
                + m(shortfall)
                + " "
                + c.unit();
        say(
            out,
            switch (s) {
              case SHORT_PAID -> head + ", paid by a true-up of " + m(y.trueUp());
              case SHORT_UNDERPAID ->
                  head
                      + ": a true-up of "
                      + m(y.trueUp())
                      + " was billed, "
                      + m(y.trueUpDifference().negate())
                      + " of the shortfall was not";
              case SHORT_UNPAID -> head + ": no true-up billed";
              default ->
                  c.contract()
                      + " year "
                      + y.period().year()
                      + " closed with a shortfall of "
                      + m(shortfall)
                      + " and a true-up of "
                      + m(y.trueUp())
                      + ": "
                      + m(y.trueUpDifference())
                      + " billed above the shortfall";
            });
      }
    }
  }

  /** A line of prose, broken at spaces within 100 columns. */
  private static void say(PrintWriter out, String text) {
    out.print(DealTable.wrap(text));
  }

  private static String orDash(@Nullable BigDecimal v) {
    return v == null ? "-" : m(v);
  }

  private static String m(BigDecimal v) {
    return String.format("%,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
  }

  /**
   * {@code v} to the cent with thousands separators when that fits {@code width}, else rounded to
   * two decimals of thousands, millions, billions or trillions ({@code 21.41B}): a table within 100
   * columns whatever the lab's size.
   */
  static String fit(BigDecimal v, int width) {
    String exact = m(v);
    if (exact.length() <= width) return exact;
    BigDecimal a = v.abs();
    String[] units = {"T", "B", "M", "k"};
    int[] powers = {12, 9, 6, 3};
    for (int i = 0; i < units.length; i++)
      if (a.compareTo(BigDecimal.TEN.pow(powers[i])) >= 0) {
        String s =
            String.format(
                "%,.2f%s",
                v.movePointLeft(powers[i]).setScale(2, RoundingMode.HALF_EVEN), units[i]);
        if (s.length() <= width) return s;
      }
    return exact;
  }

  /** {@code v} exactly when it fits {@code width}, else as {@link #fit}. */
  private static String fitExact(BigDecimal v, int width) {
    String e = exact(v);
    return e.length() <= width ? e : fit(v, width);
  }

  /** {@code v} exactly, grouped by thousands, at least to the cent: 736,000.00, 0.00665. */
  private static String exact(BigDecimal v) {
    BigDecimal t = v.stripTrailingZeros();
    if (t.scale() < 2) t = t.setScale(2);
    return String.format("%,." + t.scale() + "f", t);
  }

  private static String pct(@Nullable BigDecimal v) {
    return v == null ? "-" : v.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN) + "%";
  }

  /** {@code s} within {@code width} characters, cut with an ellipsis when longer. */
  static String cut(@Nullable String s, int width) {
    return shorten(s, width);
  }

  private static String shorten(@Nullable String s, int width) {
    if (s == null) return "";
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  private static void byProvider(PrintWriter out, List<ProviderSpend> spend) {
    String row = "%-14s %19s %19s %10s%n";
    out.printf(row, "provider", "billed", "effective", "rows");
    for (ProviderSpend u : spend)
      out.printf(row, u.provider(), m(u.billed()), m(u.effective()), u.rows());
    if (spend.isEmpty()) say(out, "(none)");
  }
}
