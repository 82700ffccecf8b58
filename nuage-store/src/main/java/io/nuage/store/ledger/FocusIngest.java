package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.ledger.FocusColumn;
import io.nuage.ledger.FocusColumns;
import io.nuage.store.Store;
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

/**
 * Ingests one FOCUS file in one transaction: stage (DuckDB reads, normalises, types and checks
 * every row), decide (refuse the file, or set the bad rows aside), insert the rows not yet in the
 * ledger (anti-join on the row identity), append the monthly sums, record the ingestion, commit.
 */
final class FocusIngest {
  static final int FIRST_REJECTS = 10;
  static final String RAW = "nuage_raw";
  static final String MASKS = "nuage_masks";
  private static final String OCCURRENCES = "nuage_occurrences";
  private static final String SEEN = "nuage_seen";
  private static final String SHIFT = "nuage_shift";

  private final Connection c;

  FocusIngest(Store store) {
    this.c = store.connection();
  }

  IngestReport run(Path file, IngestOptions options) {
    FocusSource source = FocusSource.read(c, file, options.fills());
    StageSql sql = new StageSql(source);
    try {
      try {
        return ingest(source, sql, options);
      } finally {
        dropTemps();
      }
    } catch (SQLException e) {
      throw new NuageException(
          source.name() + ": cannot ingest: " + Store.firstLine(e) + " (nothing was ingested)", e);
    }
  }

  /**
   * The stage and its helpers are connection-local temp tables, filled outside the ledger's
   * transaction (a temp table's rowid is its record order only once committed); everything that
   * touches the ledger happens in one transaction at the end.
   */
  private IngestReport ingest(FocusSource source, StageSql sql, IngestOptions options)
      throws SQLException {
    dropTemps();
    stage(source, sql, options);
    long staged = scalar("SELECT count(*) FROM " + StageSql.STAGE);
    var rejects = new Rejects(c);
    List<RejectedRow> structural = rejects.structuralRejects(source);
    List<Long> thresholds = Rejects.thresholds(structural);
    long badRows = scalar("SELECT count(*) FROM " + StageSql.STAGE + " WHERE bad");
    long rowsRead = staged + structural.size();
    long rejected = badRows + structural.size();
    var reasons = new LinkedHashMap<String, Long>();
    List<RejectedRow> first = List.of();
    String rejectFile = null;
    if (rejected > 0) {
      if (badRows > 0) rejects.createMasks(sql);
      reasons.putAll(rejects.reasonCounts(structural, badRows));
      first = rejects.firstRejects(source, structural, thresholds, badRows);
      if (!options.skipBadRows()) throw Rejects.refused(source, rowsRead, rejected, reasons, first);
      rejectFile =
          RejectFile.write(this, source, structural, lineExpr(source, thresholds, "s.rid"));
    }
    var normalisations = normalisations(source, sql);
    String lineExpr = lineExpr(source, thresholds, "s.rid");
    c.setAutoCommit(false);
    try {
      long id = scalar("SELECT nextval('ingestion_ids')");
      long accepted = insertRows(lineExpr, id);
      long duplicates = staged - badRows - accepted;
      insertMonthly(id, duplicates == 0);
      DailyAggregate.append(c, id); // billing_daily (V002), owned by the draw-down
      var report =
          new IngestReport(
              source.name(),
              source.format().label,
              source.version().label(),
              rowsRead,
              accepted,
              duplicates,
              rejected,
              reasons,
              normalisations,
              source.ignored(),
              first,
              rejectFile);
      recordIngestion(id, source, report);
      c.commit();
      options.progress().accept(100);
      return report;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private void stage(FocusSource source, StageSql sql, IngestOptions options) throws SQLException {
    exec("PRAGMA enable_progress_bar");
    exec("PRAGMA disable_print_progress_bar");
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "nuage-ingest-progress");
              t.setDaemon(true);
              return t;
            });
    try (PreparedStatement ps = c.prepareStatement(sql.createStage())) {
      DuckDBPreparedStatement duck = ps.unwrap(DuckDBPreparedStatement.class);
      poller.scheduleAtFixedRate(
          () -> {
            try {
              double p = duck.getQueryProgress().getPercentage();
              if (p >= 0) options.progress().accept(p * 0.8);
            } catch (SQLException | RuntimeException ignored) {
              // progress is cosmetic; the query's own outcome is what counts
            }
          },
          500,
          250,
          TimeUnit.MILLISECONDS);
      long t0 = System.nanoTime();
      ps.execute();
      timing("stage", t0);
      if (Boolean.getBoolean("nuage.ingest.timing")) System.err.println(sql.createStage());
    } catch (SQLException e) {
      throw FocusSource.fileProblem(
          source.name(),
          "not a readable FOCUS "
              + (source.format() == FocusSource.Format.PARQUET ? "Parquet" : "CSV")
              + " file: "
              + Store.firstLine(e));
    } finally {
      poller.shutdownNow();
    }
    options.progress().accept(80);
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

  private Map<String, Long> normalisations(FocusSource source, StageSql sql) throws SQLException {
    var out = new LinkedHashMap<String, Long>(source.headerNormalisations());
    var sums = new StringJoiner(", ");
    var present = new StringJoiner(" + ", "(", ")");
    for (FocusColumn col : source.columns().keySet())
      present.add("count(" + StageSql.ident(col.id()) + ")");
    sums.add("count(*) * " + source.columns().size() + " - " + present);
    List<String[]> fixes = sql.caseFixColumns();
    for (String[] f : fixes) sums.add("coalesce(sum(" + f[0] + "), 0)");
    sums.add("coalesce(sum((ContractedCost IS NULL)::INTEGER), 0)");
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT " + sums + " FROM " + StageSql.STAGE + " WHERE NOT bad")) {
      r.next();
      put(out, "NULL or empty value read as null", r.getLong(1));
      for (int i = 0; i < fixes.size(); i++)
        put(out, fixes.get(i)[1] + ": case fixed to the spec's spelling", r.getLong(2 + i));
      put(out, "ContractedCost null tolerated (FOCUS says not null)", r.getLong(2 + fixes.size()));
    }
    return out;
  }

  private static void put(Map<String, Long> map, String key, long n) {
    if (n > 0) map.put(key, n);
  }

  /**
   * Inserts the good rows not yet in the ledger. DuckDB's 64-bit {@code hash} of the identity
   * columns only finds candidates; a row is a duplicate when every identity column is equal, so a
   * hash collision can never drop a charge. The occurrence number (n-th identical row of the file)
   * is computed only for the rare hashes that repeat within the file.
   */
  private long insertRows(String line, long id) throws SQLException {
    IdentityHash.refreshIfEngineChanged(c);
    var cols = new StringJoiner(", ");
    for (FocusColumn col : FocusColumns.all()) cols.add(StageSql.ident(col.id()));
    var identity = new StringJoiner(", ");
    for (FocusColumn col : StageSql.identity()) identity.add(StageSql.ident(col.id()));
    String repeated =
        "SELECT row_hash FROM "
            + StageSql.STAGE
            + " WHERE NOT bad GROUP BY row_hash HAVING count(*) > 1";
    if (scalar("SELECT count(*) FROM (" + repeated + ")") > 0) {
      exec(
          "CREATE TEMP TABLE "
              + OCCURRENCES
              + " AS SELECT rid, row_number() OVER (PARTITION BY row_hash, "
              + identity
              + " ORDER BY rid) AS occurrence FROM (SELECT rowid AS rid, * FROM "
              + StageSql.STAGE
              + " WHERE NOT bad AND row_hash IN ("
              + repeated
              + "))");
      exec(
          "UPDATE "
              + StageSql.STAGE
              + " SET occurrence = o.occurrence FROM "
              + OCCURRENCES
              + " o WHERE "
              + StageSql.STAGE
              + ".rowid = o.rid AND o.occurrence > 1");
    }
    exec(
        "CREATE TEMP TABLE "
            + SEEN
            + " AS SELECT s.rid FROM (SELECT rowid AS rid, * FROM "
            + StageSql.STAGE
            + " WHERE NOT bad) s JOIN billing_rows b ON b.row_hash = s.row_hash"
            + " AND b.occurrence = s.occurrence AND "
            + StageSql.sameIdentity("b", "s"));
    String q =
        "INSERT INTO billing_rows SELECT "
            + cols
            + ", row_hash, occurrence, "
            + id
            + ", line FROM (SELECT *, "
            + line
            + " AS line FROM (SELECT *, rowid AS rid FROM "
            + StageSql.STAGE
            + " WHERE NOT bad) s) x WHERE x.rid NOT IN (SELECT rid FROM "
            + SEEN
            + ")";
    long t0 = System.nanoTime();
    // the ledger's physical row order carries no meaning (source_line is stored): let DuckDB
    // write in parallel without keeping the stage's order
    exec("SET preserve_insertion_order = false");
    try (Statement s = c.createStatement()) {
      return s.executeLargeUpdate(q);
    } finally {
      exec("SET preserve_insertion_order = true");
      timing(q, t0);
    }
  }

  /** From the stage when every good row was new (no need to read them back), else the ledger. */
  private void insertMonthly(long id, boolean allNew) throws SQLException {
    String from =
        allNew ? StageSql.STAGE + " WHERE NOT bad" : "billing_rows WHERE ingestion_id = " + id;
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
            + from
            + " GROUP BY ALL");
  }

  private void recordIngestion(long id, FocusSource source, IngestReport report)
      throws SQLException {
    long bytes;
    try {
      bytes = Files.size(source.path());
    } catch (java.io.IOException e) {
      bytes = -1;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ingestions VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?, ?, ?)")) {
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
    for (String t :
        List.of(
            StageSql.STAGE,
            StageSql.REJECTS,
            StageSql.SCANS,
            RAW,
            SHIFT,
            MASKS,
            OCCURRENCES,
            SEEN)) {
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
