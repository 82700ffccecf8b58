package io.nuage.ledger;

import java.util.List;

/**
 * What {@code nuage ledger reconcile} reports: totals per provider and the flagged rows (at most
 * the store's limit, biggest excess first).
 */
public record Reconciliation(List<ReconciliationTotal> totals, List<OverbilledRow> rows) {
  public Reconciliation {
    totals = List.copyOf(totals);
    rows = List.copyOf(rows);
  }
}
