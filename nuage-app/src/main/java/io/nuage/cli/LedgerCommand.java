package io.nuage.cli;

import io.nuage.ledger.CommitmentLedger;
import io.nuage.ledger.DrawDownReport;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.ledger.DuckDbCharges;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code nuage ledger}: draws a scenario's contracts down from the ingested billing rows, with
 * spend by provider and month, shares against the policy cap and the commitment balance check.
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = {
      "Draws the scenario's contracts down from the ingested FOCUS billing rows.",
      "%nPer contract year: committed, consumed, remaining, run rate, projection and shortfall;"
          + " spend by provider and month; provider shares against the policy cap; the"
          + " commitment balance check."
    },
    subcommands = {LedgerReconcileCommand.class, LedgerVsPlanCommand.class})
public final class LedgerCommand implements Callable<Integer> {
  @Mixin LedgerOptions options;
  @Mixin AsOfOption asOf;
  @Mixin ServerOption server;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (server.given()) return ServerLedger.print(spec, server, options, "drawdown", asOf.asOf());
    Scenario scenario = options.scenario();
    java.time.LocalDate day = asOf.asOf(); // every input is checked before the store opens
    try (Store store = Store.open(options.db())) {
      DrawDownReport report = new CommitmentLedger(scenario).report(new DuckDbCharges(store), day);
      var out = spec.commandLine().getOut();
      if (options.format == LedgerOptions.Format.json) out.println(LedgerJson.drawDown(report));
      else LedgerTables.drawDown(report, out);
      out.flush();
      return 0;
    }
  }
}
