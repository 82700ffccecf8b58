package io.nuage.store.ledger;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.ledger.ContractApplication;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Fills {@code contract_applied} (V006) from the rows an ingestion added to {@code billing_rows},
 * in its transaction: one row per element of each {@code ContractApplied}, read by {@link
 * ContractAppliedJson}. The stage's SQL checks already refused a value that is not JSON, has not
 * the 1.3 shape or names an unknown commitment, each on its line; what only the exact reader finds
 * (an amount beyond DECIMAL(38,18), JSON that DuckDB's lenient reader let through) refuses the
 * whole file here, located by reading the file again for the value's first line.
 */
final class ContractAppliedRows {
  private static final String ROW =
      "SELECT ContractApplied, ProviderName, BillingAccountId, BillingCurrency, ChargeCategory,"
          + " ChargePeriodStart, ChargePeriodEnd, ServiceName, SkuId, ResourceId, BilledCost,"
          + " EffectiveCost, rowid FROM billing_rows WHERE ingestion_id = ? AND ContractApplied IS"
          + " NOT NULL";

  private ContractAppliedRows() {}

  /**
   * Appends the elements of ingestion {@code id}'s rows; returns the magnitude they add (the sum of
   * |amount| rounded up, of cost or of quantity, whichever is larger: docs/ledger.md, "Magnitude
   * bound").
   */
  static BigInteger append(FocusIngest ingest, StageSql sql, long id) throws SQLException {
    Connection c = ingest.connection();
    BigInteger cost = BigInteger.ZERO;
    BigInteger quantity = BigInteger.ZERO;
    long charge = 0;
    Map<String, String[]> parents = parents(c);
    try (PreparedStatement ps = c.prepareStatement(ROW);
        DuckDBAppender out =
            c.unwrap(DuckDBConnection.class).createAppender("main", "contract_applied")) {
      ps.setLong(1, id);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          String text = r.getString(1);
          List<ContractApplication> elements;
          try {
            elements = ContractAppliedJson.parse(text);
          } catch (IllegalArgumentException bad) {
            throw refused(ingest, sql, text, bad.getMessage());
          }
          String contradiction = parentContradicted(elements, parents);
          if (contradiction != null) throw refused(ingest, sql, text, contradiction);
          charge++;
          int element = 0;
          long rowId = r.getLong(13);
          String ids = DailyAggregate.appliedIds(elements);
          for (ContractApplication a : elements) {
            out.beginRow().append(id).append(charge).append(++element);
            nullable(out, a.contractId()).append(a.commitmentId());
            exact(out, a.appliedCost());
            exact(out, a.appliedQuantity());
            nullable(out, a.appliedUnit());
            for (int col = 2; col <= 10; col++) {
              if (col == 6 || col == 7) {
                var t = r.getTimestamp(col);
                if (t == null) out.appendNull();
                else out.append(t.toLocalDateTime());
              } else nullable(out, r.getString(col));
            }
            exact(out, r.getBigDecimal(11));
            exact(out, r.getBigDecimal(12));
            // the row's rowid and ids (V007): what billing_daily's `applied` reads, in this
            // transaction, instead of parsing the JSON again
            out.append(rowId);
            nullable(out, ids);
            out.endRow();
            cost = cost.add(bound(a.appliedCost()));
            quantity = quantity.add(bound(a.appliedQuantity()));
          }
        }
      }
      out.flush();
    }
    return cost.max(quantity);
  }

  /**
   * The ledger's commitments: id to its parent ContractId and the file that brought it. FOCUS 1.3
   * gives each commitment exactly one parent contract, so an element naming another contradicts the
   * dataset (docs/ledger.md, "FOCUS 1.3").
   */
  private static Map<String, String[]> parents(Connection c) throws SQLException {
    Map<String, String[]> parents = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT k.ContractCommitmentId, k.ContractId, i.source FROM contract_commitments k"
                    + " LEFT JOIN ingestions i USING (ingestion_id)")) {
      while (r.next())
        parents.put(r.getString(1), new String[] {r.getString(2), String.valueOf(r.getString(3))});
    }
    return parents;
  }

  /** What is wrong when an element's ContractId is not its commitment's parent, else null. */
  static @Nullable String parentContradicted(
      List<ContractApplication> elements, Map<String, String[]> parents) {
    for (int i = 0; i < elements.size(); i++) {
      ContractApplication a = elements.get(i);
      String[] parent = parents.get(a.commitmentId());
      if (parent == null || a.contractId() == null || a.contractId().equals(parent[0])) continue;
      return "Elements["
          + (i + 1)
          + "].ContractId: got '"
          + a.contractId()
          + "', expected '"
          + parent[0]
          + "' (the parent of commitment "
          + a.commitmentId()
          + " in the Contract Commitment dataset ingested as "
          + parent[1]
          + "; FOCUS 1.3 gives a commitment exactly one parent contract)";
    }
    return null;
  }

  private static BigInteger bound(@Nullable BigDecimal d) {
    if (d == null) return BigInteger.ZERO;
    return d.abs().setScale(0, RoundingMode.DOWN).toBigInteger().add(BigInteger.ONE);
  }

  private static DuckDBAppender nullable(DuckDBAppender out, @Nullable String s)
      throws SQLException {
    return s == null ? out.appendNull() : out.append(s);
  }

  private static void exact(DuckDBAppender out, @Nullable BigDecimal d) throws SQLException {
    if (d == null) out.appendNull();
    else out.append(d.setScale(18, RoundingMode.UNNECESSARY));
  }

  /** The file refused at the first line whose ContractApplied is {@code text}. */
  private static ValidationException refused(
      FocusIngest ingest, StageSql sql, String text, String why) throws SQLException {
    FocusSource source = sql.source();
    long line = 0;
    String q =
        "SELECT min(rid) FROM (SELECT row_number() OVER () - 1 AS rid, "
            + StageSql.ident(source.columns().get(contractApplied()))
            + " AS v FROM "
            + sql.reader(false)
            + ") WHERE v = ?";
    try (PreparedStatement ps = ingest.connection().prepareStatement(q)) {
      ps.setString(1, text);
      try (ResultSet r = ps.executeQuery()) {
        if (r.next() && r.getObject(1) != null) {
          long rid = r.getLong(1);
          List<RejectedRow> structural;
          try {
            structural = new Rejects(ingest.connection()).structuralRejects(source);
          } catch (SQLException onePass) {
            structural = List.of(); // the one pass keeps no rejects table: it had none
          }
          line = Rejects.line(source, Rejects.thresholds(source, structural), rid);
        }
      }
    }
    String value = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    return new ValidationException(
        List.of(
            new Problem(
                source.name(),
                (int) Math.min(Integer.MAX_VALUE, line),
                source.header().indexOf(source.columns().get(contractApplied())) + 1,
                "ContractApplied",
                why + " (got '" + value + "'); nothing from this file was ingested")));
  }

  private static io.nuage.ledger.FocusColumn contractApplied() {
    return io.nuage.ledger.FocusColumns.find("ContractApplied").orElseThrow();
  }
}
