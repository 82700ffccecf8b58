package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.ledger.CommitmentLedger;
import io.nuage.ledger.DrawDownReport;
import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nuage ledger}: draws a scenario's contracts down from the ingested billing rows, matched
 * to its contracts by rule, with what matched nothing, conversions of other currencies, spend by
 * provider and month, shares against the policy cap and the commitment balance check.
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = {
      "Draws the scenario's contracts down from the ingested FOCUS billing rows.",
      "%nBills are matched to contracts by ContractApplied (FOCUS 1.3), then by the contract's"
          + " ids (billing: in the scenario), then by provider name; each contract says how much"
          + " each rule matched, and spend that matched no contract is listed as unmatched."
          + " Bills in another currency are converted with the scenario's exchange-rates (the"
          + " ledger refuses when a rate is missing).",
      "%nPer contract year, as of the end of what was billed: status (not started, in progress,"
          + " closed), committed, consumed, remaining, projection and shortfall. With --plan a"
          + " year is projected as actuals to date plus the plan for the rest of the year;"
          + " the run-rate projection (if spending stays at today's rate) is always shown beside"
          + " it. A year not started owes no shortfall.",
      "%nAlso: spend by provider and month, provider shares against the policy cap, the"
          + " commitment balance check. Reconcile and plan against actual are subcommands."
    },
    subcommands = {
      LedgerReconcileCommand.class,
      LedgerVsPlanCommand.class,
      LedgerExportCommand.class
    })
public final class LedgerCommand implements Callable<Integer> {
  @Mixin LedgerOptions options;
  @Mixin AsOfOption asOf;
  @Mixin ServerOption server;
  @Mixin EngineOptions engine;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ParquetOption parquet;

  @Option(
      names = "--plan",
      paramLabel = "PLAN.json",
      description =
          "project each contract year as actuals to date plus this plan's consumption for the rest"
              + " of the year (the JSON of nuage plan --format json; default: the scenario's latest"
              + " plan kept in the store by nuage plan --db or nuage replan, else the run rate)")
  @Nullable Path plan;

  @Option(
      names = "--run-rate",
      description =
          "project at the run rate (if spending stays at today's rate), even when the store keeps"
              + " a plan of the scenario")
  boolean runRate;

  @Override
  public Integer call() {
    if (server.given()) {
      LedgerSource.checkServer(engine, parquet.parquet);
      if (plan != null)
        throw new NuageException(
            "--plan: not with --server (the server projects with a plan job it ran: GET"
                + " /api/ledger/drawdown?scenario=ID&plan=JOB)");
      return ServerLedger.print(spec, server, options, "drawdown", asOf.asOf());
    }
    if (plan != null && runRate)
      throw new NuageException(
          "--plan and --run-rate: give one (--plan projects with that plan, --run-rate at the run"
              + " rate)");
    Scenario scenario = options.scenario();
    java.time.LocalDate day = asOf.asOf(); // every input is checked before the store opens
    PlannedConsumption planned = plan == null ? null : PlanJsonReader.consumption(plan, scenario);
    // on an engine, the store's latest plan is not at hand: --plan, else the run rate
    try (LedgerSource source = LedgerSource.open(options, engine, parquet.parquet)) {
      Store store = source.store();
      if (planned == null && !runRate && store != null)
        planned =
            LatestPlan.of(store, scenario, day)
                .map(p -> LatestPlan.consumption(p, scenario))
                .orElse(null);
      DrawDownReport report =
          new CommitmentLedger(scenario, String.valueOf(options.scenario))
              .report(source.charges(), day, planned);
      return print(report);
    }
  }

  private int print(DrawDownReport report) {
    var out = spec.commandLine().getOut();
    switch (options.format) {
      case json -> out.println(LedgerJson.drawDown(report));
      case csv -> out.print(LedgerCsv.drawDown(LedgerJson.tree(LedgerJson.drawDown(report))));
      case table -> LedgerTables.drawDown(report, out);
    }
    out.flush();
    return 0;
  }
}
