package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.Charges;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.ReconciliationTotal;
import io.nuage.store.Store;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ledger's charges in the DuckDB store: daily sums and row-level reconciliation. */
public final class DuckDbCharges implements Charges {
  // Monthly is all the draw-down needs (contract years start on a month) and keeps what crosses
  // JDBC small: a few rows per provider, month and commitment, whatever the ledger's size.
  private static final String MONTHLY =
      """
      SELECT ProviderName, date_trunc('month', day)::DATE AS month, ChargeCategory,
             CommitmentDiscountId, CommitmentDiscountStatus,
             sum(BilledCost), sum(EffectiveCost), sum(gpu_hours), sum(row_count),
             min(first_charge_start), max(last_charge_end)
      FROM billing_daily
      WHERE day < ?
      GROUP BY ALL
      ORDER BY 2, 1, 3, 4, 5
      """;

  private final Connection c;

  public DuckDbCharges(Store store) {
    this.c = store.connection();
  }

  @Override
  public Optional<LocalDate> lastChargeDay() {
    try {
      DailyAggregate.catchUp(c);
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT max(day) FROM billing_daily")) {
        r.next();
        java.sql.Date d = r.getDate(1);
        return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
      }
    } catch (SQLException e) {
      throw new NuageException("cannot read the ledger: " + Store.firstLine(e), e);
    }
  }

  @Override
  public List<ChargeSum> monthly(LocalDate before) {
    try {
      DailyAggregate.catchUp(c);
      List<ChargeSum> result = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(MONTHLY)) {
        s.setDate(1, java.sql.Date.valueOf(before));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            result.add(
                new ChargeSum(
                    String.valueOf(r.getString(1)),
                    r.getDate(2).toLocalDate(),
                    String.valueOf(r.getString(3)),
                    r.getString(4),
                    r.getString(5),
                    r.getBigDecimal(6),
                    r.getBigDecimal(7),
                    r.getBigDecimal(8),
                    r.getLong(9),
                    r.getTimestamp(10).toLocalDateTime(),
                    r.getTimestamp(11).toLocalDateTime()));
          }
        }
      }
      return result;
    } catch (SQLException e) {
      throw new NuageException("cannot read the ledger: " + Store.firstLine(e), e);
    }
  }

  @Override
  public Reconciliation reconcile(List<ContractRate> rates, BillingProviders names, int rowLimit) {
    try {
      loadRates(rates, names);
      return new Reconciliation(totals(), flagged(rowLimit));
    } catch (SQLException e) {
      throw new NuageException("cannot reconcile the ledger: " + Store.firstLine(e), e);
    }
  }

  private void loadRates(List<ContractRate> rates, BillingProviders names) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP TABLE recon_providers (ProviderName VARCHAR, provider VARCHAR)");
      s.execute(
          "CREATE OR REPLACE TEMP TABLE recon_rates (contract VARCHAR, provider VARCHAR,"
              + " from_ts TIMESTAMP, to_ts TIMESTAMP, cd_id VARCHAR, priority INTEGER,"
              + " discount DECIMAL(18,9), per_hour DECIMAL(18,9))");
    }
    List<String> billingNames = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT DISTINCT ProviderName FROM billing_daily WHERE ProviderName IS NOT NULL")) {
      while (r.next()) billingNames.add(r.getString(1));
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO recon_providers VALUES (?, ?)")) {
      for (String n : billingNames) {
        p.setString(1, n);
        p.setString(2, names.resolve(n));
        p.addBatch();
      }
      p.executeBatch();
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO recon_rates VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (ContractRate k : rates) {
        p.setString(1, k.contract());
        p.setString(2, k.provider());
        p.setTimestamp(3, Timestamp.valueOf(k.from().atStartOfDay()));
        p.setTimestamp(4, Timestamp.valueOf(k.to().atStartOfDay()));
        p.setString(5, k.commitmentDiscountId());
        p.setInt(6, k.priority());
        p.setBigDecimal(7, k.discount());
        p.setBigDecimal(8, k.pricePerHour());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  // Each usage row priced by its best (lowest priority) rate, or at list price without one; rows
  // a per-hour rate cannot price (not in hours) are left out. Expected is kept at 18 decimals.
  private static final String PRICED =
      """
      WITH r AS (
        SELECT b.rowid AS rid, p.provider, b.ChargePeriodStart, b.ServiceName, b.SkuId,
               b.ResourceId, b.BilledCost, b.ListCost, b.PricingQuantity, b.PricingUnit,
               b.CommitmentDiscountId
        FROM billing_rows b JOIN recon_providers p ON p.ProviderName = b.ProviderName
        WHERE b.ChargeCategory = 'Usage'),
      m AS (
        SELECT r.rid, k.contract, k.priority,
               CASE WHEN k.discount IS NOT NULL THEN r.ListCost * (1 - k.discount)
                    WHEN lower(r.PricingUnit) LIKE '%hour%' AND r.PricingQuantity IS NOT NULL
                    THEN r.PricingQuantity * k.per_hour END AS expected
        FROM r JOIN recon_rates k ON k.provider = r.provider
         AND r.ChargePeriodStart >= k.from_ts AND r.ChargePeriodStart < k.to_ts
         AND (k.cd_id IS NULL OR k.cd_id = r.CommitmentDiscountId)),
      best AS (
        SELECT rid, arg_min(contract, priority) AS contract, arg_min(expected, priority) AS expected
        FROM m GROUP BY rid),
      priced AS (
        SELECT r.*, b.contract,
               CAST(CASE WHEN b.rid IS NULL THEN r.ListCost ELSE b.expected END
                    AS DECIMAL(38,18)) AS expected
        FROM r LEFT JOIN best b ON b.rid = r.rid)
      """;

  private List<ReconciliationTotal> totals() throws SQLException {
    String sql =
        PRICED
            + """
            SELECT provider, count(*),
                   count(*) FILTER (WHERE BilledCost - expected > 0.005),
                   coalesce(sum(BilledCost) FILTER (WHERE BilledCost - expected > 0.005), 0),
                   coalesce(sum(expected) FILTER (WHERE BilledCost - expected > 0.005), 0)
            FROM priced WHERE expected IS NOT NULL
            GROUP BY provider ORDER BY provider
            """;
    List<ReconciliationTotal> totals = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        BigDecimal billed = r.getBigDecimal(4);
        BigDecimal expected = r.getBigDecimal(5);
        totals.add(
            new ReconciliationTotal(
                r.getString(1),
                r.getLong(2),
                r.getLong(3),
                billed,
                expected,
                billed.subtract(expected)));
      }
    }
    return totals;
  }

  private List<OverbilledRow> flagged(int limit) throws SQLException {
    String sql =
        PRICED
            + """
            SELECT provider, ChargePeriodStart, ServiceName, SkuId, ResourceId, contract,
                   BilledCost, expected, BilledCost - expected AS excess
            FROM priced WHERE expected IS NOT NULL AND BilledCost - expected > 0.005
            ORDER BY excess DESC, ChargePeriodStart, rid LIMIT ?
            """;
    List<OverbilledRow> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setInt(1, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new OverbilledRow(
                  r.getString(1),
                  r.getTimestamp(2).toLocalDateTime(),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getBigDecimal(7),
                  r.getBigDecimal(8),
                  r.getBigDecimal(9)));
        }
      }
    }
    return rows;
  }
}
