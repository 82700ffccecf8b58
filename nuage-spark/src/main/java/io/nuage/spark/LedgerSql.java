package io.nuage.spark;

import java.time.LocalDate;

/**
 * The draw-down's queries in Spark SQL, beside their DuckDB versions in {@code DuckDbCharges}
 * (which read the store's daily aggregate; these read the rows): the same groups, sums and order
 * (DuckDB sorts NULLs last, Spark first unless told). {@code SparkLedgerTest} holds the two equal.
 * The accelerator is the export's {@code accelerator} column, DuckDB's own reading of the JSON.
 */
final class LedgerSql {
  private LedgerSql() {}

  private static final String MONTHLY =
      """
      SELECT ProviderName, trunc(CAST(ChargePeriodStart AS DATE), 'MM') AS month, ChargeCategory,
             CommitmentDiscountId, CommitmentDiscountStatus,
             sum(coalesce(BilledCost, 0)), sum(coalesce(EffectiveCost, 0)),
             sum(CASE WHEN lower(ConsumedUnit) IN ('gpu-hours', 'gpu hours', 'gpu-hour', 'gpu hour')
                      THEN coalesce(ConsumedQuantity, 0) ELSE 0 END),
             count(*), min(ChargePeriodStart), max(ChargePeriodEnd),
             BillingAccountId, BillingCurrency, RegionId, ServiceCategory, accelerator,
             applied_ids, ConsumedUnit, PricingCategory
      FROM billing_rows
      WHERE ChargePeriodStart < TIMESTAMP_NTZ '%s 00:00:00'
      GROUP BY 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19
      ORDER BY 2, 1 NULLS LAST, 3 NULLS LAST, 4 NULLS LAST, 5 NULLS LAST, 12 NULLS LAST,
               13 NULLS LAST, 14 NULLS LAST, 15 NULLS LAST, 16 NULLS LAST, 17 NULLS LAST,
               18 NULLS LAST, 19 NULLS LAST
      """;

  static final String LAST_DAY = "SELECT max(CAST(ChargePeriodStart AS DATE)) FROM billing_rows";

  /** Usage tells how far the bills go; a purchase's period may run a year ahead. */
  static final String LAST_END =
      """
      SELECT coalesce(max(ChargePeriodEnd) FILTER (WHERE ChargeCategory = 'Usage'),
                      max(ChargePeriodEnd))
      FROM billing_rows
      """;

  /** An export of an empty ledger has no files: the same columns, no rows. */
  static final String EMPTY_ROWS =
      """
      SELECT CAST(NULL AS STRING) AS ProviderName, CAST(NULL AS TIMESTAMP_NTZ) AS ChargePeriodStart,
             CAST(NULL AS TIMESTAMP_NTZ) AS ChargePeriodEnd, CAST(NULL AS STRING) AS ChargeCategory,
             CAST(NULL AS STRING) AS CommitmentDiscountId,
             CAST(NULL AS STRING) AS CommitmentDiscountStatus,
             CAST(NULL AS DECIMAL(38,18)) AS BilledCost, CAST(NULL AS DECIMAL(38,18)) AS EffectiveCost,
             CAST(NULL AS DECIMAL(38,18)) AS ConsumedQuantity, CAST(NULL AS STRING) AS ConsumedUnit,
             CAST(NULL AS STRING) AS BillingAccountId, CAST(NULL AS STRING) AS BillingCurrency,
             CAST(NULL AS STRING) AS RegionId, CAST(NULL AS STRING) AS ServiceCategory,
             CAST(NULL AS STRING) AS SkuPriceDetails, CAST(NULL AS STRING) AS applied_ids,
             CAST(NULL AS STRING) AS accelerator,
             CAST(NULL AS STRING) AS PricingCategory, CAST(NULL AS DECIMAL(38,18)) AS ListCost,
             CAST(NULL AS DECIMAL(38,18)) AS PricingQuantity, CAST(NULL AS STRING) AS PricingUnit,
             CAST(NULL AS STRING) AS ServiceName, CAST(NULL AS STRING) AS SkuId,
             CAST(NULL AS STRING) AS ResourceId, CAST(NULL AS BIGINT) AS ledger_row
      WHERE false
      """;

  static String monthly(LocalDate before) {
    return MONTHLY.formatted(before);
  }
}
