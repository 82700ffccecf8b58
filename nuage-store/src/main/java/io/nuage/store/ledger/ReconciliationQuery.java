package io.nuage.store.ledger;

import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ContractAppliedMismatch;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Prices every usage row of the store at its contract's rate in streaming scans of {@code
 * billing_rows}: {@link ReconciliationSql}'s queries (shared with Spark) run by DuckDB. The
 * expected cost of a flagged row, {@code w + f}, and the excess are added up in Java.
 */
final class ReconciliationQuery {
  private final Connection c;
  private final ReconciliationSql sql;

  /**
   * @param currency the scenario's currency: a price per GPU-hour is in it, so it prices only rows
   *     billed in it (a row in another currency it alone could price is not reconciled)
   */
  ReconciliationQuery(
      Connection c, List<ContractRate> rates, BillingProviders names, String currency)
      throws SQLException {
    this.c = c;
    this.sql =
        new ReconciliationSql(
            ReconciliationSql.Dialect.DUCKDB, rates, names, billingNames(c), currency);
  }

  Reconciliation run(int rowLimit) throws SQLException {
    try {
      return new Reconciliation(totals(), flagged(rowLimit), contractApplied(c, rowLimit));
    } catch (UncheckedSql e) {
      throw (SQLException) e.getCause();
    }
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

  private static List<String> billingNames(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(ReconciliationSql.BILLING_NAMES.formatted("billing_daily"))) {
      while (r.next()) names.add(r.getString(1));
    }
    return names;
  }

  private PreparedStatement prepare(ReconciliationSql.Statement statement) throws SQLException {
    PreparedStatement s = c.prepareStatement(statement.text());
    int i = 1;
    for (Object p : statement.params())
      s.setObject(i++, p instanceof LocalDateTime t ? Timestamp.valueOf(t) : p);
    return s;
  }

  private List<ReconciliationTotal> totals() throws SQLException {
    List<ReconciliationTotal> totals = new ArrayList<>();
    try (PreparedStatement s = prepare(sql.totals());
        ResultSet r = s.executeQuery()) {
      while (r.next()) totals.add(ReconciliationSql.total(cells(r)));
    }
    return totals;
  }

  private List<OverbilledRow> flagged(int limit) throws SQLException {
    List<OverbilledRow> rows = new ArrayList<>();
    try (PreparedStatement s = prepare(sql.flagged(limit));
        ResultSet r = s.executeQuery()) {
      while (r.next()) rows.add(sql.flaggedRow(cells(r)));
    }
    return rows;
  }

  /** JDBC's 1-based columns as the shared mapping's 0-based cells. */
  private static ReconciliationSql.Cells cells(ResultSet r) {
    return new ReconciliationSql.Cells() {
      @Override
      public @Nullable String text(int column) {
        return get(() -> r.getString(column + 1));
      }

      @Override
      public @Nullable BigDecimal decimal(int column) {
        return get(() -> r.getBigDecimal(column + 1));
      }

      @Override
      public long count(int column) {
        return get(() -> r.getLong(column + 1));
      }

      @Override
      public @Nullable Integer index(int column) {
        return get(() -> r.getObject(column + 1) == null ? null : r.getInt(column + 1));
      }

      @Override
      public LocalDateTime time(int column) {
        return get(() -> r.getTimestamp(column + 1).toLocalDateTime());
      }
    };
  }

  private interface Read<T> {
    T read() throws SQLException;
  }

  private static <T> T get(Read<T> read) {
    try {
      return read.read();
    } catch (SQLException e) {
      throw new UncheckedSql(e);
    }
  }

  /** A cell's SQLException through the shared mapping, unwrapped again by {@link #run}. */
  private static final class UncheckedSql extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedSql(SQLException e) {
      super(e);
    }
  }
}
