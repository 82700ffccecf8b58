package io.nuage.spark;

import io.nuage.ledger.AppliedSum;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.Charges;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.ReconciliationTotal;
import io.nuage.ledger.TrueUpCharges;
import io.nuage.store.ledger.ReconciliationSql;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's charges computed by Spark SQL over a Parquet export: the same sums the store's
 * {@code DuckDbCharges} reads from its daily aggregate, grouped by month straight from the rows (a
 * month's sum of daily sums is the month's sum, exactly, in DECIMAL(38,18)). The two dialects'
 * queries sit side by side ({@link LedgerSql}); a test holds their answers equal.
 */
final class SparkCharges implements Charges {
  private final SparkSession spark;
  private final LedgerExport export;

  SparkCharges(SparkSession spark, LedgerExport export) {
    this.spark = spark;
    this.export = export;
    export.checkSupported();
    new PartitionSchemas(spark, export).check();
    try {
      rows(spark, export).createOrReplaceTempView("billing_rows");
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
      throw PartitionSchemas.named(export, e);
    }
  }

  /**
   * The export's rows and those of every file appended to it, each root read with its own
   * partitions, matched by column name. Spark is given the files the manifests list, never a
   * directory to list itself: it reads exactly the files checked.
   */
  private static Dataset<Row> rows(SparkSession spark, LedgerExport export) {
    if (export.rowCount() == 0 || export.roots().isEmpty()) return spark.sql(LedgerSql.EMPTY_ROWS);
    Dataset<Row> all = null;
    for (Map.Entry<Path, Map<Path, Long>> root : export.files().entrySet()) {
      if (root.getValue().isEmpty()) continue;
      String[] files = root.getValue().keySet().stream().map(Path::toString).toArray(String[]::new);
      Dataset<Row> one = spark.read().option("basePath", root.getKey().toString()).parquet(files);
      all = all == null ? one : all.unionByName(one);
    }
    return all != null ? all : spark.sql(LedgerSql.EMPTY_ROWS);
  }

  @Override
  public Optional<LocalDate> lastChargeDay() {
    Object d = one(LedgerSql.LAST_DAY);
    return d == null ? Optional.empty() : Optional.of(date(d));
  }

  @Override
  public Optional<LocalDateTime> lastUsageEnd() {
    Object t = one(LedgerSql.LAST_END);
    return t == null ? Optional.empty() : Optional.of(timestamp(t));
  }

  @Override
  public List<ChargeSum> monthly(LocalDate before) {
    List<ChargeSum> out = new ArrayList<>();
    for (Row r : query(LedgerSql.monthly(before)))
      out.add(
          new ChargeSum(
              String.valueOf(r.getString(0)),
              date(r.get(1)),
              String.valueOf(r.getString(2)),
              r.getString(3),
              r.getString(4),
              r.getDecimal(5),
              r.getDecimal(6),
              r.getDecimal(7),
              r.getLong(8),
              timestamp(r.get(9)),
              timestamp(r.get(10)),
              r.getString(11),
              String.valueOf(r.getString(12)),
              r.getString(13),
              r.getString(14),
              r.getString(15),
              io.nuage.store.ledger.DuckDbCharges.ids(r.getString(16)),
              r.getString(17),
              r.getString(18)));
    return out;
  }

  @Override
  public List<AppliedSum> applied(LocalDate before) {
    return List.of(); // an export with ContractApplied rows is refused (LedgerExport)
  }

  @Override
  public TrueUpCharges trueUps(LocalDate before) {
    return TrueUpCharges.NONE; // an export with true-up candidates is refused (LedgerExport)
  }

  /**
   * The store's reconciliation queries ({@link ReconciliationSql}, one definition) run by Spark; an
   * export holds no ContractApplied rows (refused), so no line's applied amounts to compare.
   */
  @Override
  public Reconciliation reconcile(
      List<ContractRate> rates, BillingProviders names, int rowLimit, String currency) {
    List<String> billed = new ArrayList<>();
    for (Row r : query(ReconciliationSql.BILLING_NAMES.formatted("billing_rows")))
      billed.add(r.getString(0));
    ReconciliationSql sql =
        new ReconciliationSql(ReconciliationSql.Dialect.SPARK, rates, names, billed, currency);
    List<ReconciliationTotal> totals = new ArrayList<>();
    for (Row r : query(sql.totals())) totals.add(ReconciliationSql.total(cells(r)));
    List<OverbilledRow> rows = new ArrayList<>();
    for (Row r : query(sql.flagged(rowLimit))) rows.add(sql.flaggedRow(cells(r)));
    return new Reconciliation(totals, rows, List.of());
  }

  private static ReconciliationSql.Cells cells(Row r) {
    return new ReconciliationSql.Cells() {
      @Override
      public @Nullable String text(int column) {
        return r.getString(column);
      }

      @Override
      public @Nullable BigDecimal decimal(int column) {
        return r.getDecimal(column);
      }

      @Override
      public long count(int column) {
        return r.getLong(column);
      }

      @Override
      public @Nullable Integer index(int column) {
        return r.isNullAt(column) ? null : r.getInt(column);
      }

      @Override
      public LocalDateTime time(int column) {
        return timestamp(r.get(column));
      }
    };
  }

  /**
   * Runs a statement written with JDBC's {@code ?} markers: Spark binds positional markers in the
   * order of its analysed plan, not of the text, so each becomes a named one ({@code :p0, :p1,
   * ...}) in the order it is written (the shared texts hold no {@code ?} inside a literal).
   */
  private List<Row> query(ReconciliationSql.Statement statement) {
    StringBuilder text = new StringBuilder();
    java.util.Map<String, Object> args = new java.util.HashMap<>();
    String sql = statement.text();
    int n = 0;
    for (int i = 0; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (ch != '?') {
        text.append(ch);
        continue;
      }
      String name = "p" + n;
      text.append(':').append(name);
      args.put(name, statement.params().get(n++));
    }
    if (n != statement.params().size())
      throw new IllegalStateException(n + " markers for " + statement.params().size() + " values");
    try {
      return spark.sql(text.toString(), args).collectAsList();
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
      throw PartitionSchemas.named(export, e);
    }
  }

  private List<Row> query(String sql) {
    try {
      return spark.sql(sql).collectAsList();
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
      throw PartitionSchemas.named(export, e);
    }
  }

  private @Nullable Object one(String sql) {
    List<Row> rows = query(sql);
    return rows.isEmpty() || rows.get(0).isNullAt(0) ? null : rows.get(0).get(0);
  }

  private static LocalDate date(Object d) {
    if (d instanceof java.sql.Date s) return s.toLocalDate();
    return (LocalDate) d;
  }

  private static LocalDateTime timestamp(Object t) {
    if (t instanceof java.sql.Timestamp s) return s.toLocalDateTime();
    if (t instanceof java.time.Instant i)
      return LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    return (LocalDateTime) t;
  }
}
