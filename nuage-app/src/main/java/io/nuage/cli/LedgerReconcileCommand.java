package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.Charges;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.Reconciliation;
import io.nuage.scenario.Scenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage ledger reconcile}: usage rows billed above their contracted price. */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Flags the usage rows billed above their contract's rate.",
      "%nPrices every ingested usage row at its contract's rate, lists the rows billed above it"
          + " and totals per provider. It has no --as-of: every ingested row is checked."
    })
public final class LedgerReconcileCommand implements Callable<Integer> {
  @Mixin LedgerOptions options;
  @Mixin ServerOption server;
  @Mixin EngineOptions engine;
  @Mixin ParquetOption parquet;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "list at most N flagged rows, biggest excess first (default: 50)")
  int limit = 50;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw new NuageException("--limit: got " + limit + ", expected a whole number of 0 or more");
    }
    if (server.given()) {
      LedgerSource.checkServer(engine, parquet.parquet);
      if (spec.commandLine().getParseResult().hasMatchedOption("--limit")) {
        throw new NuageException("--limit: not with --server (the server lists the first 50)");
      }
      return ServerLedger.print(spec, server, options, "reconciliation", null);
    }
    Scenario scenario = options.scenario();
    try (LedgerSource source = LedgerSource.open(options, engine, parquet.parquet)) {
      Charges charges = source.charges();
      java.time.LocalDate asOf =
          charges.lastUsageEnd().isEmpty()
              ? null
              : io.nuage.ledger.CommitmentLedger.asOfAfter(charges.lastUsageEnd());
      Reconciliation r =
          charges.reconcile(
              ContractRate.of(scenario), BillingProviders.of(scenario), limit, scenario.currency());
      var out = spec.commandLine().getOut();
      switch (options.format) {
        case json -> out.println(LedgerJson.reconciliation(r, asOf));
        case csv ->
            out.print(
                LedgerCsv.reconciliation(LedgerJson.tree(LedgerJson.reconciliation(r, asOf))));
        case table -> LedgerTables.reconciliation(r, asOf, out);
      }
      out.flush();
      return 0;
    }
  }
}
