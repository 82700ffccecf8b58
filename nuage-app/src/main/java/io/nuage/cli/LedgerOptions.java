package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.store.StoreLocation;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options every {@code nuage ledger} command shares. {@code --as-of} is not among them: the
 * reconciliation prices every ingested row, so only the commands that honour it declare it ({@link
 * AsOfOption}).
 */
final class LedgerOptions {
  enum Format {
    table,
    json,
    csv
  }

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "the scenario whose contracts and policy the ledger is drawn against")
  @Nullable Path scenario;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "the store (default: NUAGE_DB, else ~/.nuage/nuage.duckdb)")
  @Nullable Path db;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "table, json or csv (one table, exact decimals: docs/ledger.md, \"CSV\") (default:"
              + " table)")
  Format format = Format.table;

  Scenario scenario() {
    if (scenario == null) throw new NuageException("nuage ledger: --scenario FILE is required");
    return ScenarioParser.parse(scenario);
  }

  /** The store to read; it must exist: reading a ledger never creates one. */
  Path db() {
    Path path = StoreLocation.resolve(db);
    if (!java.nio.file.Files.isRegularFile(path)) {
      throw new NuageException(
          path
              + ": no ledger here (ingest FOCUS files first: nuage ingest --db "
              + path
              + " FILE...)");
    }
    return path;
  }
}
