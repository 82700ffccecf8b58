package io.nuage.store.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps the stored {@code row_hash} values computed by the running DuckDB: its {@code hash()} is
 * fast but not promised stable across versions, and a stale locator would make a re-ingested row
 * look new. Runs inside the ingest's transaction, so a refresh is all-or-nothing too.
 */
final class IdentityHash {
  private IdentityHash() {}

  /** Whether the stored hashes were computed by the running DuckDB. */
  static boolean current(Connection c) throws SQLException {
    return engine(c)
        .equals(text(c, "SELECT value FROM ledger_settings WHERE name = 'row_hash_engine'"));
  }

  static void refreshIfEngineChanged(Connection c) throws SQLException {
    if (current(c)) return;
    String engine = engine(c);
    try (Statement s = c.createStatement()) {
      s.execute("UPDATE billing_rows SET row_hash = " + StageSql.identityHash("billing_rows"));
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE ledger_settings SET value = ? WHERE name = 'row_hash_engine'")) {
      ps.setString(1, engine);
      ps.executeUpdate();
    }
  }

  private static String engine(Connection c) throws SQLException {
    return text(c, "SELECT library_version FROM pragma_version()");
  }

  private static String text(Connection c, String q) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(q)) {
      return r.next() ? String.valueOf(r.getString(1)) : "";
    }
  }
}
