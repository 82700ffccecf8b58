package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.ledger.FocusColumn;
import io.nuage.store.Store;
import io.nuage.store.StoreFull;
import io.nuage.store.Transactions;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBPreparedStatement;
import org.jspecify.annotations.Nullable;

/**
 * Ingests one FOCUS file in one transaction. The common case is one pass: DuckDB reads, normalises,
 * types, checks and hashes every row straight into {@code billing_rows}. A row breaking a check
 * fails the statement; a row whose hash the ledger already holds may be a duplicate: either way the
 * transaction rolls back and the file goes to the staged path, which says which rows are bad (by
 * line and reason) and which are already in the ledger (compared on every identity column), then
 * refuses the file or inserts the rest. The model is docs/ledger.md, "Ingest, one file at a time".
 */
final class FocusIngest {
  static final int FIRST_REJECTS = 10;
  static final String MASKS = "nuage_masks";
  private static final String SEEN = "nuage_seen";
  private static final int PROBE_ROWS = 10_000;
  private static final String SHIFT = "nuage_shift";
  private static final String NEW_ROWS = "billing_rows WHERE ingestion_id = ";

  private final Store store;
  private final Connection c;

  /** The file as it was before the ingest read it; compared again before the commit. */
  private @Nullable FileState before;

  private @Nullable StageSql sql;

  FocusIngest(Store store) {
    this.store = store;
    this.c = store.connection();
  }

  IngestReport run(Path file, IngestOptions options) {
    before = FileState.of(file);
    FocusSource source = FocusSource.read(c, file, options.fills(), options.displayName());
    StageSql sql = new StageSql(source, ContractCommitments.ids(c));
    this.sql = sql;
    try {
      try {
        dropTemps();
        IngestReport report = mayOverlap(sql) ? null : onePass(source, sql, options);
        return report != null ? report : staged(source, sql, options);
      } finally {
        dropTemps();
      }
    } catch (SQLException e) {
      if (StoreFull.is(e)) throw StoreFull.of(source.name() + ": cannot ingest", store, e);
      throw new NuageException(
          source.name() + ": cannot ingest: " + Store.firstLine(e) + " (nothing was ingested)", e);
    }
  }

  /**
   * Whether the file's first rows are already in the ledger (the same file again, or the next
   * export of a month): then the one pass would only roll back, so the staged path goes first.
   */
  private boolean mayOverlap(StageSql sql) throws SQLException {
    if (scalar("SELECT count(*) FROM (SELECT 1 FROM billing_rows LIMIT 1)") == 0) return false;
    // stale hashes are recomputed in the staged path's transaction
    if (!IdentityHash.current(c)) return true;
    try {
      return scalar(
              "SELECT count(*) FROM (SELECT row_hash FROM ("
                  + sql.probe()
                  + ") LIMIT "
                  + PROBE_ROWS
                  + ") WHERE row_hash IN (SELECT row_hash FROM billing_rows)")
          > 0;
    } catch (SQLException unreadable) {
      return true; // the staged path says what is wrong with it
    }
  }

  /**
   * The common case; null when the file has a row to reject or a row whose hash the ledger holds
   * (the transaction is rolled back: nothing was written).
   */
  private @Nullable IngestReport onePass(FocusSource source, StageSql sql, IngestOptions options)
      throws SQLException {
    return inTransaction(
        options,
        id -> {
          long inserted;
          try {
            inserted = withProgress(insertInto(id, sql.direct()), options);
          } catch (SQLException badRowOrUnreadable) {
            if (StoreFull.is(badRowOrUnreadable)) throw badRowOrUnreadable; // not the file's fault
            timing("one pass refused: " + Store.firstLine(badRowOrUnreadable), System.nanoTime());
            return null;
          }
          String overlap =
              "SELECT count(*) FROM (SELECT DISTINCT row_hash FROM "
                  + NEW_ROWS
                  + id
                  + ") WHERE row_hash IN (SELECT row_hash FROM billing_rows WHERE ingestion_id <> "
                  + id
                  + ")";
          if (scalar(overlap) > 0) return null;
          var normalisations = normalisations(source, sql, NEW_ROWS + id);
          return finish(
              source, id, inserted, 0, 0, normalisations, new LinkedHashMap<>(), List.of(), null);
        });
  }

  /** What one ingest transaction does with its ingestion id; null to roll back. */
  @FunctionalInterface
  private interface Work {
    @Nullable IngestReport run(long ingestionId) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction, after taking an ingestion id and refreshing stale hashes:
   * commits when it gives a report, rolls back when it gives none or fails.
   */
  private @Nullable IngestReport inTransaction(IngestOptions options, Work work)
      throws SQLException {
    long[] committing = new long[1];
    IngestReport report =
        Transactions.inOne(
            c,
            () -> {
              long id = scalar("SELECT nextval('ingestion_ids')");
              IdentityHash.refreshIfEngineChanged(c);
              IngestReport done = work.run(id);
              committing[0] = System.nanoTime();
              return done;
            },
            done -> done != null);
    if (report == null) return null;
    timing("commit", committing[0]);
    options.progress().accept(100);
    return report;
  }

  /**
   * The file has bad rows, or rows the ledger may hold: the stage (a connection-local temp table,
   * filled outside the ledger's transaction) says which rows are bad, and {@link Rejects} on which
   * line and why; then the refusal, or the new good rows in one transaction.
   */
  private IngestReport staged(FocusSource source, StageSql sql, IngestOptions options)
      throws SQLException {
    options.progress().accept(0);
    try {
      withProgress(sql.createStage(), options);
    } catch (SQLException e) {
      throw FocusSource.fileProblem(
          source.name(),
          "not a readable FOCUS "
              + (source.format() == FocusSource.Format.PARQUET ? "Parquet" : "CSV")
              + " file: "
              + Store.firstLine(e));
    }
    long staged = scalar("SELECT count(*) FROM " + StageSql.STAGE);
    long badRows = scalar("SELECT count(*) FROM " + StageSql.STAGE + " WHERE bad");
    Rejected rejected = rejected(source, sql, options, staged, badRows);
    IngestReport report =
        inTransaction(
            options,
            id -> {
              long duplicates = markDuplicates();
              long inserted =
                  duplicates == staged - badRows
                      ? 0 // every good row is in the ledger already (the same file again)
                      : update(
                          insertInto(
                              id,
                              "SELECT "
                                  + StageSql.ledgerColumns()
                                  + " FROM "
                                  + StageSql.STAGE
                                  + " WHERE NOT bad AND rowid NOT IN (SELECT rid FROM "
                                  + SEEN
                                  + ")"));
              var normalisations = normalisations(source, sql, StageSql.STAGE + " WHERE NOT bad");
              return finish(
                  source,
                  id,
                  inserted,
                  duplicates,
                  rejected.count(),
                  normalisations,
                  rejected.reasons(),
                  rejected.first(),
                  rejected.file());
            });
    return java.util.Objects.requireNonNull(report, "the staged path always gives a report");
  }

  /** The staged file's rejected rows: how many, why, the first ones, and the reject file. */
  private record Rejected(
      long count, Map<String, Long> reasons, List<RejectedRow> first, @Nullable String file) {}

  /**
   * Works out which staged rows are rejected, on which line and why; refuses the file when there
   * are any and --skip-bad-rows is off, else writes them to the reject file.
   */
  private Rejected rejected(
      FocusSource source, StageSql sql, IngestOptions options, long staged, long badRows)
      throws SQLException {
    var rejects = new Rejects(c);
    List<RejectedRow> structural = rejects.structuralRejects(source);
    long count = badRows + structural.size();
    if (count == 0) return new Rejected(0, Map.of(), List.of(), null);
    List<Long> thresholds = Rejects.thresholds(source, structural);
    if (badRows > 0) rejects.createMasks(sql);
    Map<String, Long> reasons = rejects.reasonCounts(structural, badRows);
    List<RejectedRow> first = rejects.firstRejects(source, structural, thresholds, badRows);
    if (!options.skipBadRows())
      throw Rejects.refused(source, staged + structural.size(), count, reasons, first);
    String file = RejectFile.write(this, source, structural, lineExpr(source, thresholds, "s.rid"));
    return new Rejected(count, reasons, first, file);
  }

  /**
   * The INSERT both paths use: {@code select} gives {@link StageSql#ledgerColumns()}. The rows'
   * order carries no meaning (no line is stored; identical copies are counted, not numbered).
   */
  private static String insertInto(long id, String select) {
    return "INSERT INTO billing_rows ("
        + StageSql.ledgerColumns()
        + ", ingestion_id) SELECT *, "
        + id
        + " FROM ("
        + select
        + ")";
  }

  /** In the ingest's transaction, after the insert: the monthly and daily sums, the report. */
  private IngestReport finish(
      FocusSource source,
      long id,
      long inserted,
      long duplicates,
      long rejected,
      Map<String, Long> normalisations,
      Map<String, Long> reasons,
      List<RejectedRow> first,
      @Nullable String rejectFile)
      throws SQLException {
    if (before != null) before.checkUnchanged(source.path(), source.name());
    BigInteger applied =
        sql != null && sql.has("ContractApplied")
            ? ContractAppliedRows.append(this, sql, id)
            : BigInteger.ZERO;
    // before any sum over the file's rows
    MagnitudeBound.record(c, source.name(), id, "ContractApplied", applied);
    insertMonthly(id);
    DailyAggregate.append(c, id); // billing_daily (V002), owned by the draw-down
    var report =
        new IngestReport(
            source.name(),
            source.format().label,
            source.version().label(),
            inserted + duplicates + rejected,
            inserted,
            duplicates,
            rejected,
            reasons,
            normalisations,
            source.ignored(),
            first,
            rejectFile);
    recordIngestion(c, id, source, report);
    return report;
  }

  /** Runs one statement, following DuckDB's own progress; returns its update count. */
  private long withProgress(String q, IngestOptions options) throws SQLException {
    exec("PRAGMA enable_progress_bar");
    exec("PRAGMA disable_print_progress_bar");
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "nuage-ingest-progress");
              t.setDaemon(true);
              return t;
            });
    long t0 = System.nanoTime();
    try (PreparedStatement ps = c.prepareStatement(q)) {
      DuckDBPreparedStatement duck = ps.unwrap(DuckDBPreparedStatement.class);
      poller.scheduleAtFixedRate(
          () -> {
            try {
              double p = duck.getQueryProgress().getPercentage();
              if (p >= 0) options.progress().accept(p * 0.9);
            } catch (SQLException | RuntimeException ignored) {
              // progress is cosmetic; the query's own outcome is what counts
            }
          },
          500,
          250,
          TimeUnit.MILLISECONDS);
      ps.execute();
      return Math.max(0, ps.getLargeUpdateCount());
    } finally {
      poller.shutdownNow();
      timing(q, t0);
      options.progress().accept(90);
    }
  }

  String lineExpr(FocusSource source, List<Long> thresholds, String rowid) throws SQLException {
    if (source.format() == FocusSource.Format.PARQUET) return "(" + rowid + " + 1)";
    if (thresholds.isEmpty()) return "(" + rowid + " + 2)";
    exec("CREATE OR REPLACE TEMP TABLE " + SHIFT + " (t BIGINT)");
    var values = new StringJoiner(", ");
    for (long t : thresholds) values.add("(" + t + ")");
    exec("INSERT INTO " + SHIFT + " VALUES " + values);
    return "(" + rowid + " + 2 + (SELECT count(*) FROM " + SHIFT + " WHERE t <= " + rowid + "))";
  }

  /** Counted on the file's good rows, duplicates included, so a re-ingest reports the same. */
  private Map<String, Long> normalisations(FocusSource source, StageSql sql, String rows)
      throws SQLException {
    var out = new LinkedHashMap<String, Long>(source.headerNormalisations());
    var sums = new StringJoiner(", ");
    var present = new StringJoiner(" + ", "(", ")");
    for (FocusColumn col : source.columns().keySet())
      present.add("count(" + StageSql.ident(col.id()) + ")");
    sums.add("count(*) * " + source.columns().size() + " - " + present);
    Map<Integer, String> fixes = sql.caseFixColumns();
    for (int bit : fixes.keySet()) sums.add("coalesce(sum((case_fixed >> " + bit + ") & 1), 0)");
    sums.add("coalesce(sum((ContractedCost IS NULL)::INTEGER), 0)");
    for (String derived : source.derived().keySet()) sums.add("count(*)");
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT " + sums + " FROM " + rows)) {
      r.next();
      put(out, "NULL or empty value read as null", r.getLong(1));
      int i = 2;
      for (String column : fixes.values())
        put(out, column + ": case fixed to the spec's spelling", r.getLong(i++));
      put(out, "ContractedCost null tolerated (FOCUS says not null)", r.getLong(i++));
      for (var d : source.derived().entrySet())
        put(
            out,
            source.columns().keySet().stream().anyMatch(col -> col.id().equals(d.getKey()))
                ? d.getKey()
                    + " read from "
                    + d.getValue()
                    + " (FOCUS 1.3 replaces the deprecated "
                    + d.getKey()
                    + "; the file's own "
                    + d.getKey()
                    + " is not kept)"
                : d.getKey()
                    + " taken from "
                    + d.getValue()
                    + " (FOCUS 1.3 deprecates "
                    + d.getKey()
                    + ")",
            r.getLong(i++));
    }
    return out;
  }

  private static void put(Map<String, Long> map, String key, long n) {
    if (n > 0) map.put(key, n);
  }

  /**
   * Marks, in {@code nuage_seen}, the good stage rows the ledger already holds, and returns how
   * many. Identical rows are distinct charges (docs/ledger.md, "Row identity"): for each set of
   * identity values the ledger keeps as many copies as the most any single file had, so when the
   * ledger holds k copies, k of the file's (the first in stage order) are duplicates. DuckDB's
   * 64-bit {@code hash} only finds candidates. When every candidate hash stands for one set of
   * identity values (checked exactly, on every identity column), copies are counted per hash:
   * narrow and fast. Otherwise (a collision) they are counted per identity: the same rule, wide and
   * slow. So a hash collision can never drop a charge.
   */
  private long markDuplicates() throws SQLException {
    var identity = new StringJoiner(", ");
    for (FocusColumn col : StageSql.identity()) identity.add(StageSql.ident(col.id()));
    String inLedger = " WHERE NOT bad AND row_hash IN (SELECT row_hash FROM billing_rows)";
    String candidates = "(SELECT rowid AS rid, * FROM " + StageSql.STAGE + inLedger + ")";
    // one identity per candidate hash, exactly: the pairs (file row, ledger row) that share a
    // hash are all equal on every identity column (a join, not a DISTINCT over both sides)
    String good = StageSql.STAGE + " WHERE NOT bad";
    String pairs =
        "SELECT coalesce(sum(f.c * l.c), 0) FROM (SELECT row_hash, count(*) AS c FROM "
            + good
            + " GROUP BY row_hash) f JOIN (SELECT row_hash, count(*) AS c FROM billing_rows"
            + " WHERE row_hash IN (SELECT row_hash FROM "
            + good
            + ") GROUP BY row_hash) l USING (row_hash)";
    String equalPairs =
        "SELECT count(*) FROM (SELECT * FROM "
            + good
            + ") f JOIN billing_rows l ON l.row_hash = f.row_hash AND "
            + StageSql.sameIdentity("l", "f");
    boolean oneIdentityPerHash = scalar(equalPairs) == scalar(pairs);
    String key = oneIdentityPerHash ? "" : ", " + identity;
    String on =
        key.isEmpty()
            ? "l.row_hash = f.row_hash"
            : "l.row_hash = f.row_hash AND " + StageSql.sameIdentity("l", "f");
    exec(
        "CREATE TEMP TABLE "
            + SEEN
            + " AS SELECT f.rid FROM (SELECT rid, row_hash"
            + key
            + ", row_number() OVER (PARTITION BY row_hash"
            + key
            + " ORDER BY rid) AS copy FROM "
            + candidates
            + ") f JOIN (SELECT row_hash"
            + key
            + ", count(*) AS copies FROM billing_rows WHERE row_hash IN (SELECT row_hash FROM "
            + candidates
            + ") GROUP BY ALL) l ON "
            + on
            + " WHERE f.copy <= l.copies");
    return scalar("SELECT count(*) FROM " + SEEN);
  }

  private void insertMonthly(long id) throws SQLException {
    String dims =
        "BillingCurrency, ProviderName, InvoiceIssuerName, BillingAccountId, RegionId,"
            + " ServiceCategory, ServiceName, SkuId, ChargeCategory, ChargeClass, ChargeFrequency,"
            + " PricingCategory, PricingUnit, ConsumedUnit, CommitmentDiscountId,"
            + " CommitmentDiscountType, CommitmentDiscountCategory, CommitmentDiscountStatus";
    exec(
        "INSERT INTO billing_monthly (ingestion_id, month, "
            + dims
            + ", row_count, BilledCost, EffectiveCost, ListCost, ContractedCost, PricingQuantity,"
            + " ConsumedQuantity, CommitmentDiscountQuantity, first_charge_start, last_charge_end)"
            + " SELECT "
            + id
            + ", date_trunc('month', ChargePeriodStart)::DATE, "
            + dims
            + ", count(*), sum(BilledCost), sum(EffectiveCost), sum(ListCost), sum(ContractedCost),"
            + " sum(PricingQuantity), sum(ConsumedQuantity), sum(CommitmentDiscountQuantity),"
            + " min(ChargePeriodStart), max(ChargePeriodEnd) FROM "
            + NEW_ROWS
            + id
            + " GROUP BY ALL");
  }

  static void recordIngestion(Connection c, long id, FocusSource source, IngestReport report)
      throws SQLException {
    long bytes;
    try {
      bytes = Files.size(source.path());
    } catch (java.io.IOException e) {
      bytes = -1;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ingestions (ingestion_id, source, file_bytes, format, focus_version,"
                + " ingested_at, rows_read, rows_accepted, rows_duplicate, rows_rejected, report,"
                + " dataset) VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, source.name());
      ps.setLong(3, bytes);
      ps.setString(4, source.format().label);
      ps.setString(5, source.version().label());
      ps.setLong(6, report.rowsRead());
      ps.setLong(7, report.accepted());
      ps.setLong(8, report.duplicates());
      ps.setLong(9, report.rejected());
      ps.setString(10, ReportJson.of(report));
      ps.setString(11, report.dataset());
      ps.executeUpdate();
    }
  }

  Connection connection() {
    return c;
  }

  String masksTable() {
    return MASKS;
  }

  private void dropTemps() {
    for (String t : List.of(StageSql.STAGE, StageSql.REJECTS, StageSql.SCANS, SHIFT, MASKS, SEEN)) {
      try {
        exec("DROP TABLE IF EXISTS " + t);
      } catch (SQLException ignored) {
        // a temp table that cannot be dropped disappears with the connection anyway
      }
    }
  }

  private void exec(String q) throws SQLException {
    long t0 = System.nanoTime();
    try (Statement s = c.createStatement()) {
      s.execute(q);
    }
    timing(q, t0);
  }

  /** With -Dnuage.ingest.timing=true, each statement's time goes to stderr (for tuning). */
  private static void timing(String q, long t0) {
    if (Boolean.getBoolean("nuage.ingest.timing"))
      System.err.printf(
          "%8.2f s (cpu so far %6.1f s)  %s%n",
          (System.nanoTime() - t0) / 1e9,
          ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() / 1e3,
          q.substring(0, Math.min(90, q.length())).replace('\n', ' '));
  }

  private long update(String q) throws SQLException {
    long t0 = System.nanoTime();
    try (Statement s = c.createStatement()) {
      return s.executeLargeUpdate(q);
    } finally {
      timing(q, t0);
    }
  }

  private long scalar(String q) throws SQLException {
    long t0 = System.nanoTime();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(q)) {
      r.next();
      return r.getLong(1);
    } finally {
      timing(q, t0);
    }
  }
}
