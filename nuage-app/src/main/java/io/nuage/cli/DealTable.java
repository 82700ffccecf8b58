package io.nuage.cli;

import static io.nuage.cli.RiskTable.estimate;
import static io.nuage.cli.RiskTable.money;
import static io.nuage.cli.RiskTable.percent;

import io.nuage.deal.BreakEven;
import io.nuage.deal.DealReport;
import io.nuage.deal.OptimisedDeal;
import io.nuage.risk.Estimate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The deal report for a person, within 100 columns: the sizes, their cost, their shortfall and
 * saving, the break-even, and the answer in words (docs/deals.md section 4).
 */
final class DealTable {
  static final int WIDTH = 100;

  private DealTable() {}

  static String render(DealReport r) {
    StringBuilder b = new StringBuilder();
    b.append("Deal ")
        .append(r.contract())
        .append(" with ")
        .append(r.provider())
        .append(" (")
        .append(r.takeOrPay() ? "take-or-pay" : "not take-or-pay")
        .append(r.tiered() ? ", discount tiers" : ", one discount")
        .append("; ")
        .append(
            r.exact()
                ? r.futures() + " futures enumerated exactly"
                : r.futures() + " futures, seed " + r.seed())
        .append("; ")
        .append(r.currency())
        .append(")\n\n");
    List<DealReport.Size> all = new ArrayList<>(r.sizes());
    all.add(r.notSigned());
    b.append(
        String.format(
            Locale.ROOT,
            "  %-11s %24s %9s %24s%n",
            "size",
            "commitment",
            "discount",
            "as written"));
    for (DealReport.Size s : all)
      b.append(
          String.format(
              Locale.ROOT,
              "  %-11s %24s %9s %24s%n",
              s.label(),
              money(s.commitment()),
              s.discount() == null ? "-" : s.discount().toPlainString(),
              money(s.asWritten())));
    b.append("\nTotal cost over the futures (mean ± standard error):\n");
    b.append(String.format(Locale.ROOT, "  %-11s %40s %40s%n", "size", "expected", "CVaR95"));
    for (DealReport.Size s : all)
      b.append(
          String.format(
              Locale.ROOT,
              "  %-11s %40s %40s%n",
              s.label(),
              estimate(s.meanCost()),
              estimate(s.cvar95())));
    b.append("\nShortfall of the deal's contract years (summed over its years):\n");
    b.append(
        String.format(
            Locale.ROOT, "  %-11s %16s %40s%n", "size", "P(shortfall)", "expected shortfall"));
    for (DealReport.Size s : r.sizes())
      b.append(
          String.format(
              Locale.ROOT,
              "  %-11s %16s %40s%n",
              s.label(),
              percent(Objects.requireNonNull(s.shortfallProbability())),
              estimate(Objects.requireNonNull(s.expectedShortfall()))));
    b.append("\nThe deal against not signing, future by future:\n");
    b.append(
        String.format(
            Locale.ROOT, "  %-11s %40s %16s%n", "size", "expected saving", "P(costs more)"));
    for (DealReport.Size s : r.sizes())
      b.append(
          String.format(
              Locale.ROOT,
              "  %-11s %40s %16s%n",
              s.label(),
              estimate(Objects.requireNonNull(s.saving())),
              percent(Objects.requireNonNull(s.costsMoreProbability()))));
    b.append('\n');
    for (String note : r.notes()) b.append(wrap("Note: " + note)).append('\n');
    b.append(
        wrap(
            "Unmet demand is in every cost at "
                + r.unmetPenaltyPerGpuHour().toPlainString()
                + " per reference GPU-hour: the scenario's assumption, not a bill."));
    b.append('\n').append(wrap(words(r))).append('\n');
    return b.toString();
  }

  /** {@code --optimise}: the recommendation, its bounds and the answer in words. */
  static String render(OptimisedDeal d) {
    String cur = d.currency();
    StringBuilder b = new StringBuilder();
    b.append(
            wrap(
                "Deal "
                    + d.contract()
                    + " with "
                    + d.provider()
                    + (d.reservation() != null ? ", GPUs chosen over " : ", minimums chosen over ")
                    + (d.exact()
                        ? futures(d.futures()) + " enumerated exactly"
                        : futures(d.futures())
                            + " x "
                            + d.replications()
                            + " replications, seed "
                            + d.seed()
                            + ", checked on "
                            + d.freshFutures()
                            + " fresh futures")
                    + " ("
                    + cur
                    + "). Second stage: "
                    + d.secondStage()
                    + "; every figure is an LP value rounded to the cent."))
        .append('\n');
    String row = "  %-36s %40s%n";
    OptimisedDeal.Reservation res = d.reservation();
    if (d.signs() && res != null) {
      b.append(String.format(Locale.ROOT, row, "reserved GPUs", res.gpus()));
      b.append(
          String.format(
              Locale.ROOT, row, "  continuous optimum", res.continuousGpus().toPlainString()));
      b.append(
          String.format(
              Locale.ROOT,
              row,
              "  replications' answers (95%)",
              res.replicationsMean().toPlainString()
                  + " ["
                  + res.replicationsLow().toPlainString()
                  + ", "
                  + res.replicationsHigh().toPlainString()
                  + "]"));
      b.append(String.format(Locale.ROOT, row, "fee over the horizon", money(d.commitment())));
    } else if (d.signs()) {
      b.append(
          String.format(
              Locale.ROOT,
              row,
              "discount tier",
              Objects.requireNonNull(d.discount()).toPlainString()));
      for (int y = 0; y < d.minimums().size(); y++)
        b.append(
            String.format(
                Locale.ROOT, row, "minimum, contract year " + (y + 1), money(d.minimums().get(y))));
      b.append(String.format(Locale.ROOT, row, "total commitment", money(d.commitment())));
    } else b.append(String.format(Locale.ROOT, row, "recommendation", "do not sign"));
    b.append(String.format(Locale.ROOT, row, "expected cost", estimate(d.expectedCost())));
    if (d.steering().value().signum() != 0)
      b.append(
          String.format(
              Locale.ROOT, row, "  recourse steering (not money)", estimate(d.steering())));
    b.append(String.format(Locale.ROOT, row, "not signed", estimate(d.notSigned())));
    b.append(String.format(Locale.ROOT, row, "expected saving (paired)", estimate(d.saving())));
    b.append(
        String.format(
            Locale.ROOT, row, "P(costs more than not signing)", percent(d.costsMoreProbability())));
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "sample problem: value, bound",
            money(d.sampleValue()) + ", " + money(d.sampleBound())));
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "decomposition gap, iterations",
            d.decompositionGap().toPlainString() + ", " + d.iterations()));
    b.append(
        String.format(Locale.ROOT, row, "lower bound on the optimum", estimate(d.lowerBound())));
    b.append(String.format(Locale.ROOT, row, "  its lower limit (97.5%)", money(d.lowerLimit())));
    b.append(String.format(Locale.ROOT, row, "  upper limit (97.5%)", money(d.upperLimit())));
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "optimality gap (limit, 95% jointly)",
            money(d.gap()) + " (" + money(d.gapLimit()) + ")"));
    b.append(
        String.format(Locale.ROOT, row, "value of the stochastic solution", estimate(d.vss())));
    b.append(String.format(Locale.ROOT, row, "expected value of perfect info", estimate(d.evpi())));
    OptimisedDeal.CvarCheck limit = d.cvarLimit();
    if (limit != null) {
      b.append(String.format(Locale.ROOT, row, limit.measure() + " limit", money(limit.max())));
      b.append(String.format(Locale.ROOT, row, "  on the main sample", money(limit.sample())));
      b.append(
          String.format(
              Locale.ROOT,
              row,
              (d.exact() ? "  on the enumerated futures" : "  on the fresh sample")
                  + (limit.met() ? "" : " (ABOVE)"),
              estimate(limit.fresh())));
    }
    b.append('\n');
    for (String note : d.notes()) b.append(wrap("Note: " + note)).append('\n');
    StringBuilder w = new StringBuilder();
    if (d.signs() && res != null) {
      w.append("Reserve ")
          .append(res.gpus())
          .append(" GPUs (")
          .append(compact(d.commitment(), cur))
          .append(" in fees)");
      savingAndSize(w, d, cur);
    } else if (d.signs()) {
      w.append("Sign minimums of ");
      for (int y = 0; y < d.minimums().size(); y++) {
        if (y > 0) w.append(", ");
        w.append(compact(d.minimums().get(y), cur));
      }
      w.append(" per year (")
          .append(compact(d.commitment(), cur))
          .append(" in all, discount ")
          .append(Objects.requireNonNull(d.discount()).toPlainString())
          .append(
              d.notes().stream().anyMatch(n -> n.startsWith(d.contract() + " is not take-or-pay"))
                  ? "; "
                      + d.contract()
                      + " is not take-or-pay, so sizing it changes only the discount"
                  : "")
          .append(")");
      savingAndSize(w, d, cur);
    } else w.append("Do not sign: no size within the bounds costs less in expectation. ");
    w.append("With 95% confidence the answer costs at most ")
        .append(compact(d.gapLimit(), cur))
        .append(" more than the best one (its cost at most ")
        .append(compact(d.upperLimit(), cur))
        .append(", the best at least ")
        .append(compact(d.lowerLimit(), cur))
        .append("); ")
        .append(vssWords(d, cur))
        .append(", and knowing the future would save ")
        .append(compact(d.evpi().value(), cur))
        .append(".")
        .append(breakEvenWords(d.breakEven()));
    b.append(wrap(w.toString()));
    return b.toString();
  }

  /**
   * VSS in words a CFO reads correctly: never "would cost -$X more"; with a CVaR limit the
   * expected-value decision that breaks it is said to break it (review of issue 13, item 3).
   */
  /**
   * The words after the recommended size, the same for minimums and a reservation: the expected
   * saving, how often the answer costs more than not signing, and where the written size stands.
   */
  private static void savingAndSize(StringBuilder w, OptimisedDeal d, String cur) {
    w.append("; expected saving against not signing ")
        .append(compact(d.saving(), cur))
        .append("; in ")
        .append(percent(d.costsMoreProbability()))
        .append(d.exact() ? " of the enumerated futures" : " of the fresh futures")
        .append(" it costs more than not signing");
    if (d.writtenAboveBest() != null)
      w.append("; the written ")
          .append(d.contract())
          .append(" is ")
          .append(d.writtenAboveBest().abs().toPlainString())
          .append(d.writtenAboveBest().signum() >= 0 ? "% above" : "% below")
          .append(" this size");
    w.append(". ");
  }

  private static String vssWords(OptimisedDeal d, String cur) {
    BigDecimal vss = d.vss().value();
    OptimisedDeal.CvarCheck limit = d.cvarLimit();
    String where = d.exact() ? "the enumerated futures" : "the fresh sample";
    if (limit != null && !limit.expectedValueMet())
      return "deciding on the expected future instead would "
          + (vss.signum() < 0
              ? "save " + compact(vss.negate(), cur)
              : "cost " + compact(vss, cur) + " more")
          + " but break the "
          + limit.measure()
          + " limit (its "
          + limit.measure()
          + " on "
          + where
          + " is "
          + (cur.equals("USD") ? "$" : cur + " ")
          + money(limit.expectedValueDecision())
          + ", the limit "
          + (cur.equals("USD") ? "$" : cur + " ")
          + money(limit.max())
          + ")";
    if (vss.signum() < 0)
      return "deciding on the expected future would have cost "
          + compact(vss.negate(), cur)
          + " less on "
          + where
          + " (VSS is negative: the answer chosen on the main sample did worse on these futures"
          + " than the expected-value decision; its standard error says whether by more than"
          + " chance)";
    return "deciding on the expected future instead would cost " + compact(vss, cur) + " more";
  }

  private static String futures(long n) {
    return n == 1 ? "1 future" : n + " futures";
  }

  /** docs/deals.md section 4: the answer in words, from the figures above and no others. */
  static String words(DealReport r) {
    String cur = r.currency();
    StringBuilder w = new StringBuilder();
    DealReport.Size written = null;
    for (DealReport.Size s : r.sizes())
      if (Objects.requireNonNull(s.scale()).compareTo(BigDecimal.ONE) == 0) written = s;
    if (written != null) {
      Estimate saving = Objects.requireNonNull(written.saving());
      w.append("Signing ")
          .append(r.contract())
          .append(" as written (")
          .append(compact(written.commitment(), cur))
          .append(" in minimums) costs ")
          .append(compact(written.meanCost(), cur))
          .append(" in expectation against ")
          .append(compact(r.notSigned().meanCost(), cur))
          .append(" without it: an expected ")
          .append(saving.value().signum() >= 0 ? "saving" : "extra cost")
          .append(" of ")
          .append(compact(abs(saving), cur))
          .append("; in ")
          .append(percent(Objects.requireNonNull(written.costsMoreProbability())))
          .append(" of the futures it costs more than not signing. ");
    }
    if (r.best().equals(r.notSigned().label()))
      w.append("Of the answers evaluated, not signing has the least expected cost.");
    else {
      DealReport.Size best =
          r.sizes().stream().filter(s -> s.label().equals(r.best())).findFirst().orElseThrow();
      w.append("Of the sizes evaluated, ")
          .append(best.label())
          .append(" (")
          .append(compact(best.commitment(), cur))
          .append(") has the least expected cost");
      if (r.writtenAboveBest() != null && r.writtenAboveBest().signum() != 0)
        w.append("; the written size is ")
            .append(r.writtenAboveBest().abs().toPlainString())
            .append(r.writtenAboveBest().signum() > 0 ? "% above it" : "% below it");
      w.append(" (the best of a grid, not an optimum).");
    }
    w.append(breakEvenWords(r.breakEven()));
    return w.toString();
  }

  /** The break-even in words, with a leading space; empty without one. */
  static String breakEvenWords(@org.jspecify.annotations.Nullable BreakEven b) {
    if (b == null) return "";
    return switch (b.outcome()) {
      case FOUND ->
          " Break-even demand: "
              + Objects.requireNonNull(b.demand()).toPlainString()
              + "x the scenario's (between "
              + b.low().setScale(4, RoundingMode.HALF_EVEN).toPlainString()
              + " and "
              + b.high().setScale(4, RoundingMode.HALF_EVEN).toPlainString()
              + ").";
      case ALWAYS_PAYS ->
          " No break-even: the written deal costs less than not signing at every demand level"
              + " tried ("
              + b.low().stripTrailingZeros().toPlainString()
              + "x to "
              + b.high().stripTrailingZeros().toPlainString()
              + "x).";
      case NEVER_PAYS ->
          " No break-even: the written deal costs more than not signing at every demand level"
              + " tried ("
              + b.low().stripTrailingZeros().toPlainString()
              + "x to "
              + b.high().stripTrailingZeros().toPlainString()
              + "x).";
    };
  }

  private static Estimate abs(Estimate e) {
    return new Estimate(e.value().abs(), e.standardError());
  }

  private static String compact(Estimate e, String currency) {
    BigDecimal se = e.standardError(); // null: one future cannot estimate it (docs/risk.md)
    return compact(e.value(), currency) + " ± " + (se == null ? "n/a" : compact(se, currency));
  }

  /** {@code $381.2B}, {@code $12.5M}, else the exact figure. */
  static String compact(BigDecimal v, String currency) {
    String sign = v.signum() < 0 ? "-" : "";
    BigDecimal a = v.abs();
    String unit = currency.equals("USD") ? "$" : currency + " ";
    java.text.DecimalFormat one =
        new java.text.DecimalFormat(
            "#,##0.0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
    if (a.compareTo(new BigDecimal("1e9")) >= 0)
      return sign + unit + one.format(a.movePointLeft(9).setScale(1, RoundingMode.HALF_EVEN)) + "B";
    if (a.compareTo(new BigDecimal("1e6")) >= 0)
      return sign + unit + one.format(a.movePointLeft(6).setScale(1, RoundingMode.HALF_EVEN)) + "M";
    return sign + unit + money(a);
  }

  /** Breaks {@code text} at spaces so that no line is wider than {@link #WIDTH}. */
  static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    int line = 0;
    for (String word : text.split(" ")) {
      if (line > 0 && line + 1 + word.length() > WIDTH) {
        out.append('\n');
        line = 0;
      } else if (line > 0) {
        out.append(' ');
        line++;
      }
      out.append(word);
      line += word.length();
    }
    return out.append('\n').toString();
  }
}
