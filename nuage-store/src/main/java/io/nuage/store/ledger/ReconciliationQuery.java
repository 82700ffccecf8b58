package io.nuage.store.ledger;

import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.ReconciliationTotal;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prices every usage row at its contract's rate in streaming scans of {@code billing_rows}. The
 * rates become {@code CASE} expressions whose branches are in priority order, so the first rate
 * that covers a row wins (docs/ledger-drawdown.md, section 5) without a join or a GROUP BY over the
 * rows. Each branch compares in its own exact DECIMAL type: unifying the branches into one type
 * costs a cast on every row, ten times the scan, so the expected cost itself is computed only for
 * the flagged rows. Every value is a bound parameter.
 */
final class ReconciliationQuery {
  private record Sql(String text, List<Object> params) {}

  private final Connection c;
  private final List<ContractRate> rates;
  private final Sql checked;

  ReconciliationQuery(Connection c, List<ContractRate> rates, BillingProviders names)
      throws SQLException {
    this.c = c;
    this.rates = List.copyOf(rates);
    List<Object> params = new ArrayList<>();
    List<String> billed = billingNames();
    StringBuilder provider = new StringBuilder(billed.isEmpty() ? "NULL" : "CASE b.ProviderName");
    for (String n : billed) {
      provider.append(" WHEN ? THEN ?");
      params.add(n);
      params.add(names.resolve(n));
    }
    if (!billed.isEmpty()) provider.append(" END");
    StringBuilder rate = new StringBuilder("CASE");
    for (int i = 0; i < rates.size(); i++) {
      ContractRate k = rates.get(i);
      rate.append(" WHEN provider = ? AND ChargePeriodStart >= ? AND ChargePeriodStart < ?");
      params.add(k.provider());
      params.add(Timestamp.valueOf(k.from().atStartOfDay()));
      params.add(Timestamp.valueOf(k.to().atStartOfDay()));
      if (k.commitmentDiscountId() != null) {
        rate.append(" AND CommitmentDiscountId = ?");
        params.add(k.commitmentDiscountId());
      }
      rate.append(" THEN ").append(i);
    }
    rate.append(" END");
    Sql over = perRate(e -> "BilledCost - " + e + " > 0.005");
    params.addAll(over.params());
    checked =
        new Sql(
            "WITH r AS (SELECT b.rowid AS rid, "
                + provider
                + " AS provider, b.ChargePeriodStart, b.ServiceName, b.SkuId, b.ResourceId,"
                + " b.BilledCost, b.ListCost, b.PricingQuantity, b.PricingUnit,"
                + " b.CommitmentDiscountId FROM billing_rows b WHERE b.ChargeCategory = 'Usage'),"
                + " i AS (SELECT r.*, "
                + (rates.isEmpty() ? "CAST(NULL AS INTEGER)" : rate)
                + " AS rate FROM r),"
                + " checked AS (SELECT i.*, "
                + over.text()
                + " AS over FROM i) ",
            params);
  }

  /** A CASE over the row's rate: {@code f} applied to the expected-cost expression of each. */
  private Sql perRate(Function<String, String> f) {
    if (rates.isEmpty()) return new Sql(f.apply("ListCost"), List.of());
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("CASE rate");
    for (int i = 0; i < rates.size(); i++) {
      ContractRate k = rates.get(i);
      sql.append(" WHEN ").append(i).append(" THEN ");
      if (k.discount() != null) {
        sql.append(f.apply(times("ListCost", "(1 - CAST(? AS DECIMAL(18,9)))")));
        params.add(k.discount());
        params.add(k.discount());
      } else {
        // a per-hour rate cannot price a row not in hours: null, the row is not checked
        sql.append("CASE WHEN lower(PricingUnit) LIKE '%hour%' AND PricingQuantity IS NOT NULL")
            .append(" THEN ")
            .append(f.apply(times("PricingQuantity", "CAST(? AS DECIMAL(18,9))")))
            .append(" END");
        params.add(k.pricePerHour());
        params.add(k.pricePerHour());
      }
    }
    sql.append(" ELSE ").append(f.apply("ListCost")).append(" END");
    return new Sql(sql.toString(), params);
  }

  /**
   * {@code x * factor} (a DECIMAL(38,18) column by a DECIMAL(18,9) rate; {@code factor} holds one
   * parameter, so it takes two) as DECIMAL(38,18). DuckDB types the plain product DECIMAL(38,27),
   * which overflows from 10^11 (issue 10: a ledger value the column holds must not break the
   * reconciliation), so the whole part and the fraction are multiplied apart: the first exactly,
   * the second rounded at the 18th place, as the totals' cast did before.
   */
  private static String times(String x, String factor) {
    return "(trunc("
        + x
        + ")::DECIMAL(38,0) * "
        + factor
        + " + CAST(("
        + x
        + " - trunc("
        + x
        + ")) * "
        + factor
        + " AS DECIMAL(38,18)))";
  }

  Reconciliation run(int rowLimit) throws SQLException {
    return new Reconciliation(totals(), flagged(rowLimit));
  }

  private List<String> billingNames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT DISTINCT ProviderName FROM billing_daily WHERE ProviderName IS NOT NULL")) {
      while (r.next()) names.add(r.getString(1));
    }
    return names;
  }

  private PreparedStatement prepare(String tail, List<Object> more) throws SQLException {
    PreparedStatement s = c.prepareStatement(checked.text() + tail);
    int i = 1;
    for (Object p : checked.params()) s.setObject(i++, p);
    for (Object p : more) s.setObject(i++, p);
    return s;
  }

  private List<ReconciliationTotal> totals() throws SQLException {
    Map<String, BigDecimal> expected = new HashMap<>();
    Sql e = perRate(x -> "CAST(" + x + " AS DECIMAL(38,18))");
    try (PreparedStatement s =
            prepare(
                "SELECT provider, sum(" + e.text() + ") FROM checked WHERE over GROUP BY provider",
                e.params());
        ResultSet r = s.executeQuery()) {
      while (r.next()) expected.put(r.getString(1), r.getBigDecimal(2));
    }
    List<ReconciliationTotal> totals = new ArrayList<>();
    try (PreparedStatement s =
            prepare(
                "SELECT provider, count(*) FILTER (WHERE over IS NOT NULL),"
                    + " count(*) FILTER (WHERE over),"
                    + " coalesce(sum(BilledCost) FILTER (WHERE over), 0)"
                    + " FROM checked GROUP BY provider ORDER BY provider",
                List.of());
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        BigDecimal billed = r.getBigDecimal(4);
        BigDecimal exp = expected.getOrDefault(r.getString(1), BigDecimal.ZERO);
        totals.add(
            new ReconciliationTotal(
                r.getString(1), r.getLong(2), r.getLong(3), billed, exp, billed.subtract(exp)));
      }
    }
    return totals;
  }

  private List<OverbilledRow> flagged(int limit) throws SQLException {
    Sql e = perRate(Function.identity());
    List<OverbilledRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        prepare(
            "SELECT provider, ChargePeriodStart, ServiceName, SkuId, ResourceId, rate, BilledCost,"
                + " expected, BilledCost - expected AS excess FROM (SELECT checked.*, "
                + e.text()
                + " AS expected FROM checked WHERE over)"
                + " ORDER BY excess DESC, ChargePeriodStart, rid LIMIT "
                + limit,
            e.params())) {
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int rate = r.getInt(6);
          boolean atList = r.wasNull();
          rows.add(
              new OverbilledRow(
                  r.getString(1),
                  r.getTimestamp(2).toLocalDateTime(),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  atList ? null : rates.get(rate).contract(),
                  r.getBigDecimal(7),
                  r.getBigDecimal(8),
                  r.getBigDecimal(9)));
        }
      }
    }
    return rows;
  }
}
