package io.nuage.store.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/** The Contract Commitment dataset in the store ({@code contract_commitments}, V006). */
final class ContractCommitments {
  private ContractCommitments() {}

  /** The ContractIds and ContractCommitmentIds of the ledger's Contract Commitment dataset. */
  record Held(Set<String> contracts, Set<String> commitments) {
    static final Held NONE = new Held(Set.of(), Set.of());
  }

  /**
   * What the ledger holds: an element of a {@code ContractApplied} under one of these contracts
   * must name one of these commitments (docs/ledger.md, "FOCUS 1.3").
   */
  static Held ids(Connection c) {
    var contracts = new TreeSet<String>();
    var commitments = new TreeSet<String>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT ContractId, ContractCommitmentId FROM contract_commitments")) {
      while (r.next()) {
        contracts.add(r.getString(1));
        commitments.add(r.getString(2));
      }
    } catch (SQLException e) {
      throw new io.nuage.core.NuageException(
          "cannot read the contract commitments: " + io.nuage.store.Store.firstLine(e), e);
    }
    return new Held(contracts, commitments);
  }
}
