package io.nuage.bench;

import io.nuage.catalog.Catalog;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.core.MonthRange;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.CommitmentLedger;
import io.nuage.ledger.DrawDownReport;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.ledger.DailyAggregate;
import io.nuage.store.ledger.DuckDbCharges;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the time of {@code nuage ledger} (draw-down, spend, shares, balance check) grows with the
 * number of ingested rows. Grows one store from 1 to 20 million FOCUS rows (generated in DuckDB
 * SQL, four providers hourly over three years, a tenth under commitment discounts), appending each
 * step as one ingestion with its daily aggregate, and times at each size: the aggregate's
 * maintenance, the draw-down query (median of 7), and the same GROUP BY over the raw rows (median
 * of 3) that the aggregate avoids. See docs/benchmarks.md for the command.
 *
 * <p>Arguments: {@code [millions,...]} (default {@code 1,2,5,10,20}) {@code [store path]}.
 */
public final class LedgerQueryBench {
  private LedgerQueryBench() {}

  public static void main(String[] args) throws Exception {
    int[] sizes =
        Arrays.stream((args.length > 0 ? args[0] : "1,2,5,10,20").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim()))
            .toArray();
    Path db =
        args.length > 1
            ? Path.of(args[1])
            : Files.createTempDirectory("nuage-bench").resolve("l.duckdb");
    Files.deleteIfExists(db);
    Scenario scenario = scenario();
    System.out.printf(
        "%10s %12s %12s %13s %10s %10s %12s%n",
        "rows",
        "daily rows",
        "generate ms",
        "aggregate ms",
        "ledger ms",
        "(sql ms)",
        "raw scan ms");
    try (Store store = Store.open(db)) {
      Connection c = store.connection();
      long have = 0;
      int ingestion = 0;
      for (int millions : sizes) {
        long want = millions * 1_000_000L;
        if (want <= have) continue;
        ingestion++;
        long t0 = System.nanoTime();
        generate(c, ingestion, have, want - have);
        long generated = System.nanoTime() - t0;
        t0 = System.nanoTime();
        c.setAutoCommit(false);
        DailyAggregate.append(c, ingestion);
        c.commit();
        c.setAutoCommit(true);
        long aggregated = System.nanoTime() - t0;
        have = want;
        List<Long> ledger = new ArrayList<>();
        List<Long> sql = new ArrayList<>();
        DrawDownReport report = null;
        for (int run = 0; run < 7; run++) {
          t0 = System.nanoTime();
          List<ChargeSum> charges = new DuckDbCharges(store).monthly(LocalDate.parse("2029-07-01"));
          sql.add(System.nanoTime() - t0);
          report = new CommitmentLedger(scenario).report(charges, LocalDate.parse("2029-07-01"));
          ledger.add(System.nanoTime() - t0);
        }
        List<Long> raw = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
          t0 = System.nanoTime();
          rawScan(c);
          raw.add(System.nanoTime() - t0);
        }
        System.out.printf(
            "%10d %12d %12d %13d %10d %10d %12d%n",
            have,
            count(c, "billing_daily"),
            generated / 1_000_000,
            aggregated / 1_000_000,
            median(ledger) / 1_000_000,
            median(sql) / 1_000_000,
            median(raw) / 1_000_000);
        if (report.contracts().isEmpty()) throw new IllegalStateException("no contracts drawn");
      }
    }
  }

  /** Appends {@code n} rows as ingestion {@code id}, numbered from {@code from}. */
  static void generate(Connection c, int id, long from, long n) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO ingestions (ingestion_id, source, file_bytes, format, focus_version,"
              + " ingested_at, rows_read, rows_accepted, rows_duplicate, rows_rejected, report)"
              + " VALUES ("
              + id
              + ", 'bench-"
              + id
              + "', 0, 'csv', '1.2',"
              + " now()::TIMESTAMP, "
              + n
              + ", "
              + n
              + ", 0, 0, '{}')");
      s.execute(
          """
          INSERT INTO billing_rows BY NAME
          SELECT
            (['Microsoft', 'Oracle', 'Amazon Web Services', 'Google Cloud'])[1 + (i % 4)::INTEGER]
              AS ProviderName,
            TIMESTAMP '2027-01-01' + to_hours(((i // 4) % 26280)::BIGINT) AS ChargePeriodStart,
            TIMESTAMP '2027-01-01' + to_hours(((i // 4) % 26280)::BIGINT + 1) AS ChargePeriodEnd,
            CASE WHEN i % 100000 = 7 THEN 'Purchase' WHEN i % 1000 = 3 THEN 'Credit'
                 ELSE 'Usage' END AS ChargeCategory,
            CASE WHEN i % 10 = 1 OR i % 100000 = 7 THEN 'cd-' || ((i // 10) % 8) END
              AS CommitmentDiscountId,
            CASE WHEN i % 10 = 1 THEN (CASE WHEN i % 40 = 1 THEN 'Unused' ELSE 'Used' END) END
              AS CommitmentDiscountStatus,
            CASE WHEN i % 10 = 1 THEN 0::DECIMAL(4,3)
                 ELSE ((i * 7919) % 100000)::DECIMAL(18,0) * 0.001::DECIMAL(4,3) END AS BilledCost,
            ((i * 7919) % 100000)::DECIMAL(18,0) * 0.001::DECIMAL(4,3) AS EffectiveCost,
            ((i * 7919) % 100000)::DECIMAL(18,0) * 0.0012::DECIMAL(5,4) AS ListCost,
            CASE WHEN i % 3 = 0 THEN 'GPU-Hours' ELSE 'GB' END AS ConsumedUnit,
            8::DECIMAL(4,0) AS ConsumedQuantity,
            'USD' AS BillingCurrency,
            i::UHUGEINT AS row_hash,
            INGESTION AS ingestion_id
          FROM range(FROM_ROW, TO_ROW) t(i)
          """
              .replace("INGESTION", Integer.toString(id))
              .replace("FROM_ROW", Long.toString(from))
              .replace("TO_ROW", Long.toString(from + n)));
    }
  }

  static void rawScan(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT ProviderName, CAST(ChargePeriodStart AS DATE), ChargeCategory,"
                    + " CommitmentDiscountId, CommitmentDiscountStatus, sum(BilledCost),"
                    + " sum(EffectiveCost), count(*) FROM billing_rows GROUP BY ALL")) {
      while (r.next()) r.getBigDecimal(6);
    }
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  static long median(List<Long> xs) {
    List<Long> sorted = xs.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** Four providers, a five-year committed-spend deal, a reservation and a rate card. */
  static Scenario scenario() {
    BigDecimal min = new BigDecimal("100000000");
    return new Scenario(
        "ledger-bench",
        MonthRange.of("2027-01", "2031-12"),
        Catalog.empty(),
        List.of(),
        List.of(
            new CommittedSpend(
                "azure-commit",
                "azure",
                MonthRange.of("2027-01", "2031-12"),
                List.of(min, min, min, min, min),
                new BigDecimal("0.2"),
                true),
            new ReservedCapacity(
                "cd-2",
                "oci",
                "oci/us-ashburn-1",
                "H100",
                1024,
                MonthRange.of("2027-01", "2029-12"),
                new BigDecimal("2.50")),
            new RateCard("aws-card", "aws", MonthRange.of("2027-01", "2031-12"), BigDecimal.ZERO)),
        List.of(),
        new Policy(new BigDecimal("0.4"), Map.of(), Set.of()));
  }
}
