package io.nuage.store.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The Contract Commitment dataset in the store ({@code contract_commitments}, V006). */
final class ContractCommitments {
  private ContractCommitments() {}

  /**
   * Whether the ledger holds any contract commitment: from then on every commitment a {@code
   * ContractApplied} names must be one of them (docs/ledger.md, "FOCUS 1.3").
   */
  static boolean held(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM contract_commitments LIMIT 1)")) {
      r.next();
      return r.getLong(1) > 0;
    } catch (SQLException e) {
      throw new io.nuage.core.NuageException(
          "cannot read the contract commitments: " + io.nuage.store.Store.firstLine(e), e);
    }
  }
}
