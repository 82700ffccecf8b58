package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes the ledger's billing rows as Parquet for a distributed engine (docs/scale-out.md): {@code
 * DIR/billing_rows/billing_period=YYYY-MM/provider=NAME/*.parquet}, money as DECIMAL(38,18) as
 * stored, with each row's ContractApplied ids ({@code applied_ids}, the text the store's aggregate
 * keeps) and a manifest, {@code DIR/_nuage_ledger}, that says the directory is a Nuage export and
 * what it holds, down to each file and its rows. The export is written beside {@code DIR} and
 * renamed into place: a failed export leaves nothing.
 */
public final class ParquetExport {
  /** The manifest's name and its first line: what tells a Nuage export from other Parquet. */
  public static final String MANIFEST = "_nuage_ledger";

  public static final String FORMAT = "nuage-ledger-export 2";

  /**
   * The first format, without the list of files: its manifests are refused by name, since nothing
   * tells a file of the export from one copied in after it.
   */
  static final String FORMAT_1 = "nuage-ledger-export 1";

  /**
   * A manifest line per Parquet file: {@code file=ROWS PATH}, the path relative to the manifest's
   * directory, the rows its footer counts. A reader reads exactly these files and checks each.
   */
  public static final String FILE = "file=";

  /**
   * The partition directories' columns are derived, the row's own columns stay in the files; {@code
   * accelerator} is the store's own reading of SkuPriceDetails' x_AcceleratorType (DuckDB's JSON
   * reader, which the embedded draw-down uses: Spark's {@code get_json_object} reads a key written
   * twice, or an escaped one, otherwise, so the Spark draw-down reads this column); {@code
   * ledger_row} numbers the rows as the store does (its rowid, shifted past the rows of an export
   * already there for an appended file): the reconciliation's last tie-break.
   */
  private static final String SELECT =
      """
      SELECT b.* EXCLUDE (row_hash, case_fixed, ingestion_id),
             CASE WHEN b.ContractApplied IS NOT NULL THEN %s END AS applied_ids,
             %s AS accelerator,
             b.rowid + :first_row AS ledger_row,
             strftime(b.BillingPeriodStart, '%%Y-%%m') AS billing_period,
             coalesce(b.ProviderName, '') AS provider
      FROM billing_rows b
      """
          .formatted(
              DailyAggregate.APPLIED_FROM_JSON,
              DailyAggregate.ACCELERATOR.replace("SkuPriceDetails", "b.SkuPriceDetails"));

  /**
   * What an export holds: its rows, and the counts of what the Spark draw-down does not read yet
   * (ContractApplied elements, commitment datasets, true-ups), so that it refuses them by name.
   */
  public record Summary(
      long rows, long contractAppliedRows, long commitments, long trueUpCandidates, long nextRow) {}

  private ParquetExport() {}

  /**
   * Refuses, by name, a {@code dir} that is not an export (no manifest, or not ours): anything else
   * is refused before a byte is read or written.
   */
  public static void requireExport(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir))
      throw new NuageException(
          "--parquet "
              + dir
              + ": a file, not a directory (a Nuage ledger export is a directory: nuage ledger"
              + " export --parquet DIR writes one)");
    if (!Files.isDirectory(dir))
      throw new NuageException("--parquet " + dir + ": no such directory");
    Path manifest = dir.resolve(MANIFEST);
    String first;
    try (Stream<String> lines = Files.lines(manifest)) {
      first = lines.findFirst().orElse("");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new NuageException(
          "--parquet "
              + dir
              + ": not a Nuage ledger export (no "
              + MANIFEST
              + " manifest; write one with nuage ledger export --parquet DIR)");
    }
    if (first.equals(FORMAT_1))
      throw new NuageException(
          "--parquet "
              + dir
              + ": written by an earlier Nuage ('"
              + FORMAT_1
              + "': its manifest does not list its files and their rows, so nothing tells"
              + " them from files copied in since); export the store again with nuage ledger"
              + " export --parquet NEWDIR");
    if (!first.equals(FORMAT))
      throw new NuageException(
          "--parquet "
              + dir
              + ": not a Nuage ledger export ("
              + manifest
              + " does not start with '"
              + FORMAT
              + "')");
  }

  /**
   * The manifests of the export in {@code dir}: its own, then those of the files appended to it
   * ({@link ParquetIngest}), in name order.
   */
  public static java.util.List<Path> manifests(Path dir) {
    java.util.List<Path> all = new java.util.ArrayList<>();
    all.add(dir.resolve(MANIFEST));
    Path ingested = dir.resolve(ParquetIngest.INGESTED);
    if (Files.isDirectory(ingested)) {
      try (Stream<Path> in = Files.list(ingested)) {
        in.map(p -> p.resolve(MANIFEST)).sorted().forEach(all::add);
      } catch (IOException e) {
        throw new NuageException("--parquet " + dir + ": cannot list " + ingested + " (" + e + ")");
      }
    }
    return all;
  }

  /** The number the next appended row gets: after every row of the export so far. */
  static long nextRow(Path dir) {
    long next = 0;
    for (Path m : manifests(dir)) {
      try {
        for (String line : Files.readAllLines(m)) {
          if (line.startsWith("nextRow=") || line.startsWith("rows="))
            next = Math.max(next, Long.parseLong(line.substring(line.indexOf('=') + 1)));
        }
      } catch (IOException | NumberFormatException e) {
        throw new NuageException("--parquet " + dir + ": cannot read " + m + " (" + e + ")");
      }
    }
    return next;
  }

  /** Exports the store's billing rows to {@code dir}, which must not exist or be empty. */
  public static Summary export(Store store, Path dir) {
    return export(store, dir, 0);
  }

  /**
   * Exports the store's billing rows to {@code dir}, which must not exist or be empty, numbering
   * them from {@code firstRow} on.
   */
  public static Summary export(Store store, Path dir, long firstRow) {
    Path target = dir.toAbsolutePath().normalize();
    checkTarget(target);
    Path parent = target.getParent();
    Path staging;
    try {
      Files.createDirectories(parent);
      staging = stagingDirectory(parent, "." + target.getFileName() + ".export-");
    } catch (IOException e) {
      throw new NuageException("--parquet " + dir + ": cannot write beside it (" + e + ")");
    }
    try {
      Summary summary = write(store, staging, firstRow);
      StringBuilder files = new StringBuilder();
      fileRows(store, staging)
          .forEach(
              (path, rows) ->
                  files.append(FILE).append(rows).append(' ').append(path).append('\n'));
      Files.writeString(
          staging.resolve(MANIFEST),
          FORMAT
              + "\nrows="
              + summary.rows()
              + "\ncontractAppliedRows="
              + summary.contractAppliedRows()
              + "\ncommitments="
              + summary.commitments()
              + "\ntrueUpCandidates="
              + summary.trueUpCandidates()
              + "\nnextRow="
              + summary.nextRow()
              + "\n"
              + files);
      if (Files.isDirectory(target)) Files.delete(target); // empty, checked
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } catch (IOException e) {
      throw new NuageException("--parquet " + dir + ": cannot write the export (" + e + ")");
    } finally {
      deleteTree(staging);
    }
  }

  /**
   * A new directory {@code parent/PREFIX<random>} with the permissions any directory this process
   * creates gets (the umask's): it is renamed into place as what readers read, and {@link
   * Files#createTempDirectory}'s owner-only mode would shut out executors running as another user
   * on a shared mount.
   */
  static Path stagingDirectory(Path parent, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path p =
          parent.resolve(
              prefix
                  + Long.toUnsignedString(
                      java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
      try {
        return Files.createDirectory(p);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt >= 100) throw e;
      }
    }
  }

  private static void checkTarget(Path target) {
    if (Files.exists(target)) {
      boolean empty;
      try (Stream<Path> in = Files.list(target)) {
        empty = in.findAny().isEmpty();
      } catch (IOException e) {
        empty = false;
      }
      if (!Files.isDirectory(target) || !empty)
        throw new NuageException(
            "--parquet "
                + target
                + ": exists and is not an empty directory (an export never overwrites)");
    }
  }

  /**
   * Rows a DuckDB writer thread buffers per partition before it writes them out. DuckDB's default
   * (524,288) keeps a month and provider's rows in memory until the end whenever a partition holds
   * fewer: the export of 20M rows peaked at 19.4 GB of RSS and 5M rows at 8.9 GB. At 10,000 the 5M
   * export peaks at 1.8 GB and is no slower; a memory limit instead spilled and took 2.3x as long
   * (docs/benchmarks.md, sixth session).
   */
  static final int FLUSH_ROWS = 10_000;

  private static Summary write(Store store, Path staging, long firstRow) {
    try (Statement s = store.connection().createStatement()) {
      String rows = staging.resolve("billing_rows").toString().replace("'", "''");
      s.execute("SET partitioned_write_flush_threshold = " + FLUSH_ROWS);
      try {
        s.execute(
            "COPY ("
                + SELECT.replace(":first_row", Long.toString(firstRow))
                + ") TO '"
                + rows
                + "' (FORMAT PARQUET, PARTITION_BY (billing_period, provider))");
      } catch (SQLException e) {
        try {
          s.execute("RESET partitioned_write_flush_threshold");
        } catch (SQLException reset) {
          e.addSuppressed(reset); // the COPY's error is the one to report
        }
        throw e;
      }
      s.execute("RESET partitioned_write_flush_threshold");
      return new Summary(
          count(s, "SELECT count(*) FROM billing_rows"),
          count(s, "SELECT count(*) FROM billing_rows WHERE ContractApplied IS NOT NULL"),
          count(s, "SELECT count(*) FROM contract_commitments"),
          count(
              s,
              "SELECT count(*) FROM billing_rows WHERE ChargeCategory = 'Usage'"
                  + " AND Tags LIKE '%true-up%'"),
          firstRow + count(s, "SELECT coalesce(max(rowid) + 1, 0) FROM billing_rows"));
    } catch (SQLException e) {
      throw new NuageException("cannot export the ledger: " + Store.firstLine(e), e);
    }
  }

  /**
   * Each Parquet file the export wrote, relative to {@code staging} ({@code billing_rows/...}),
   * with the rows its footer counts (read from the footers alone).
   */
  private static java.util.SortedMap<String, Long> fileRows(Store store, Path staging)
      throws IOException {
    java.util.SortedMap<String, Long> rows = new java.util.TreeMap<>();
    Path root = staging.resolve("billing_rows");
    if (!Files.isDirectory(root)) return rows;
    java.util.List<Path> files;
    try (Stream<Path> all = Files.walk(root)) {
      files = all.filter(Files::isRegularFile).sorted().toList();
    }
    if (files.isEmpty()) return rows;
    StringBuilder list = new StringBuilder();
    for (Path f : files)
      list.append(list.isEmpty() ? "" : ", ").append(StageSql.literal(f.toString()));
    try (Statement s = store.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT file_name, num_rows FROM parquet_file_metadata([" + list + "])")) {
      while (r.next())
        rows.put(
            staging.relativize(Path.of(r.getString(1)).toAbsolutePath().normalize()).toString(),
            r.getLong(2));
    } catch (SQLException e) {
      throw new NuageException("cannot count the export's rows per file: " + Store.firstLine(e), e);
    }
    if (rows.size() != files.size())
      throw new IllegalStateException("footers of " + rows.keySet() + " for " + files);
    return rows;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a staging directory left behind is named as one (".NAME.export-*")
    }
  }
}
