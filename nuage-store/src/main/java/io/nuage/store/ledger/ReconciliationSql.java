package io.nuage.store.ledger;

import io.nuage.contract.RateRule;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.ReconciliationTotal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reconciliation's queries, one definition for both engines: DuckDB over the store's {@code
 * billing_rows} ({@link ReconciliationQuery}) and Spark SQL over a Parquet export of them
 * (nuage-spark). The text is the common subset of the two dialects (no {@code ::}, no {@code trunc}
 * of a number, NULLs placed explicitly); the one thing that differs is how a row is numbered for
 * the last tie-break ({@link Dialect}). Spark must run with {@code
 * spark.sql.decimalOperations.allowPrecisionLoss=false} so that its decimal types are DuckDB's
 * (capped at 38 digits, the scale kept).
 *
 * <p>The rates become {@code CASE} expressions whose branches are in priority order, so the first
 * rate that covers a row wins (docs/ledger-drawdown.md, section 7). Each row gets a {@code base}
 * (its list cost for a discount, its hours for a price per hour) and a {@code factor} (one minus
 * the discount, or the price), both exact, and its expected cost is their product, kept exact
 * within 38 digits (docs/ledger.md, "Magnitude bound"): the base's whole part times the factor,
 * {@code w}, is exact in DECIMAL(38,9), and its fraction times the factor, {@code f}, is below 10^9
 * and rounded at the 18th place. The billed cost is compared in DECIMAL(38,18) only when {@code |w|
 * < 10^19}; beyond, the sign of {@code w} decides. Every value is a bound parameter.
 */
public final class ReconciliationSql {
  /** The query text and its positional parameters (timestamps as {@link LocalDateTime}). */
  public record Statement(String text, List<Object> params) {}

  /** How each engine numbers a ledger row: the store's rowid, an export's {@code ledger_row}. */
  public enum Dialect {
    DUCKDB("b.rowid"),
    SPARK("b.ledger_row");

    final String rowId;

    Dialect(String rowId) {
      this.rowId = rowId;
    }
  }

  /** A result row, read the engine's way. */
  public interface Cells {
    /** A text column's value; a row without ProviderName has a NULL provider, passed through. */
    @Nullable String text(int column);

    @Nullable BigDecimal decimal(int column);

    long count(int column);

    /** An integer column's value, null for SQL NULL. */
    @Nullable Integer index(int column);

    LocalDateTime time(int column);
  }

  /** Beyond this the billed cost (at most 10^18 by the bound) cannot reach the expected cost. */
  private static final String FAR = "CAST('10000000000000000000' AS DECIMAL(38,9))";

  /** Toward zero, in both dialects (Spark's {@code trunc} is for dates). */
  private static final String WHOLE = "CASE WHEN base < 0 THEN ceil(base) ELSE floor(base) END";

  /** What the providers' billing names are read from: the names the CASE maps. */
  public static final String BILLING_NAMES =
      "SELECT DISTINCT ProviderName FROM %s WHERE ProviderName IS NOT NULL ORDER BY 1";

  private final List<ContractRate> rates;
  private final String checked;
  private final List<Object> params;

  /**
   * @param billed the ledger's distinct {@code ProviderName} values ({@link #BILLING_NAMES})
   * @param currency the scenario's currency: a price per GPU-hour prices only rows billed in it
   */
  public ReconciliationSql(
      Dialect dialect,
      List<ContractRate> rates,
      BillingProviders names,
      List<String> billed,
      String currency) {
    this.rates = List.copyOf(rates);
    List<Object> p = new ArrayList<>();
    StringBuilder provider = new StringBuilder(billed.isEmpty() ? "NULL" : "CASE b.ProviderName");
    for (String n : billed) {
      provider.append(" WHEN ? THEN ?");
      p.add(n);
      p.add(names.resolve(n));
    }
    if (!billed.isEmpty()) provider.append(" END");
    StringBuilder rate = new StringBuilder("CASE");
    for (int i = 0; i < rates.size(); i++) {
      ContractRate k = rates.get(i);
      rate.append(" WHEN provider = ? AND ChargePeriodStart >= ? AND ChargePeriodStart < ?");
      p.add(k.provider());
      p.add(k.from().atStartOfDay());
      p.add(k.to().atStartOfDay());
      if (k.commitmentDiscountId() != null) {
        rate.append(" AND CommitmentDiscountId = ?");
        p.add(k.commitmentDiscountId());
      }
      if (k.pricePerHour() != null) {
        rate.append(" AND BillingCurrency = ?");
        p.add(currency);
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
      // exact at scale 9 (RateRule), at most 18 digits: DuckDB's driver binds a BigDecimal of more
      // than 38 digits (a rate written with many trailing zeros) as NULL
      p.add(k.factor().setScale(RateRule.SCALE, RoundingMode.UNNECESSARY));
    }
    base.append(" ELSE ListCost END");
    factor.append(" ELSE CAST(1 AS DECIMAL(18,9)) END");
    this.params = List.copyOf(p);
    this.checked =
        "WITH r AS (SELECT "
            + dialect.rowId
            + " AS rid, "
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
            + " e AS (SELECT p.*, CAST("
            + WHOLE
            + " AS DECIMAL(38,0)) * factor AS w,"
            + " CAST((base - ("
            + WHOLE
            + ")) * factor AS DECIMAL(38,18)) AS f FROM p),"
            + " checked AS (SELECT e.*, CASE WHEN w >= "
            + FAR
            + " THEN false WHEN w <= -"
            + FAR
            + " THEN true ELSE BilledCost - w - f > "
            + ContractRate.TOLERANCE.toPlainString()
            + " END AS over FROM e) ";
  }

  /**
   * Per provider and billing currency: rows checked, rows flagged, billed, {@code w} and {@code f}
   * of the flagged rows ({@link #total}).
   */
  public Statement totals() {
    return new Statement(
        checked
            + "SELECT provider, count(*) FILTER (WHERE over IS NOT NULL),"
            + " count(*) FILTER (WHERE over),"
            + " coalesce(sum(BilledCost) FILTER (WHERE over), 0),"
            + " coalesce(sum(w) FILTER (WHERE over), 0),"
            + " coalesce(sum(f) FILTER (WHERE over), 0), BillingCurrency"
            + " FROM checked GROUP BY provider, BillingCurrency"
            + " ORDER BY provider NULLS LAST, BillingCurrency NULLS LAST",
        params);
  }

  /**
   * The flagged rows, biggest excess first ({@link #flaggedRow}). The excess {@code (BilledCost -
   * f) - w} can pass what DECIMAL(38,18) holds, so it is ordered by two keys: {@code
   * round9(BilledCost - f) - w}, a multiple of 10^-9 exact in DECIMAL(38,9), then the remainder
   * {@code (BilledCost - f) - round9(BilledCost - f)}, at most half of 10^-9 either way; together
   * they order the exact excess.
   */
  public Statement flagged(int limit) {
    return new Statement(
        checked
            + "SELECT provider, ChargePeriodStart, ServiceName, SkuId, ResourceId, rate, BilledCost,"
            + " w, f FROM checked WHERE over"
            + " ORDER BY CAST(BilledCost - f AS DECIMAL(38,9)) - w DESC NULLS LAST,"
            + " (BilledCost - f) - CAST(BilledCost - f AS DECIMAL(38,9)) DESC NULLS LAST,"
            + " ChargePeriodStart NULLS LAST, rid NULLS LAST LIMIT "
            + limit,
        params);
  }

  /** A row of {@link #totals()}. */
  public static ReconciliationTotal total(Cells r) {
    BigDecimal billed = nonNull(r.decimal(3));
    BigDecimal expected = nonNull(r.decimal(4)).add(nonNull(r.decimal(5)));
    return new ReconciliationTotal(
        r.text(0),
        r.count(1),
        r.count(2),
        billed,
        expected,
        billed.subtract(expected),
        String.valueOf(r.text(6)));
  }

  /** A row of {@link #flagged(int)}. */
  public OverbilledRow flaggedRow(Cells r) {
    Integer rate = r.index(5);
    BigDecimal billed = nonNull(r.decimal(6));
    BigDecimal expected = nonNull(r.decimal(7)).add(nonNull(r.decimal(8)));
    return new OverbilledRow(
        r.text(0),
        r.time(1),
        r.text(2),
        r.text(3),
        r.text(4),
        rate == null ? null : rates.get(rate).contract(),
        billed,
        expected,
        billed.subtract(expected));
  }

  private static BigDecimal nonNull(@Nullable BigDecimal v) {
    if (v == null) throw new IllegalStateException("a reconciliation sum is NULL");
    return v;
  }
}
