package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.store.Store;
import io.nuage.store.StoreLocation;
import io.nuage.store.ledger.IngestOptions;
import io.nuage.store.ledger.IngestReport;
import io.nuage.store.ledger.IngestedFile;
import io.nuage.store.ledger.Ingestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nuage ingest FILE...}: FOCUS billing exports into the ledger, one transaction each. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingests FOCUS 1.0-1.3 exports (CSV, CSV.gz, Parquet) into the ledger.",
      "FOCUS 1.3 Contract Commitment files are told by their ContractCommitmentId column"
          + " (or --dataset contract-commitment).",
      "Each file goes in whole or not at all; rows already in the ledger are not added again.",
      "--remove ID takes an ingested file out again (ids: nuage ingestions)."
    })
final class IngestCommand implements Callable<Integer> {
  private static final long PROGRESS_BAR_BYTES = 50L << 20;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "FOCUS files to ingest, in order.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--remove",
      paramLabel = "FILE-ID",
      description = "Take an ingested file out of the ledger (ids: nuage ingestions); repeatable.")
  List<Long> remove = new ArrayList<>();

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "The store (default: $NUAGE_DB, else ~/.nuage/nuage.duckdb).")
  @Nullable Path db;

  @Option(
      names = "--skip-bad-rows",
      description = "Ingest the good rows and write the rejects to FILE.rejects.csv.")
  boolean skipBadRows;

  @Option(
      names = "--fill",
      paramLabel = "COLUMN=VALUE",
      description = "A constant for a FOCUS column the file lacks (NULL for null); repeatable.")
  Map<String, String> fills = new LinkedHashMap<>();

  @Option(
      names = "--dataset",
      paramLabel = "auto|cost-and-usage|contract-commitment",
      description =
          "Which FOCUS dataset the files are (default: ${DEFAULT-VALUE}: a file whose header names"
              + " ContractCommitmentId is a Contract Commitment file, others Cost and Usage).",
      defaultValue = "auto",
      converter = DatasetConverter.class)
  IngestOptions.Dataset dataset = IngestOptions.Dataset.AUTO;

  /** The dataset as the command line spells it. */
  static final class DatasetConverter
      implements picocli.CommandLine.ITypeConverter<IngestOptions.Dataset> {
    @Override
    public IngestOptions.Dataset convert(String value) {
      return switch (value) {
        case "auto" -> IngestOptions.Dataset.AUTO;
        case "cost-and-usage" -> IngestOptions.Dataset.COST_AND_USAGE;
        case "contract-commitment" -> IngestOptions.Dataset.CONTRACT_COMMITMENT;
        default ->
            throw new picocli.CommandLine.TypeConversionException(
                "got '" + value + "', expected auto, cost-and-usage or contract-commitment");
      };
    }
  }

  @Option(
      names = "--format",
      paramLabel = "table|json",
      description = "Report format (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  ReportFormat format = ReportFormat.table;

  @Mixin ServerOption server;

  // not EngineOptions: no Spark runs here, and a master is never taken
  @Option(
      names = "--engine",
      paramLabel = "embedded|spark",
      defaultValue = "embedded",
      description =
          "embedded (the default: into the store, --db) or spark (appended to the ledger export"
              + " --parquet DIR that the Spark ledger reads; each file is still validated and"
              + " written by DuckDB on this machine, one at a time: no Spark job runs,"
              + " docs/scale-out.md).")
  EngineOptions.Engine engine = EngineOptions.Engine.embedded;

  /** Taken only to be refused by name: the ingest runs no Spark job, on any engine. */
  @Option(names = "--master", hidden = true)
  @Nullable String master;

  @Option(
      names = "--parquet",
      paramLabel = "DIR",
      description =
          "With --engine spark: append the files to this ledger export (nuage ledger export"
              + " --parquet DIR) instead of the store, each whole or not at all.")
  @Nullable Path parquet;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  enum ReportFormat {
    table,
    json
  }

  @Override
  public Integer call() {
    if (files.isEmpty() == remove.isEmpty())
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "give FILE... to ingest, or --remove FILE-ID to take a file out (not both, not neither)");
    if (master != null)
      throw new NuageException(
          "--master "
              + master
              + ": ingest runs no Spark job (with --engine spark each file is validated and"
              + " written where the command runs, docs/scale-out.md); give no --master");
    boolean appending = engine == EngineOptions.Engine.spark;
    if (!remove.isEmpty() && appending)
      throw new NuageException(
          "--remove: not with --engine " + engine + " (an appended file stays in the export)");
    if (!remove.isEmpty()) return remove();
    for (Path file : files) {
      if (Files.isDirectory(file)) {
        throw new NuageException(
            file
                + ": a folder, not a file (expected FOCUS files: give them, e.g. "
                + file.resolve("*.csv")
                + ")");
      }
      if (!Files.exists(file)) {
        // before the store opens: a command that cannot run creates no store
        throw new NuageException(file + ": no such file");
      }
    }
    var reports = new ArrayList<IngestReport>();
    var refusals = new ArrayList<Problem>();
    if (appending) return toExport(reports, refusals);
    if (parquet != null)
      throw new NuageException(
          "--parquet: only --engine spark appends to an export (the store is --db)");
    if (server.given()) {
      if (skipBadRows || !fills.isEmpty() || dataset != IngestOptions.Dataset.AUTO) {
        throw new NuageException(
            "--server: the API ingests whole files only, their dataset told by their columns (no"
                + " --skip-bad-rows, --fill or --dataset); ingest"
                + " such files where the store is while the server is stopped");
      }
      ServerClient client = server.client(db);
      for (Path file : files) {
        try {
          reports.add(ServerIngest.ingest(client, file));
        } catch (ValidationException e) {
          refusals.addAll(e.problems());
        }
      }
      return report(reports, refusals);
    }
    try (Store store = Store.open(StoreLocation.resolve(db))) {
      Ingestions ingestions = Ingestions.in(store);
      for (Path file : files) {
        try (ProgressBar bar = progressBar(file)) {
          var options =
              new IngestOptions(
                  skipBadRows,
                  fills,
                  p -> {
                    if (bar == null) return;
                    // the one pass gave way to the staged path (a bad row, or rows the ledger
                    // may hold): say why the bar starts again
                    if (Math.round(p) < bar.getCurrent()) bar.setExtraMessage("second pass");
                    bar.stepTo(Math.round(p));
                  },
                  null,
                  dataset);
          reports.add(ingestions.ingest(file, options));
        } catch (ValidationException e) {
          refusals.addAll(e.problems());
        }
      }
    }
    return report(reports, refusals);
  }

  /**
   * Appends each file to the export {@code --parquet} names (docs/scale-out.md, "Ingest at scale"):
   * validated by the store's own ingest, each file whole or not at all.
   */
  private int toExport(List<IngestReport> reports, List<Problem> refusals) {
    if (parquet == null)
      throw new NuageException("--engine " + engine + ": --parquet DIR is required");
    if (db != null)
      throw new NuageException("--db: --engine " + engine + " appends to --parquet DIR");
    if (server.given()) throw new NuageException("--server: not with --engine " + engine);
    if (dataset == IngestOptions.Dataset.CONTRACT_COMMITMENT)
      throw new NuageException(
          "--dataset contract-commitment: the Spark ledger does not read commitments yet");
    io.nuage.store.ledger.ParquetIngest.requireDuckDb();
    io.nuage.store.ledger.ParquetExport.requireExport(parquet);
    for (Path file : files) {
      try {
        reports.add(
            io.nuage.store.ledger.ParquetIngest.ingest(
                parquet, file, new IngestOptions(skipBadRows, fills, p -> {}, null, dataset)));
      } catch (ValidationException e) {
        refusals.addAll(e.problems());
      }
    }
    return report(reports, refusals);
  }

  private int report(List<IngestReport> reports, List<Problem> refusals) {
    var out = spec.commandLine().getOut();
    // every file refused: nothing on standard output in either format, as for any bad input
    boolean none = reports.isEmpty() && !refusals.isEmpty();
    if (format == ReportFormat.json && !none) out.println(IngestReportView.json(reports));
    else if (!none) out.print(IngestReportView.table(reports));
    out.flush();
    if (refusals.isEmpty()) return 0;
    throw new ValidationException(refusals);
  }

  /** Each removal is its own transaction, in order; an unknown id stops before the next. */
  private int remove() {
    var out = spec.commandLine().getOut();
    try (Store store = Store.open(StoreLocation.resolve(db))) {
      Ingestions ingestions = Ingestions.in(store);
      for (long id : remove) {
        IngestedFile f = ingestions.remove(id);
        out.printf(
            "removed ingestion %d (%s, ingested %s UTC): %d rows taken out of the ledger%n",
            f.id(), f.file(), f.ingestedAt().withNano(0), f.accepted());
        out.flush();
      }
    }
    return 0;
  }

  private @Nullable ProgressBar progressBar(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) < PROGRESS_BAR_BYTES) return null;
    } catch (java.io.IOException e) {
      return null;
    }
    return Progress.bar("ingest " + file.getFileName()).setInitialMax(100).build();
  }
}
