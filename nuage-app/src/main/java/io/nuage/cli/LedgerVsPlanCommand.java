package io.nuage.cli;

import io.nuage.ledger.CommitmentLedger;
import io.nuage.ledger.PlanVariance;
import io.nuage.ledger.PlannedUsage;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.ledger.DuckDbCharges;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
          + " json), planned against actual, with the variance, up to the as-of date: months"
          + " not billed yet are left out (no actual yet is not a -100% variance); a month the"
          + " as-of date cuts is marked partial."
    })
public final class LedgerVsPlanCommand implements Callable<Integer> {
  @Mixin LedgerOptions options;
  @Mixin AsOfOption asOf;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--plan", paramLabel = "FILE", required = true, description = "the plan JSON")
  Path plan;

  @Override
  public Integer call() {
    Scenario scenario = options.scenario();
    java.time.LocalDate day = asOf.asOf(); // every input is checked before the store opens
    var planned = PlanJsonReader.read(plan);
    try (Store store = Store.open(options.db())) {
      var report =
          new CommitmentLedger(scenario, String.valueOf(options.scenario))
              .report(new DuckDbCharges(store), day);
      LocalDate cut = report.asOf();
      List<PlannedUsage> billed =
          planned.stream().filter(p -> p.month().atDay(1).isBefore(cut)).toList();
      long leftOut =
          planned.stream()
              .map(PlannedUsage::month)
              .filter(m -> !m.atDay(1).isBefore(cut))
              .distinct()
              .count();
      List<PlanVariance> lines = PlanVariance.compare(billed, report.spend());
      var out = spec.commandLine().getOut();
      if (options.format == LedgerOptions.Format.json)
        out.println(LedgerJson.variance(lines, cut, leftOut));
      else LedgerTables.variance(lines, cut, leftOut, out);
      out.flush();
      return 0;
    }
  }
}
