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
    out.println(
        "Ledger as of "
            + r.asOf()
            + " (charges through "
            + r.chargesThrough()
            + "), in "
            + r.currency());
    out.println(
        r.projection() instanceof ProjectionSource.Plan p
            ? "Projection: actuals to date plus the plan " + p.plan() + " for the rest of each year"
            : "Projection: at the run rate, " + ProjectionSource.RUN_RATE_LABEL);
    out.println();
    out.println(
        "Contracts (per contract year; a reservation in GPU-hours; the last two columns: "
            + ProjectionSource.RUN_RATE_LABEL
            + ")");
    out.println(
        "Shortfall: committed spend owes it as a true-up when the year ends; a reservation's or"
            + " storage commitment's is capacity paid for in its fee and left unused (nothing more"
            + " is owed)");
    String row = "%-20s %4s  %-10s %-11s %19s %19s %19s %19s %17s %17s %-15s %-8s %19s %17s%n";
    out.printf(
        row,
        "contract",
        "year",
        "from",
        "status",
        "committed",
        "consumed",
        "remaining",
        "projected",
        "shortfall",
        "true-up",
        "settlement",
        "source",
        "run-rate projected",
        "run-rate shortfall");
    for (ContractDrawDown c : r.contracts()) {
      if (c.years().isEmpty()) continue;
      for (DrawDownLine y : c.years()) {
        out.printf(
            row,
            c.contract(),
            y.period().year(),
            y.period().from(),
            y.status().label().replace('-', ' '),
            m(y.committed()),
            m(y.consumed()),
            m(y.remaining()),
            orDash(y.projected()),
            orDash(y.projectedShortfall()),
            m(y.trueUp()),
            y.settlement() == null ? "-" : y.settlement().label(),
            y.projectionSource() == null ? "-" : y.projectionSource().label(),
            y.runRate() == null ? "" : m(y.runRate().projected()),
            y.runRate() == null ? "" : m(y.runRate().projectedShortfall()));
      }
      out.printf(
          row,
          c.contract(),
          "all",
          "",
          c.unit(),
          m(c.committed()),
          m(c.consumed()),
          m(c.remaining()),
          orDash(c.projectedAtTermEnd()),
          m(c.projectedShortfall()),
          m(c.trueUp()),
          "",
          "",
          "",
          "");
    }
    settlements(out, r);
    out.println();
    out.println("Matched to each contract, by rule (strongest first; a reservation in GPU-hours)");
    String match = "%-20s %-18s %19s %19s %19s%n";
    out.printf(match, "contract", "kind", "contract-applied", "ids", "provider-name");
    for (ContractDrawDown c : r.contracts()) {
      out.printf(
          match,
          c.contract(),
          c.kind(),
          m(matched(c, MatchRule.CONTRACT_APPLIED)),
          m(matched(c, MatchRule.IDS)),
          m(matched(c, MatchRule.PROVIDER_NAME)));
    }
    out.println();
    out.println(
        "Outside any contract: on-demand and spot usage at the providers' own prices (not drawn,"
            + " not dropped)");
    byProvider(out, r.outsideContracts());
    out.println();
    out.println(
        "Unmatched: usage and purchases no contract claims (a commitment no contract names, an"
            + " unknown provider; not drawn, not dropped)");
    byProvider(out, r.unmatched());
    if (!r.conversions().isEmpty()) {
      out.println();
      out.println(
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
    out.println("Spend by provider and month");
    String spend = "%-14s %-8s %19s %19s %17s%n";
    out.printf(spend, "provider", "month", "billed", "effective", "GPU-hours");
    for (MonthlySpend s : r.spend()) {
      out.printf(spend, s.provider(), s.month(), m(s.billed()), m(s.effective()), m(s.gpuHours()));
    }
    out.println();
    out.println("Provider shares of billed spend against the policy cap");
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
    out.println("Commitment balance (used + unused = amortised purchase)");
    String bal = "%-44s %-3s %14s %14s %14s %8s  %s%n";
    out.printf(
        bal, "commitment discount", "cur", "purchase due", "used", "unused", "util.", "check");
    for (CommitmentBalance b : r.balances()) {
      out.printf(
          bal,
          shorten(b.commitmentDiscountId(), 44),
          b.currency(),
          m(b.amortisedPurchase()),
          m(b.used()),
          m(b.unused()),
          pct(b.utilisation()),
          b.verdict());
    }
    if (r.balances().isEmpty()) out.println("(no commitment discount rows)");
  }

  /** FOCUS 1.3 lines whose ContractApplied amounts disagree with their effective cost. */
  private static void contractApplied(Reconciliation r, PrintWriter out) {
    if (r.contractApplied().isEmpty()) return;
    out.println();
    out.println(
        "ContractApplied cost differing from the line's effective cost by more than 0.01"
            + " (an error, or a partial application):");
    String row = "%-24s %-12s %-19s %-22s %-3s %14s %14s %14s%n";
    out.printf(
        row,
        "file",
        "provider",
        "charge start",
        "commitments",
        "cur",
        "effective",
        "applied",
        "difference");
    for (ContractAppliedMismatch m : r.contractApplied()) {
      out.printf(
          row,
          shorten(m.source(), 24),
          m.provider() == null ? "" : m.provider(),
          m.chargePeriodStart() == null ? "" : m.chargePeriodStart(),
          shorten(m.commitments(), 22),
          m.currency() == null ? "" : m.currency(),
          exact(m.effectiveCost()),
          exact(m.applied()),
          exact(m.difference()));
    }
    out.println();
  }

  static void reconciliation(Reconciliation r, @Nullable LocalDate asOf, PrintWriter out) {
    out.println(
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
      out.println("No overbilled rows.");
      return;
    }
    out.println();
    String row = "%-12s %-19s %-28s %-14s %14s %14s %14s%n";
    out.printf(
        row, "provider", "charge start", "service", "contract", "billed", "expected", "excess");
    for (OverbilledRow o : r.rows()) {
      out.printf(
          row,
          o.provider(),
          o.chargePeriodStart(),
          shorten(o.serviceName(), 28),
          o.contract() == null ? "(list price)" : o.contract(),
          exact(o.billed()),
          exact(o.expected()),
          exact(o.excess()));
    }
  }

  static void variance(List<PlanVariance> lines, LocalDate asOf, long leftOut, PrintWriter out) {
    out.println(
        "Plan against actual, as of "
            + asOf
            + (leftOut > 0
                ? " (" + leftOut + " planned months after it not compared: not billed yet)"
                : "")
            + "; * = a month the as-of date cuts (partial actual)");
    String row = "%-12s %-8s %19s %19s %19s %9s %17s %17s %9s%n";
    out.printf(
        row,
        "provider",
        "month",
        "planned $",
        "actual $",
        "variance $",
        "var %",
        "planned GPU-h",
        "actual GPU-h",
        "var %");
    for (PlanVariance v : lines) {
      out.printf(
          row,
          v.provider(),
          v.month() + (PlanVariance.isPartial(v.month(), asOf) ? "*" : ""),
          m(v.plannedSpend()),
          m(v.actualSpend()),
          m(v.spendVariance()),
          pct(v.spendVarianceRatio()),
          m(v.plannedGpuHours()),
          m(v.actualGpuHours()),
          pct(v.gpuHoursVarianceRatio()));
    }
    if (lines.isEmpty()) return;
    out.println();
    out.println(
        "Planned $ by part (what the plan bills: its usage, fees, storage, egress, true-ups)");
    String parts = "%-12s %-8s %19s %19s %19s %19s %19s%n";
    out.printf(
        parts,
        "provider",
        "month",
        "usage $",
        "reserved fees $",
        "storage $",
        "egress $",
        "true-up $");
    for (PlanVariance v : lines) {
      var p = v.plannedParts();
      out.printf(
          parts,
          v.provider(),
          v.month() + (PlanVariance.isPartial(v.month(), asOf) ? "*" : ""),
          m(p.usage()),
          m(p.reservedFees()),
          m(p.storage()),
          m(p.egress()),
          m(p.trueUp()));
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
        out.println(
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

  private static String orDash(@Nullable BigDecimal v) {
    return v == null ? "-" : m(v);
  }

  private static String m(BigDecimal v) {
    return String.format("%,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
  }

  private static String exact(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  private static String pct(@Nullable BigDecimal v) {
    return v == null ? "-" : v.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN) + "%";
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
    if (spend.isEmpty()) out.println("(none)");
  }
}
