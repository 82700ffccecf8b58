package io.nuage.store.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Maintains {@code billing_daily} and {@code contract_applied_daily} (migrations V002, V007): the
 * sums per ingestion, charge day and what the matching rules read (provider, billing account,
 * currency, region, service category, accelerator, category, commitment discount, ContractApplied
 * ids) that the draw-down reads instead of billing_rows (docs/ledger-drawdown.md, section 9). The
 * ingest calls {@link #append} inside its transaction; {@link #catchUp} aggregates any committed
 * ingestion that was not, so the tables are always the exact GROUP BY of billing_rows and
 * contract_applied. V007 holds the same SELECTs for what a store already held.
 */
public final class DailyAggregate {
  /** The accelerator a row names as FOCUS's custom property {@code x_AcceleratorType}. */
  static final String ACCELERATOR =
      """
      CASE WHEN SkuPriceDetails LIKE '%x_AcceleratorType%'
           THEN json_extract_string(SkuPriceDetails, '$.x_AcceleratorType') END""";

  /**
   * A row's ContractApplied (ContractId, ContractCommitmentId) pairs, distinct and sorted, as one
   * text; computed from the JSON here and from contract_applied in {@link #APPEND_APPLIED}, the
   * same text for the same row (the {@code …ID} spelling read as the ingest reads it).
   */
  static final String APPLIED =
      """
      CASE WHEN ContractApplied IS NOT NULL THEN nullif(array_to_string(list_sort(list_distinct(
        list_transform(json_extract(ContractApplied, '$.Elements[*]'), lambda e:
          coalesce(json_extract_string(e, '$.ContractId'), json_extract_string(e, '$.ContractID'), '')
          || chr(31) || coalesce(json_extract_string(e, '$.ContractCommitmentId'),
                                 json_extract_string(e, '$.ContractCommitmentID'))))), chr(30)), '')
      END""";

  private static final String APPEND =
      """
      INSERT INTO billing_daily
      SELECT ingestion_id, CAST(ChargePeriodStart AS DATE), ProviderName, BillingAccountId,
             BillingCurrency, RegionId, ServiceCategory, %s, ConsumedUnit,
             ChargeCategory, CommitmentDiscountId, CommitmentDiscountStatus, %s,
             count(*), coalesce(sum(BilledCost), 0), coalesce(sum(EffectiveCost), 0),
             coalesce(sum(ConsumedQuantity) FILTER (
               WHERE lower(ConsumedUnit) IN ('gpu-hours', 'gpu hours', 'gpu-hour', 'gpu hour')), 0),
             min(ChargePeriodStart), max(ChargePeriodEnd)
      FROM billing_rows WHERE ingestion_id = ?
      GROUP BY ALL
      """
          .formatted(ACCELERATOR, APPLIED);

  private static final String APPEND_APPLIED =
      """
      INSERT INTO contract_applied_daily
      WITH signature AS (
        SELECT ingestion_id, charge,
               array_to_string(list_sort(list_distinct(list(
                 coalesce(ContractId, '') || chr(31) || ContractCommitmentId))), chr(30)) AS applied
        FROM contract_applied WHERE ingestion_id = ?
        GROUP BY ingestion_id, charge)
      SELECT a.ingestion_id, CAST(a.ChargePeriodStart AS DATE), a.ProviderName, a.BillingCurrency,
             s.applied, a.ContractId, a.ContractCommitmentId, a.ContractCommitmentAppliedUnit,
             count(*), coalesce(sum(a.ContractCommitmentAppliedCost), 0),
             coalesce(sum(a.ContractCommitmentAppliedQuantity), 0)
      FROM contract_applied a JOIN signature s USING (ingestion_id, charge)
      GROUP BY ALL
      """;

  private DailyAggregate() {}

  /** Aggregates one ingestion's rows; call it in the transaction that inserted them. */
  public static void append(Connection c, long ingestionId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(APPEND)) {
      s.setLong(1, ingestionId);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(APPEND_APPLIED)) {
      s.setLong(1, ingestionId);
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
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      for (long id : missing) append(c, id);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
