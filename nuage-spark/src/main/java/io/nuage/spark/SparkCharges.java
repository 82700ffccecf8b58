package io.nuage.spark;

import io.nuage.core.NuageException;
import io.nuage.ledger.AppliedSum;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.Charges;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.TrueUpCharges;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    if (export.rowCount() > 0)
      spark.read().parquet(export.rows().toString()).createOrReplaceTempView("billing_rows");
    else spark.sql(LedgerSql.EMPTY_ROWS).createOrReplaceTempView("billing_rows");
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

  @Override
  public Reconciliation reconcile(
      List<ContractRate> rates, BillingProviders names, int rowLimit, String currency) {
    throw new NuageException(
        "--engine spark: the reconciliation does not run on Spark yet; run nuage ledger reconcile"
            + " on the store");
  }

  private List<Row> query(String sql) {
    try {
      return spark.sql(sql).collectAsList();
    } catch (RuntimeException e) {
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
