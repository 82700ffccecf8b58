package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.ledger.AppliedSum;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.Charges;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.TrueUpCharges;
import io.nuage.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The ledger's charges in the DuckDB store: daily sums and row-level reconciliation. */
public final class DuckDbCharges implements Charges {
  // Monthly is all the draw-down needs (contract years start on a month) and keeps what crosses
  // JDBC small: a few rows per provider, month and commitment, whatever the ledger's size.
  private static final String MONTHLY =
      """
      SELECT ProviderName, date_trunc('month', day)::DATE AS month, ChargeCategory,
             CommitmentDiscountId, CommitmentDiscountStatus,
             sum(BilledCost), sum(EffectiveCost), sum(gpu_hours), sum(row_count),
             min(first_charge_start), max(last_charge_end),
             BillingAccountId, BillingCurrency, RegionId, ServiceCategory, accelerator, applied,
             ConsumedUnit, PricingCategory
      FROM billing_daily
      WHERE day < ?
      GROUP BY ALL
      ORDER BY 2, 1, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19
      """;

  private static final String APPLIED =
      """
      SELECT d.ProviderName, date_trunc('month', d.day)::DATE AS month, d.BillingCurrency,
             d.ContractId, d.ContractCommitmentId, d.ContractCommitmentAppliedUnit,
             sum(d.applied_cost), sum(d.applied_quantity), k.ContractCommitmentCategory,
             CASE WHEN d.charge IS NOT NULL THEN d.ingestion_id END, d.charge, d.charge_cost
      FROM contract_applied_daily d
      LEFT JOIN contract_commitments k ON k.ContractCommitmentId = d.ContractCommitmentId
      WHERE d.day < ?
      GROUP BY ALL
      ORDER BY 2, 1, 3, 10, 11, 4, 5, 6
      """;

  /** Usage tells how far the bills go; a purchase's period may run a year ahead. */
  private static final String LAST_END =
      """
      SELECT coalesce(max(last_charge_end) FILTER (WHERE ChargeCategory = 'Usage'),
                      max(last_charge_end))
      FROM billing_daily
      """;

  private final Connection c;

  public DuckDbCharges(Store store) {
    this.c = store.connection();
  }

  @Override
  public java.util.Map<String, LocalDate> commitmentStarts() {
    java.util.Map<String, LocalDate> starts = new java.util.HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT ContractCommitmentId, min(ContractCommitmentPeriodStart)::DATE"
                    + " FROM contract_commitments GROUP BY 1")) {
      while (r.next()) starts.put(r.getString(1), r.getDate(2).toLocalDate());
    } catch (SQLException e) {
      throw new NuageException("cannot read the ledger: " + Store.firstLine(e), e);
    }
    return starts;
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
  public Optional<LocalDateTime> lastUsageEnd() {
    try {
      DailyAggregate.catchUp(c);
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery(LAST_END)) {
        r.next();
        java.sql.Timestamp t = r.getTimestamp(1);
        return t == null ? Optional.empty() : Optional.of(t.toLocalDateTime());
      }
    } catch (SQLException e) {
      throw new NuageException("cannot read the ledger: " + Store.firstLine(e), e);
    }
  }

  @Override
  public List<AppliedSum> applied(LocalDate before) {
    try {
      DailyAggregate.catchUp(c);
      List<AppliedSum> result = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(APPLIED)) {
        s.setDate(1, java.sql.Date.valueOf(before));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            result.add(
                new AppliedSum(
                    String.valueOf(r.getString(1)),
                    r.getDate(2).toLocalDate(),
                    String.valueOf(r.getString(3)),
                    new ChargeSum.AppliedId(r.getString(4), r.getString(5)),
                    r.getString(6),
                    r.getBigDecimal(7),
                    r.getBigDecimal(8),
                    r.getString(9),
                    r.getObject(11) == null
                        ? null
                        : new AppliedSum.Charge(
                            r.getLong(10), r.getLong(11), r.getBigDecimal(12))));
          }
        }
      }
      return result;
    } catch (SQLException e) {
      throw new NuageException("cannot read the ledger: " + Store.firstLine(e), e);
    }
  }

  /** The ids of DailyAggregate's {@code applied} text: pairs split by chr 30, ids by chr 31. */
  public static List<ChargeSum.AppliedId> ids(@Nullable String applied) {
    if (applied == null || applied.isEmpty()) return List.of();
    List<ChargeSum.AppliedId> ids = new ArrayList<>();
    for (String pair : applied.split(String.valueOf((char) 30), -1)) {
      int cut = pair.indexOf((char) 31);
      ids.add(
          new ChargeSum.AppliedId(blankToNull(pair.substring(0, cut)), pair.substring(cut + 1)));
    }
    return ids;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
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
                    r.getTimestamp(11).toLocalDateTime(),
                    r.getString(12),
                    String.valueOf(r.getString(13)),
                    r.getString(14),
                    r.getString(15),
                    r.getString(16),
                    ids(r.getString(17)),
                    r.getString(18),
                    r.getString(19)));
          }
        }
      }
      return result;
    } catch (SQLException e) {
      throw new NuageException("cannot read the ledger: " + Store.firstLine(e), e);
    }
  }

  @Override
  public TrueUpCharges trueUps(LocalDate before) {
    try {
      DailyAggregate.catchUp(c);
      return TrueUpQuery.before(c, before);
    } catch (SQLException e) {
      throw new NuageException("cannot read the ledger's true-ups: " + Store.firstLine(e), e);
    }
  }

  @Override
  public Reconciliation reconcile(
      List<ContractRate> rates, BillingProviders names, int rowLimit, String currency) {
    try {
      DailyAggregate.catchUp(c);
      return new ReconciliationQuery(c, rates, names, currency).run(rowLimit);
    } catch (SQLException e) {
      throw new NuageException("cannot reconcile the ledger: " + Store.firstLine(e), e);
    }
  }
}
