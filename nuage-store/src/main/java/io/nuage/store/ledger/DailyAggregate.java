package io.nuage.store.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Maintains {@code billing_daily} (migration V002): the sums per ingestion, provider, charge day
 * and commitment discount that the draw-down reads instead of billing_rows. The ingest calls {@link
 * #append} inside its transaction; {@link #catchUp} aggregates any committed ingestion that was
 * not, so the table is always the exact GROUP BY of billing_rows.
 */
public final class DailyAggregate {
  private static final String APPEND =
      """
      INSERT INTO billing_daily
      SELECT ingestion_id, CAST(ChargePeriodStart AS DATE), ProviderName, ChargeCategory,
             CommitmentDiscountId, CommitmentDiscountStatus, count(*),
             coalesce(sum(BilledCost), 0), coalesce(sum(EffectiveCost), 0),
             coalesce(sum(ConsumedQuantity) FILTER (
               WHERE lower(ConsumedUnit) IN ('gpu-hours', 'gpu hours', 'gpu-hour', 'gpu hour')), 0),
             min(ChargePeriodStart), max(ChargePeriodEnd)
      FROM billing_rows WHERE ingestion_id = ?
      GROUP BY ALL
      """;

  private DailyAggregate() {}

  /** Aggregates one ingestion's rows; call it in the transaction that inserted them. */
  public static void append(Connection c, long ingestionId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(APPEND)) {
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
