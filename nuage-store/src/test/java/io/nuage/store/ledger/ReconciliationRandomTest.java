package io.nuage.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Provider;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.ReconciliationTotal;
import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded comparison (found by the review of issue 10): the reconciliation against a Java
 * BigDecimal oracle built on {@link ContractRate#expected} and {@link ContractRate#overbilled},
 * over random rows within the magnitude bound (negative, fractional, huge, NULL quantity, not-hours
 * units, several contracts).
 */
class ReconciliationRandomTest {
  @TempDir Path dir;

  record Row(
      int n,
      String billed,
      String list,
      String qty,
      String unit,
      String cdid,
      String prov,
      String start) {}

  private static String dec(Random r, long maxWhole, int maxScale, boolean neg) {
    long whole = maxWhole <= 0 ? 0 : Math.floorMod(r.nextLong(), maxWhole + 1);
    int scale = r.nextInt(maxScale + 1);
    BigDecimal v = new BigDecimal(BigInteger.valueOf(whole));
    if (scale > 0) {
      BigInteger frac = new BigInteger(64, r).mod(BigInteger.TEN.pow(scale));
      v = v.add(new BigDecimal(frac, scale));
    }
    if (neg && r.nextInt(4) == 0) v = v.negate();
    return v.toPlainString();
  }

  private static BigDecimal rateFactor(Random r, boolean price) {
    int scale = r.nextInt(10);
    if (!price)
      return new BigDecimal(BigInteger.valueOf(r.nextInt(1_000_000_000)), 9)
          .setScale(scale, java.math.RoundingMode.DOWN);
    long whole = r.nextInt(4) == 0 ? r.nextInt(1_000_000_000) : r.nextInt(500);
    return BigDecimal.valueOf(whole)
        .add(new BigDecimal(BigInteger.valueOf(r.nextInt(1_000_000_000)), 9))
        .setScale(scale, java.math.RoundingMode.DOWN);
  }

  /** docs/ledger.md: w = trunc(base) × factor exact, f = fraction × factor rounded at the 18th. */
  static BigDecimal documented(BigDecimal base, BigDecimal factor) {
    BigDecimal whole = base.setScale(0, java.math.RoundingMode.DOWN);
    BigDecimal f =
        base.subtract(whole).multiply(factor).setScale(18, java.math.RoundingMode.HALF_UP);
    return whole.multiply(factor).add(f);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void reconciliation_equalsTheJavaOracle(long seed) throws Exception {
    Random r = new Random(seed);
    LocalDate t0 = LocalDate.of(2024, 1, 1);
    List<ContractRate> rates = new ArrayList<>();
    rates.add(
        new ContractRate(
            "res-1", "aws", t0, t0.plusMonths(12), "res-1", 0, null, rateFactor(r, true)));
    rates.add(
        new ContractRate(
            "res-2",
            "aws",
            t0.plusMonths(6),
            t0.plusMonths(24),
            "res-2",
            0,
            null,
            rateFactor(r, true)));
    rates.add(
        new ContractRate(
            "aws-commit",
            "aws",
            t0.plusMonths(3),
            t0.plusMonths(15),
            null,
            1,
            rateFactor(r, false),
            null));
    rates.add(
        new ContractRate(
            "aws-card", "aws", t0, t0.plusMonths(24), null, 2, rateFactor(r, false), null));
    rates.add(
        new ContractRate(
            "azure-card", "azure", t0, t0.plusMonths(24), null, 2, rateFactor(r, false), null));
    rates.sort(Comparator.comparingInt(ContractRate::priority));
    BillingProviders names =
        new BillingProviders(List.of(Provider.of("aws"), Provider.of("azure"), Provider.of("oci")));

    List<Row> rows = new ArrayList<>();
    String[] units = {"Hours", "hours", "LCU-Hours", "GB", null};
    String[] cdids = {"res-1", "res-2", "other", null, null};
    String[] provs = {"AWS", "AWS", "AWS", "Microsoft", "Oracle"};
    int count = 400;
    for (int n = 1; n <= count; n++) {
      int kind = r.nextInt(10);
      // each decimal column's sum of |values| stays below 10^18 (400 rows × < 2·10^15)
      long big = kind == 0 ? 1_000_000_000_000_000L : kind < 3 ? 1_000_000_000L : 1000;
      String billed = dec(r, big, r.nextInt(19), true);
      String list = dec(r, big, r.nextInt(19), true);
      String qty = r.nextInt(12) == 0 ? null : dec(r, big, r.nextInt(19), true);
      if (r.nextInt(8) == 0) billed = list; // near the expected cost
      LocalDateTime start = t0.minusMonths(2).atStartOfDay().plusHours(r.nextInt(24 * 30 * 28));
      rows.add(
          new Row(
              n,
              billed,
              list,
              qty,
              units[r.nextInt(units.length)],
              cdids[r.nextInt(cdids.length)],
              provs[r.nextInt(provs.length)],
              start.toString()));
    }
    // a few rows far beyond 10^19 (big hours at res-1's price), in budget: 4·10^17 hours in all
    for (int k = 0; k < 4; k++) {
      int n = count + 1 + k;
      String q = (k % 2 == 0 ? "-" : "") + "99999999999999999.5";
      rows.add(
          new Row(
              n,
              dec(r, 1000, 2, true),
              "1",
              q,
              "Hours",
              "res-1",
              "AWS",
              t0.atStartOfDay().plusHours(5 + k).toString()));
    }

    Path csv = dir.resolve("rows.csv");
    String sample = SharedData.file(DuckDbChargesTest.SAMPLE).toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE v(n INT, b VARCHAR, l VARCHAR, q VARCHAR, u VARCHAR, c VARCHAR,"
              + " p VARCHAR, st TIMESTAMP)");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO v VALUES (?,?,?,?,?,?,?,?)")) {
        for (Row w : rows) {
          p.setInt(1, w.n());
          p.setString(2, w.billed());
          p.setString(3, w.list());
          p.setString(4, w.qty());
          p.setString(5, w.unit());
          p.setString(6, w.cdid());
          p.setString(7, w.prov());
          p.setObject(8, LocalDateTime.parse(w.start()));
          p.addBatch();
        }
        p.executeBatch();
      }
      s.execute(
          "COPY (SELECT t.* REPLACE (v.b AS BilledCost, v.b AS EffectiveCost,"
              + " v.l AS ListCost, v.q AS PricingQuantity, v.u AS PricingUnit,"
              + " v.c AS CommitmentDiscountId, v.p AS ProviderName, 'Usage' AS ChargeCategory,"
              + " CASE WHEN v.c IS NULL THEN NULL ELSE 'Used' END AS CommitmentDiscountStatus,"
              + " 'row' || v.n AS ResourceId, strftime(v.st, '%Y-%m-%d %H:%M:%S') AS ChargePeriodStart,"
              + " strftime(v.st + INTERVAL 1 HOUR, '%Y-%m-%d %H:%M:%S') AS ChargePeriodEnd,"
              + " strftime(date_trunc('month', v.st), '%Y-%m-%d %H:%M:%S') AS BillingPeriodStart,"
              + " strftime(date_trunc('month', v.st) + INTERVAL 1 MONTH, '%Y-%m-%d %H:%M:%S')"
              + " AS BillingPeriodEnd)"
              + " FROM (SELECT * FROM read_csv('"
              + sample
              + "', all_varchar = true)"
              + " WHERE ProviderName = 'AWS' AND ChargeCategory = 'Usage' LIMIT 1) t, v ORDER BY v.n)"
              + " TO '"
              + csv
              + "' (FORMAT csv)");
    }

    try (Store store = Store.open(dir.resolve("ledger.duckdb"))) {
      var report = new DuckDbIngestions(store).ingest(csv, IngestOptions.DEFAULT);
      assertThat(report.accepted()).as(report.toString()).isEqualTo(rows.size());
      Reconciliation got = new DuckDbCharges(store).reconcile(rates, names, 100_000);

      // the oracle, on the values as the ledger holds them
      record Exp(
          String provider,
          LocalDateTime start,
          long rid,
          String res,
          String contract,
          BigDecimal billed,
          BigDecimal expected) {
        BigDecimal excess() {
          return billed.subtract(expected);
        }
      }
      List<Exp> flagged = new ArrayList<>();
      Map<String, long[]> counts = new TreeMap<>();
      Map<String, BigDecimal[]> sums = new TreeMap<>();
      try (Statement s = store.connection().createStatement();
          ResultSet q =
              s.executeQuery(
                  "SELECT ProviderName, ChargePeriodStart, rowid, ResourceId,"
                      + " BilledCost, ListCost, PricingQuantity, PricingUnit, CommitmentDiscountId"
                      + " FROM billing_rows WHERE ChargeCategory = 'Usage'")) {
        while (q.next()) {
          String prov = names.resolve(q.getString(1));
          LocalDateTime start = q.getTimestamp(2).toLocalDateTime();
          BigDecimal billed = q.getBigDecimal(5);
          BigDecimal list = q.getBigDecimal(6);
          BigDecimal qty = q.getBigDecimal(7);
          String unit = q.getString(8);
          String cd = q.getString(9);
          ContractRate rate = null;
          for (ContractRate k : rates) {
            if (k.provider().equals(prov)
                && !start.isBefore(k.from().atStartOfDay())
                && start.isBefore(k.to().atStartOfDay())
                && (k.commitmentDiscountId() == null || k.commitmentDiscountId().equals(cd))) {
              rate = k;
              break;
            }
          }
          BigDecimal expected = rate == null ? list : rate.expected(list, qty, unit);
          if (expected != null)
            expected =
                documented(
                    rate == null ? list : rate.discount() != null ? list : qty,
                    rate == null ? BigDecimal.ONE : rate.factor());
          counts.computeIfAbsent(prov, x -> new long[2]);
          sums.computeIfAbsent(prov, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
          if (expected == null) continue;
          counts.get(prov)[0]++;
          if (ContractRate.overbilled(billed, expected)) {
            counts.get(prov)[1]++;
            sums.get(prov)[0] = sums.get(prov)[0].add(billed);
            sums.get(prov)[1] = sums.get(prov)[1].add(expected);
            flagged.add(
                new Exp(
                    prov,
                    start,
                    q.getLong(3),
                    q.getString(4),
                    rate == null ? null : rate.contract(),
                    billed,
                    expected));
          }
        }
      }
      flagged.sort(
          Comparator.comparing(Exp::excess)
              .reversed()
              .thenComparing(Exp::start)
              .thenComparingLong(Exp::rid));

      List<String> problems = new ArrayList<>();
      for (ReconciliationTotal t : got.totals()) {
        long[] c = counts.getOrDefault(t.provider(), new long[2]);
        BigDecimal[] s =
            sums.getOrDefault(t.provider(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        if (t.rowsChecked() != c[0]
            || t.rowsFlagged() != c[1]
            || t.billed().compareTo(s[0]) != 0
            || t.expected().compareTo(s[1]) != 0
            || t.excess().compareTo(s[0].subtract(s[1])) != 0)
          problems.add(
              "total "
                  + t
                  + " vs oracle checked="
                  + c[0]
                  + " flagged="
                  + c[1]
                  + " billed="
                  + s[0].toPlainString()
                  + " expected="
                  + s[1].toPlainString());
      }
      int n = Math.min(got.rows().size(), flagged.size());
      if (got.rows().size() != flagged.size())
        problems.add("flagged rows: " + got.rows().size() + " vs oracle " + flagged.size());
      for (int i = 0; i < n; i++) {
        OverbilledRow g = got.rows().get(i);
        Exp e = flagged.get(i);
        if (!g.resourceId().equals(e.res())
            || g.expected().compareTo(e.expected()) != 0
            || g.excess().compareTo(e.excess()) != 0)
          problems.add(
              "#"
                  + i
                  + " got "
                  + g.resourceId()
                  + " exp="
                  + g.expected().toPlainString()
                  + " exc="
                  + g.excess().toPlainString()
                  + " | oracle "
                  + e.res()
                  + " exp="
                  + e.expected().toPlainString()
                  + " exc="
                  + e.excess().toPlainString());
      }
      assertThat(problems).as("seed " + seed).isEmpty();
    }
  }
}
