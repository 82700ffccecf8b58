package io.nuage.store.ledger;

import io.nuage.contract.RateRule;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ContractAppliedMismatch;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.ReconciliationTotal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices every usage row at its contract's rate in streaming scans of {@code billing_rows}. The
 * rates become {@code CASE} expressions whose branches are in priority order, so the first rate
 * that covers a row wins (docs/ledger-drawdown.md, section 7) without a join or a GROUP BY over the
 * rows. Each row gets a {@code base} (its list cost for a discount, its hours for a price per hour)
 * and a {@code factor} (one minus the discount, or the price), both exact, and its expected cost is
 * their product. Every value is a bound parameter.
 *
 * <p>The product is kept exact without ever leaving DuckDB's 38 digits (docs/ledger.md, "Magnitude
 * bound"): the base's whole part times the factor, {@code w}, is exact in DECIMAL(38,9) (below
 * 10^27: the base below 10^18 by the bound, the factor below 10^9 by the scenario's rule), and its
 * fraction times the factor, {@code f}, is below 10^9 and rounded at the 18th place. The billed
 * cost is compared in DECIMAL(38,18) only when {@code |w| < 10^19}; beyond, the sign of {@code w}
 * decides, since the billed cost is at most 10^18 in absolute value. The expected cost of a flagged
 * row, {@code w + f}, and the excess are added up in Java.
 */
final class ReconciliationQuery {
  private record Sql(String text, List<Object> params) {}

  /** Beyond this the billed cost (at most 10^18 by the bound) cannot reach the expected cost. */
  private static final String FAR = "CAST('10000000000000000000' AS DECIMAL(38,9))";

  private final Connection c;
  private final List<ContractRate> rates;
  private final Sql checked;

  /**
   * @param currency the scenario's currency: a price per GPU-hour is in it, so it prices only rows
   *     billed in it (a row in another currency it alone could price is not reconciled)
   */
  ReconciliationQuery(
      Connection c, List<ContractRate> rates, BillingProviders names, String currency)
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
      if (k.pricePerHour() != null) {
        rate.append(" AND BillingCurrency = ?");
        params.add(currency);
      }
      rate.append(" THEN ").append(i);
    }
    rate.append(" END");
    StringBuilder base = new StringBuilder("CASE rate");
    StringBuilder factor = new StringBuilder("CASE rate");
    for (int i = 0; i < rates.size(); i++) {
      ContractRate k = rates.get(i);
      // a per-hour rate cannot price a row not in hours: null, the row is not checked
      base.append(" WHEN ")
          .append(i)
          .append(
              k.discount() != null
                  ? " THEN ListCost"
                  : " THEN CASE WHEN lower(PricingUnit) LIKE '%hour%' THEN PricingQuantity END");
      factor.append(" WHEN ").append(i).append(" THEN CAST(? AS DECIMAL(18,9))");
      // exact at scale 9 (RateRule), at most 18 digits: the driver binds a BigDecimal of more
      // than 38 digits (a rate written with many trailing zeros) as NULL
      params.add(k.factor().setScale(RateRule.SCALE, RoundingMode.UNNECESSARY));
    }
    base.append(" ELSE ListCost END");
    factor.append(" ELSE CAST(1 AS DECIMAL(18,9)) END");
    checked =
        new Sql(
            "WITH r AS (SELECT b.rowid AS rid, "
                + provider
                + " AS provider, b.ChargePeriodStart, b.ServiceName, b.SkuId, b.ResourceId,"
                + " b.BilledCost, b.ListCost, b.PricingQuantity, b.PricingUnit,"
                + " b.CommitmentDiscountId, b.BillingCurrency FROM billing_rows b"
                + " WHERE b.ChargeCategory = 'Usage'),"
                + " i AS (SELECT r.*, "
                + (rates.isEmpty() ? "CAST(NULL AS INTEGER)" : rate)
                + " AS rate FROM r),"
                + " p AS (SELECT i.*, "
                + (rates.isEmpty() ? "ListCost" : base)
                + " AS base, "
                + (rates.isEmpty() ? "CAST(1 AS DECIMAL(18,9))" : factor)
                + " AS factor FROM i),"
                + " e AS (SELECT p.*, trunc(base)::DECIMAL(38,0) * factor AS w,"
                + " CAST((base - trunc(base)) * factor AS DECIMAL(38,18)) AS f FROM p),"
                + " checked AS (SELECT e.*, CASE WHEN w >= "
                + FAR
                + " THEN false WHEN w <= -"
                + FAR
                + " THEN true ELSE BilledCost - w - f > "
                + ContractRate.TOLERANCE.toPlainString()
                + " END AS over FROM e) ",
            params);
  }

  Reconciliation run(int rowLimit) throws SQLException {
    return new Reconciliation(totals(), flagged(rowLimit), contractApplied(c, rowLimit));
  }

  /**
   * The FOCUS 1.3 lines whose {@code ContractApplied} cost amounts add up to more or less than
   * their effective cost by more than a cent (which may be a partial application, not an error:
   * FOCUS ties the applied cost to the commitment, not to the line's whole cost), biggest
   * difference first (a line whose elements carry quantities only is not compared). Exact DECIMAL
   * sums, in the line's own currency.
   */
  static List<ContractAppliedMismatch> contractApplied(Connection c, int rowLimit)
      throws SQLException {
    List<ContractAppliedMismatch> out = new ArrayList<>();
    String sql =
        "SELECT i.source, any_value(a.ProviderName), any_value(a.ChargePeriodStart),"
            + " any_value(a.ServiceName), any_value(a.ResourceId),"
            + " string_agg(DISTINCT a.ContractCommitmentId, ',' ORDER BY a.ContractCommitmentId)"
            + " FILTER (WHERE a.ContractCommitmentAppliedCost IS NOT NULL),"
            + " any_value(a.EffectiveCost) AS effective,"
            + " sum(a.ContractCommitmentAppliedCost) AS applied, any_value(a.BillingCurrency)"
            + " FROM contract_applied a JOIN ingestions i USING (ingestion_id)"
            + " GROUP BY a.ingestion_id, a.charge, i.source"
            + " HAVING sum(a.ContractCommitmentAppliedCost) IS NOT NULL"
            + " AND any_value(a.EffectiveCost) IS NOT NULL"
            + " AND abs(sum(a.ContractCommitmentAppliedCost) - any_value(a.EffectiveCost)) > 0.01"
            // the line's place in its file last: ties (a monthly file's lines often are) keep
            // the file's order, so --limit keeps the same lines every time
            + " ORDER BY abs(applied - effective) DESC, i.source, any_value(a.ChargePeriodStart),"
            + " a.ingestion_id, a.charge"
            + " LIMIT ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setInt(1, rowLimit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          var start = r.getTimestamp(3);
          BigDecimal effective = r.getBigDecimal(7);
          BigDecimal applied = r.getBigDecimal(8);
          out.add(
              new ContractAppliedMismatch(
                  r.getString(1),
                  r.getString(2),
                  start == null ? null : start.toLocalDateTime(),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(9),
                  cents(effective),
                  cents(applied),
                  cents(applied.subtract(effective))));
        }
      }
    }
    return out;
  }

  /** An exact amount without the column's trailing zeros, but never fewer than two decimals. */
  private static BigDecimal cents(BigDecimal v) {
    BigDecimal t = v.stripTrailingZeros();
    return t.scale() < 2 ? t.setScale(2) : t;
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

  private PreparedStatement prepare(String tail) throws SQLException {
    PreparedStatement s = c.prepareStatement(checked.text() + tail);
    int i = 1;
    for (Object p : checked.params()) s.setObject(i++, p);
    return s;
  }

  private List<ReconciliationTotal> totals() throws SQLException {
    List<ReconciliationTotal> totals = new ArrayList<>();
    try (PreparedStatement s =
            prepare(
                "SELECT provider, count(*) FILTER (WHERE over IS NOT NULL),"
                    + " count(*) FILTER (WHERE over),"
                    + " coalesce(sum(BilledCost) FILTER (WHERE over), 0),"
                    + " coalesce(sum(w) FILTER (WHERE over), 0),"
                    + " coalesce(sum(f) FILTER (WHERE over), 0), BillingCurrency"
                    + " FROM checked GROUP BY provider, BillingCurrency"
                    + " ORDER BY provider, BillingCurrency");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        BigDecimal billed = r.getBigDecimal(4);
        BigDecimal expected = r.getBigDecimal(5).add(r.getBigDecimal(6));
        totals.add(
            new ReconciliationTotal(
                r.getString(1),
                r.getLong(2),
                r.getLong(3),
                billed,
                expected,
                billed.subtract(expected),
                String.valueOf(r.getString(7))));
      }
    }
    return totals;
  }

  /**
   * The flagged rows, biggest excess first. The excess {@code (BilledCost - f) - w} can pass what
   * DECIMAL(38,18) holds, so it is ordered by two keys: {@code round9(BilledCost - f) - w}, a
   * multiple of 10^-9 exact in DECIMAL(38,9), then the remainder {@code (BilledCost - f) -
   * round9(BilledCost - f)}, at most half of 10^-9 either way; together they order the exact
   * excess.
   */
  private List<OverbilledRow> flagged(int limit) throws SQLException {
    List<OverbilledRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        prepare(
            "SELECT provider, ChargePeriodStart, ServiceName, SkuId, ResourceId, rate, BilledCost,"
                + " w, f FROM checked WHERE over"
                + " ORDER BY CAST(BilledCost - f AS DECIMAL(38,9)) - w DESC,"
                + " (BilledCost - f) - CAST(BilledCost - f AS DECIMAL(38,9)) DESC,"
                + " ChargePeriodStart, rid LIMIT "
                + limit)) {
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int rate = r.getInt(6);
          boolean atList = r.wasNull();
          BigDecimal billed = r.getBigDecimal(7);
          BigDecimal expected = r.getBigDecimal(8).add(r.getBigDecimal(9));
          rows.add(
              new OverbilledRow(
                  r.getString(1),
                  r.getTimestamp(2).toLocalDateTime(),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  atList ? null : rates.get(rate).contract(),
                  billed,
                  expected,
                  billed.subtract(expected)));
        }
      }
    }
    return rows;
  }
}
