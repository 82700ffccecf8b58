package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * Appends a FOCUS file to a Parquet ledger export ({@code nuage ingest --engine spark --parquet
 * DIR}, docs/scale-out.md), whole or not at all. The file is ingested by the store's own ingest
 * into a temporary store (the same validation, normalisation and typing: there is no second
 * validator), exported with {@link ParquetExport} into a staging directory inside {@code DIR}, and
 * renamed into place as {@code DIR/ingested/SHA256}, one rename of one directory: a reader sees the
 * whole file or none of it, and a file of the same content (its SHA-256) is appended once.
 */
public final class ParquetIngest {
  /** Where the appended files live, each a small export of its own. */
  public static final String INGESTED = "ingested";

  private static final String STAGING = ".staging";
  private static final String LOCK = ".ingest.lock";

  /** DuckDB's JDBC driver: it validates and writes each file, on the machine that ingests. */
  static final String DUCKDB_DRIVER = "org.duckdb.DuckDBDriver";

  private ParquetIngest() {}

  /**
   * Refuses, by name, a class path without DuckDB (the Spark job jar's, which leaves it out: the
   * executors never need it), where the first query would fail with "No suitable driver".
   */
  public static void requireDuckDb() {
    requireDriver(DUCKDB_DRIVER);
  }

  static void requireDriver(String driver) {
    try {
      Class.forName(driver, false, ParquetIngest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new NuageException(
          "ingest --engine spark: validates and appends each file with DuckDB on this machine, and"
              + " DuckDB is not on this class path (the Spark job jar leaves it out); run it with"
              + " the Nuage command line, ./nuage ingest --engine spark --parquet DIR FILE...,"
              + " not from the job jar");
    }
  }

  /**
   * Appends {@code file} to the export in {@code dir}; refuses what the Spark ledger cannot read.
   */
  public static IngestReport ingest(Path dir, Path file, IngestOptions options) {
    ParquetExport.requireExport(dir);
    Path lockFile = dir.resolve(LOCK);
    try (FileChannel lock =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      Object opened = fileKey(lockFile);
      try (FileLock held = lock.tryLock()) {
        // held, and still the file at that name: a holder deletes it before it lets go, so an
        // ingest that opened it before then holds a lock nobody else looks at
        if (held == null || opened == null || !opened.equals(fileKey(lockFile)))
          throw new NuageException(
              "--parquet " + dir + ": another nuage ingest is appending to it; try again after it");
        try {
          return locked(dir, file, options);
        } finally {
          // deleted while held: nothing left behind, whether the file was appended or refused
          Files.deleteIfExists(lockFile);
        }
      }
    } catch (IOException e) {
      throw new NuageException("--parquet " + dir + ": cannot lock it for the ingest (" + e + ")");
    }
  }

  /** The file key (device and inode) of what {@code file} names now, or null when nothing does. */
  private static @org.jspecify.annotations.Nullable Object fileKey(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  private static IngestReport locked(Path dir, Path file, IngestOptions options)
      throws IOException {
    String sha = sha256(file);
    Path target = dir.resolve(INGESTED).resolve(appendKey(sha, options));
    Path stagingRoot = dir.resolve(STAGING);
    boolean stagingWasThere = Files.isDirectory(stagingRoot);
    Files.createDirectories(stagingRoot);
    Path staging = ParquetExport.stagingDirectory(stagingRoot, sha.substring(0, 12) + "-");
    try {
      return staged(dir, file, options, sha, target, staging);
    } finally {
      deleteTree(staging);
      if (!stagingWasThere) {
        try {
          Files.deleteIfExists(stagingRoot);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
          // another run's leftovers (a crash): they stay, as before this run
        }
      }
    }
  }

  private static IngestReport staged(
      Path dir, Path file, IngestOptions options, String sha, Path target, Path staging)
      throws IOException {
    IngestReport report;
    ParquetExport.Summary summary;
    Path out = staging.resolve("export");
    try (Store store = Store.open(staging.resolve("ledger.duckdb"))) {
      report = Ingestions.in(store).ingest(file, options);
      if (!IngestReport.COST_AND_USAGE.equals(report.dataset()))
        throw notReadYet(file, "a FOCUS 1.3 Contract Commitment file");
      if (Files.isDirectory(target)) return alreadyThere(report);
      long nextRow = ParquetExport.nextRow(dir);
      summary = ParquetExport.export(store, out, nextRow);
      String held = held(store, dir, out);
      long duplicates = held == null ? 0 : count(store, "SELECT count(*) FROM (" + held + ")");
      // the store's rule (docs/ledger.md, "Row identity"): rows already there are not added again
      if (duplicates == summary.rows() && duplicates > 0) return withHeld(report, duplicates);
      if (duplicates > 0) {
        // as the store adds the other rows: the held copies out, the rest numbered on from the
        // export's next row, in the file's order
        long first = keepOnlyNew(store, held);
        deleteTree(out);
        summary = ParquetExport.export(store, out, nextRow - first);
        report = withHeld(report, duplicates);
      }
    }
    if (summary.contractAppliedRows() > 0)
      throw notReadYet(
          file,
          "holds " + summary.contractAppliedRows() + " rows with ContractApplied (FOCUS 1.3)");
    if (summary.trueUpCandidates() > 0)
      throw notReadYet(
          file, "holds " + summary.trueUpCandidates() + " rows tagged as take-or-pay true-ups");
    Files.writeString(
        out.resolve(ParquetExport.MANIFEST),
        "source="
            + file.toAbsolutePath().normalize()
            + "\nsha256="
            + sha
            + "\n"
            + (readAs(options).isEmpty() ? "" : "options=" + readAs(options) + "\n"),
        StandardOpenOption.APPEND);
    Files.createDirectories(target.getParent());
    try {
      // rename(2) of a directory: atomic; it fails on a non-empty target (never replaces one)
      Files.move(out, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
      return alreadyThere(report);
    }
    return report;
  }

  /**
   * How many of the new rows (the temporary store's) the export holds already, by the store's rule
   * (docs/ledger.md, "Row identity"): two rows are the same charge when every identity column is
   * equal, and of n identical new rows, as many as the export holds (k) are duplicates, the other n
   * - k new. Only the partitions the new rows fall in are read: the identity holds the billing
   * period and the provider the partitions are named by.
   */
  private static @org.jspecify.annotations.Nullable String held(Store store, Path dir, Path out)
      throws IOException {
    List<String> files = new ArrayList<>();
    Path newRows = out.resolve("billing_rows");
    if (!Files.isDirectory(newRows)) return null;
    List<Path> partitions;
    try (Stream<Path> all = Files.walk(newRows, 2)) {
      partitions = all.filter(p -> newRows.relativize(p).getNameCount() == 2).toList();
    }
    for (Path manifest : ParquetExport.manifests(dir)) {
      Path root = manifest.resolveSibling("billing_rows");
      for (Path partition : partitions) {
        Path old = root.resolve(newRows.relativize(partition).toString());
        if (!Files.isDirectory(old)) continue;
        try (Stream<Path> in = Files.list(old)) {
          in.filter(p -> p.toString().endsWith(".parquet"))
              .forEach(p -> files.add(StageSql.literal(p.toString())));
        }
      }
    }
    if (files.isEmpty()) return null;
    StringJoiner identity = new StringJoiner(", ");
    for (var c : StageSql.identity()) identity.add("n." + StageSql.ident(c.id()));
    return "WITH held AS (SELECT n.rowid AS id, count(*) AS k FROM billing_rows n JOIN read_parquet(["
        + String.join(", ", files)
        + "], hive_partitioning = false) o ON n.row_hash = "
        + StageSql.identityHash("o")
        + " AND "
        + StageSql.sameIdentity("n", "o")
        + " GROUP BY n.rowid), ranked AS (SELECT n.rowid AS id, held.k, row_number() OVER"
        + " (PARTITION BY n.row_hash, "
        + identity
        + " ORDER BY n.rowid) AS copy FROM billing_rows n JOIN held ON n.rowid = held.id)"
        + " SELECT id FROM ranked WHERE copy <= k";
  }

  private static long count(Store store, String sql) {
    try (java.sql.Statement s = store.connection().createStatement();
        java.sql.ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new NuageException(
          "cannot compare the new rows with the export: " + Store.firstLine(e), e);
    }
  }

  /**
   * Leaves in the temporary store only the rows the export does not hold ({@code held} names the
   * others), in the file's order and numbered contiguously; returns the first one's row number.
   */
  private static long keepOnlyNew(Store store, String held) {
    try (java.sql.Statement s = store.connection().createStatement()) {
      s.execute(
          "CREATE TEMP TABLE kept AS SELECT * FROM billing_rows WHERE rowid NOT IN ("
              + held
              + ") ORDER BY rowid");
      s.execute("DELETE FROM billing_rows");
      s.execute("INSERT INTO billing_rows SELECT * FROM kept");
      s.execute("DROP TABLE kept");
      try (java.sql.ResultSet r =
          s.executeQuery(
              "SELECT coalesce(min(rowid), 0), coalesce(max(rowid) - min(rowid) + 1, 0), count(*)"
                  + " FROM billing_rows")) {
        r.next();
        long first = r.getLong(1);
        long span = r.getLong(2);
        long rows = r.getLong(3);
        if (span != rows)
          throw new IllegalStateException(
              "the new rows are not numbered contiguously (" + rows + " rows over " + span + ")");
        return first;
      }
    } catch (java.sql.SQLException e) {
      throw new NuageException("cannot set the new rows apart: " + Store.firstLine(e), e);
    }
  }

  /** The embedded ingest's report of a file whose every row the ledger already holds. */
  private static IngestReport alreadyThere(IngestReport r) {
    return withHeld(r, r.accepted());
  }

  /** The embedded ingest's report when the ledger already holds {@code held} of the file's rows. */
  private static IngestReport withHeld(IngestReport r, long held) {
    return new IngestReport(
        r.file(),
        r.format(),
        r.focusVersion(),
        r.rowsRead(),
        r.accepted() - held,
        r.duplicates() + held,
        r.rejected(),
        r.rejectedByReason(),
        r.normalisations(),
        r.ignoredColumns(),
        r.firstRejects(),
        r.rejectFile(),
        r.dataset());
  }

  /** A refusal of this file alone, as the ingest's: the next files are still ingested. */
  private static ValidationException refused(Path file, String message) {
    return new ValidationException(new Problem(file.toString(), 0, 0, "", message));
  }

  /** A refusal of what the Spark ledger cannot read, which the store's ledger can. */
  private static ValidationException notReadYet(Path file, String what) {
    return refused(
        file,
        what
            + ", which the Spark ledger does not read yet; nothing was appended (ingest it into"
            + " the store: nuage ingest --db STORE "
            + file
            + ")");
  }

  /**
   * The name of a file's append: the SHA-256 of its bytes, read as the store reads them by default;
   * read otherwise ({@code --fill}, {@code --skip-bad-rows}, a dataset named), of its bytes and of
   * how, since the same bytes then make other rows (a currency filled in as USD, then as EUR, is
   * two sets of charges, as the store's ingest counts them).
   */
  static String appendKey(String sha, IngestOptions options) {
    String how = readAs(options);
    return how.isEmpty() ? sha : sha256(sha + "\n" + how);
  }

  /** How a file is read, when not as by default; empty by default. */
  private static String readAs(IngestOptions options) {
    StringJoiner how = new StringJoiner(";");
    if (options.skipBadRows()) how.add("skip-bad-rows");
    new java.util.TreeMap<>(options.fills()).forEach((c, v) -> how.add("fill " + c + "=" + v));
    if (options.dataset() != IngestOptions.Dataset.AUTO) how.add("dataset " + options.dataset());
    return how.toString();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a staging directory left behind is under DIR/.staging, which no reader reads
    }
  }
}
