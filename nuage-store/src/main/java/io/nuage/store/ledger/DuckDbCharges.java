package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.Charges;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.Reconciliation;
import io.nuage.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
      DailyAggregate.catchUp(c);
      return new ReconciliationQuery(c, rates, names).run(rowLimit);
    } catch (SQLException e) {
      throw new NuageException("cannot reconcile the ledger: " + Store.firstLine(e), e);
    }
  }
}
