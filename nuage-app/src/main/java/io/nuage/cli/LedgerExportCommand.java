package io.nuage.cli;

import io.nuage.store.Store;
import io.nuage.store.ledger.ParquetExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage ledger export --parquet DIR}: the ledger's rows for a distributed engine. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the ledger's billing rows as Parquet for --engine spark.",
      "%nPartitioned by billing period and provider"
          + " (DIR/billing_rows/billing_period=YYYY-MM/provider=NAME/), money as DECIMAL(38,18),"
          + " with a manifest (DIR/_nuage_ledger) that nuage ledger --engine spark --parquet DIR"
          + " checks. DIR must not exist or be empty; a failed export leaves nothing there."
          + " docs/scale-out.md."
    })
final class LedgerExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--parquet", paramLabel = "DIR", required = true, description = "where to write")
  Path parquet;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "the store (default: NUAGE_DB, else ~/.nuage/nuage.duckdb)")
  @Nullable Path db;

  @Override
  public Integer call() {
    LedgerOptions options = new LedgerOptions();
    options.db = db;
    try (Store store = Store.open(options.db())) {
      ParquetExport.Summary s = ParquetExport.export(store, parquet);
      spec.commandLine().getOut().println("exported " + s.rows() + " billing rows to " + parquet);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
