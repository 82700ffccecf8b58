package io.nuage.ledger;

import java.util.List;

/**
 * What {@code nuage ledger reconcile} reports: totals per provider, the flagged rows (at most the
 * store's limit, biggest excess first), and the FOCUS 1.3 lines whose {@code ContractApplied}
 * amounts disagree with their effective cost beyond a cent (at most the same limit, biggest
 * difference first).
 */
public record Reconciliation(
    List<ReconciliationTotal> totals,
    List<OverbilledRow> rows,
    List<ContractAppliedMismatch> contractApplied) {
  public Reconciliation {
    totals = List.copyOf(totals);
    rows = List.copyOf(rows);
    contractApplied = List.copyOf(contractApplied);
  }
}
