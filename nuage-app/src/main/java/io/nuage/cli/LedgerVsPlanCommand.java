package io.nuage.cli;

import io.nuage.cli.billing.PlannedSpend;
import io.nuage.core.MonthRange;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.Charges;
import io.nuage.ledger.CommitmentLedger;
import io.nuage.ledger.PlanVariance;
import io.nuage.ledger.generate.PlannedBills;
import io.nuage.scenario.Scenario;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nuage ledger vs-plan}: spend and GPU-hours per provider and month, plan against actual.
 */
@Command(
    name = "vs-plan",
    mixinStandardHelpOptions = true,
    description = {
      "Compares a plan with the ledger, per provider and month.",
      "%nSpend and GPU-hours per provider and month of a plan (the JSON of nuage plan --format"
          + " json, of the --scenario), planned against actual, with the variance. Planned is"
          + " everything the plan bills: usage, reservation fees, storage, egress and true-ups,"
          + " shown by part (as generate-billing --from-plan bills them). Up to the as-of date:"
          + " months not billed yet are left out (no actual yet is not a -100%% variance); a month"
          + " the as-of date cuts is marked partial and compared with the plan's share of the"
          + " days before it."
    })
public final class LedgerVsPlanCommand implements Callable<Integer> {
  @Mixin LedgerOptions options;
  @Mixin AsOfOption asOf;
  @Mixin EngineOptions engine;
  @Mixin ParquetOption parquet;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--plan", paramLabel = "FILE", required = true, description = "the plan JSON")
  Path plan;

  @Override
  public Integer call() {
    Scenario scenario = options.scenario();
    LocalDate day = asOf.asOf(); // every input is checked before the store opens
    PlannedBills planned = PlannedSpend.read(plan, Objects.requireNonNull(options.scenario));
    try (LedgerSource source = LedgerSource.open(options, engine, parquet.parquet)) {
      Compared compared =
          compare(scenario, String.valueOf(options.scenario), planned, source.charges(), day);
      List<PlanVariance> lines = compared.lines();
      LocalDate cut = compared.cut();
      long leftOut = compared.leftOut();
      var out = spec.commandLine().getOut();
      switch (options.format) {
        case json -> out.println(LedgerJson.variance(lines, cut, leftOut));
        case csv ->
            out.print(
                LedgerCsv.variance(LedgerJson.tree(LedgerJson.variance(lines, cut, leftOut))));
        case table -> LedgerTables.variance(lines, cut, leftOut, out);
      }
      out.flush();
      return 0;
    }
  }

  /** The plan against the bills up to {@code cut}, and how many planned months come after it. */
  public record Compared(List<PlanVariance> lines, LocalDate cut, long leftOut) {
    /** The JSON this command prints with {@code --format json}. */
    public String json() {
      return LedgerJson.variance(lines, cut, leftOut);
    }
  }

  /**
   * What this command compares, for the report too: the bills drawn down as of {@code day} (the end
   * of what was billed when null) against everything {@code planned} bills before then.
   */
  public static Compared compare(
      Scenario scenario,
      String scenarioFile,
      PlannedBills planned,
      Charges charges,
      @org.jspecify.annotations.Nullable LocalDate day) {
    var report = new CommitmentLedger(scenario, scenarioFile).report(charges, day);
    LocalDate cut = report.asOf();
    var reach = PlanVariance.reach(charges.monthly(cut), BillingProviders.of(scenario), cut);
    return new Compared(
        PlanVariance.compare(planned.before(cut, reach), report.spend()),
        cut,
        monthsFrom(scenario.horizon(), cut));
  }

  /** Months of the plan's horizon that start on or after {@code cut}: not billed yet. */
  static long monthsFrom(MonthRange horizon, LocalDate cut) {
    long n = 0;
    for (YearMonth m = horizon.start(); !m.isAfter(horizon.end()); m = m.plusMonths(1))
      if (!m.atDay(1).isBefore(cut)) n++;
    return n;
  }
}
