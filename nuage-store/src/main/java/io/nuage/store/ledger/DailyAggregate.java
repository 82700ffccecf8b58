package io.nuage.store.ledger;

import io.nuage.ledger.ContractApplication;
import io.nuage.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maintains {@code billing_daily} and {@code contract_applied_daily} (migrations V002, V007): the
 * sums per ingestion, charge day and what the matching rules read (provider, billing account,
 * currency, region, service category, accelerator, category, commitment discount, ContractApplied
 * ids) that the draw-down reads instead of billing_rows (docs/ledger-drawdown.md, section 9). The
 * ingest calls {@link #append} inside its transaction; {@link #catchUp} aggregates any committed
 * ingestion that was not, so the tables are always the exact GROUP BY of billing_rows and
 * contract_applied. V007 holds the same SELECTs for what a store already held.
 *
 * <p>A row's ContractApplied ids come from {@code contract_applied}, where the ingest's exact
 * reader left them with the row's rowid (the join runs in the ingest's transaction, where rowids
 * hold); only rows without them (stored before V007) are read from the JSON again.
 */
public final class DailyAggregate {
  /** The accelerator a row names as FOCUS's custom property {@code x_AcceleratorType}. */
  static final String ACCELERATOR =
      """
      CASE WHEN SkuPriceDetails LIKE '%x_AcceleratorType%'
           THEN json_extract_string(SkuPriceDetails, '$.x_AcceleratorType') END""";

  /**
   * A row's ContractApplied (ContractId, ContractCommitmentId) pairs, distinct and sorted, as one
   * text (chr 31 between the two ids, chr 30 between pairs), parsed from the JSON here: only for
   * rows whose pairs {@link ContractAppliedRows} did not record (rows of a store ingested before
   * V007), since DuckDB's JSON functions cost ten times the rest of the aggregate.
   */
  static final String APPLIED_FROM_JSON =
      """
      nullif(array_to_string(list_sort(list_distinct(
        list_transform(json_extract(b.ContractApplied, '$.Elements[*]'), lambda e:
          coalesce(json_extract_string(e, '$.ContractId'), json_extract_string(e, '$.ContractID'), '')
          || chr(31) || coalesce(json_extract_string(e, '$.ContractCommitmentId'),
                                 json_extract_string(e, '$.ContractCommitmentID'))))), chr(30)), '')""";

  private static final String APPEND =
      """
      INSERT INTO billing_daily
      SELECT b.ingestion_id, CAST(b.ChargePeriodStart AS DATE), b.ProviderName, b.BillingAccountId,
             b.BillingCurrency, b.RegionId, b.ServiceCategory, %s, b.ConsumedUnit,
             b.PricingCategory, b.ChargeCategory, b.CommitmentDiscountId, b.CommitmentDiscountStatus,
             CASE WHEN ids.row_id IS NOT NULL THEN ids.applied_ids
                  WHEN b.ContractApplied IS NOT NULL THEN %s END,
             count(*), coalesce(sum(b.BilledCost), 0), coalesce(sum(b.EffectiveCost), 0),
             coalesce(sum(b.ConsumedQuantity) FILTER (
               WHERE lower(b.ConsumedUnit) IN ('gpu-hours', 'gpu hours', 'gpu-hour', 'gpu hour')), 0),
             min(b.ChargePeriodStart), max(b.ChargePeriodEnd)
      FROM billing_rows b
      LEFT JOIN (SELECT row_id, applied_ids FROM contract_applied
                 WHERE ingestion_id = ? AND element = 1 AND row_id IS NOT NULL) ids
        ON b.rowid = ids.row_id
      WHERE b.ingestion_id = ?
      GROUP BY ALL
      """
          .formatted(
              ACCELERATOR.replace("SkuPriceDetails", "b.SkuPriceDetails"), APPLIED_FROM_JSON);

  /**
   * The applied amounts per day and element; a charge whose applied costs could pass its cost (one
   * of the other sign than its EffectiveCost, or adding up to more than it) is kept apart with its
   * cost, so that the draw-down bounds it by itself (docs/ledger-drawdown.md section 1); for the
   * others no subset of elements can pass it, and their sums are exact.
   */
  private static final String APPEND_APPLIED =
      """
      INSERT INTO contract_applied_daily
      SELECT a.ingestion_id, CAST(a.ChargePeriodStart AS DATE), a.ProviderName, a.BillingCurrency,
             a.ContractId, a.ContractCommitmentId, a.ContractCommitmentAppliedUnit, count(*),
             coalesce(sum(a.ContractCommitmentAppliedCost), 0),
             coalesce(sum(a.ContractCommitmentAppliedQuantity), 0),
             CASE WHEN c.within THEN NULL ELSE a.charge END,
             CASE WHEN c.within THEN NULL ELSE c.cost END
      FROM contract_applied a
      JOIN (SELECT ingestion_id, charge, coalesce(any_value(EffectiveCost), 0) AS cost,
                   bool_and(coalesce(ContractCommitmentAppliedCost, 0) = 0
                            OR sign(ContractCommitmentAppliedCost) = sign(coalesce(EffectiveCost, 0)))
                     AND abs(coalesce(sum(ContractCommitmentAppliedCost), 0))
                         <= abs(coalesce(any_value(EffectiveCost), 0)) AS within
            FROM contract_applied WHERE ingestion_id = ?
            GROUP BY ingestion_id, charge) c
        ON a.ingestion_id = c.ingestion_id AND a.charge = c.charge
      WHERE a.ingestion_id = ?
      GROUP BY ALL
      """;

  /** The text {@link #APPLIED_FROM_JSON} gives, from a row's parsed elements. */
  static @Nullable String appliedIds(List<ContractApplication> elements) {
    var pairs = new java.util.TreeSet<String>();
    for (ContractApplication a : elements)
      pairs.add((a.contractId() == null ? "" : a.contractId()) + (char) 31 + a.commitmentId());
    return pairs.isEmpty() ? null : String.join(String.valueOf((char) 30), pairs);
  }

  private DailyAggregate() {}

  /** Aggregates one ingestion's rows; call it in the transaction that inserted them. */
  public static void append(Connection c, long ingestionId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(APPEND)) {
      s.setLong(1, ingestionId);
      s.setLong(2, ingestionId);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(APPEND_APPLIED)) {
      s.setLong(1, ingestionId);
      s.setLong(2, ingestionId);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO billing_daily_ingestions VALUES (?)")) {
      s.setLong(1, ingestionId);
      s.executeUpdate();
    }
  }

  /** Aggregates, in one transaction, every committed ingestion not aggregated yet. */
  public static void catchUp(Connection c) throws SQLException {
    List<Long> missing = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT ingestion_id FROM ingestions WHERE ingestion_id NOT IN"
                    + " (SELECT ingestion_id FROM billing_daily_ingestions) ORDER BY 1")) {
      while (r.next()) missing.add(r.getLong(1));
    }
    if (missing.isEmpty()) return;
    Transactions.inOne(
        c,
        () -> {
          for (long id : missing) append(c, id);
          return missing.size();
        });
  }
}
