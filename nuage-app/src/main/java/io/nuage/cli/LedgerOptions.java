package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.store.StoreLocation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every {@code nuage ledger} command shares. */
final class LedgerOptions {
  enum Format {
    table,
    json
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
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description =
          "ignore charges starting on or after this day (default: the day after the last)")
  @Nullable String asOf;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: table)")
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

  @Nullable LocalDate asOf() {
    if (asOf == null) return null;
    try {
      return LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new NuageException(
          "--as-of: not a date (got " + asOf + ", expected YYYY-MM-DD, e.g. 2027-06-30)");
    }
  }
}
