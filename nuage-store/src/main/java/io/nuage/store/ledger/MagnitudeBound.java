package io.nuage.store.ledger;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.ledger.FocusColumn;
import io.nuage.ledger.FocusColumns;
import io.nuage.ledger.FocusType;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;

/**
 * Keeps every sum over the ledger inside DECIMAL(38,18) (migration V005, docs/ledger.md, "Magnitude
 * bound"): rows that each fit the column can add up past it, and then every read of the ledger
 * fails for good. Each ingestion records the largest, over the decimal columns, of the sum of its
 * rows' |value| rounded up; a file that would bring the total over all ingestions above {@link
 * #LIMIT} is refused in its transaction, before any sum over it is taken.
 */
final class MagnitudeBound {
  /** A hundredth of what DECIMAL(38,18) holds: room for a read that adds a few such sums. */
  static final BigInteger LIMIT = BigInteger.TEN.pow(18);

  private static final List<FocusColumn> DECIMALS =
      FocusColumns.all().stream().filter(c -> c.type() == FocusType.DECIMAL).toList();

  private MagnitudeBound() {}

  /**
   * Records the magnitude of ingestion {@code id} (its rows are in billing_rows, uncommitted), or
   * throws naming the column that passes the bound; the caller's transaction then rolls back.
   */
  static void record(Connection c, String file, long id) throws SQLException {
    record(c, file, id, "", BigInteger.ZERO);
  }

  /**
   * The same, with the magnitude {@code extra} of values kept outside billing_rows and summed
   * exactly in Java ({@code ContractApplied} amounts, a Contract Commitment dataset's costs),
   * bounded as a column of its own named {@code column}.
   */
  static void record(Connection c, String file, long id, String column, BigInteger extra)
      throws SQLException {
    var sums = new StringJoiner(", ");
    for (FocusColumn col : DECIMALS) {
      String n = StageSql.ident(col.id());
      // abs()::HUGEINT rounds to the nearest unit; + 1 makes it a bound from above
      sums.add("coalesce(sum(abs(" + n + ")::HUGEINT + 1), 0)::VARCHAR");
      sums.add("max(abs(" + n + "))::VARCHAR");
    }
    BigInteger held = held(c);
    BigInteger magnitude = BigInteger.ZERO;
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT " + sums + " FROM billing_rows WHERE ingestion_id = " + id)) {
      r.next();
      for (int i = 0; i < DECIMALS.size(); i++) {
        BigInteger sum = new BigInteger(r.getString(2 * i + 1));
        if (sum.signum() > 0 && held.add(sum).compareTo(LIMIT) > 0)
          throw refused(file, DECIMALS.get(i).id(), sum, r.getString(2 * i + 2), held);
        magnitude = magnitude.max(sum);
      }
    }
    if (extra.signum() > 0 && held.add(extra).compareTo(LIMIT) > 0)
      throw refused(file, column, extra, null, held);
    magnitude = magnitude.max(extra);
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO ingestion_magnitudes VALUES (?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, magnitude.toString());
      ps.executeUpdate();
    }
  }

  /** What the committed ingestions hold together. */
  private static BigInteger held(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT coalesce(sum(magnitude), 0)::VARCHAR FROM ingestion_magnitudes")) {
      r.next();
      return new BigInteger(r.getString(1));
    }
  }

  private static ValidationException refused(
      String file,
      String column,
      BigInteger sum,
      @org.jspecify.annotations.Nullable String largest,
      BigInteger held) {
    return new ValidationException(
        new Problem(
            file,
            0,
            0,
            column,
            "the file's values add up to about "
                + sum
                + " in absolute value"
                + (largest == null
                    ? ""
                    : " (largest "
                        + new java.math.BigDecimal(largest).stripTrailingZeros().toPlainString()
                        + ")")
                + " and the ledger holds about "
                + held
                + " already (got "
                + held.add(sum)
                + ", expected at most 10^18, the bound that keeps every sum over the ledger"
                + " exact); nothing was ingested. A file ingested by mistake can be taken out"
                + " with `nuage ingest --remove ID` (ids: `nuage ingestions`)"));
  }
}
