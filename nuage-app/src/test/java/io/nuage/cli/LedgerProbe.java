package io.nuage.cli;

import io.nuage.store.Store;
import io.nuage.store.ledger.BillingRows;
import io.nuage.store.ledger.Ingestions;
import io.nuage.store.ledger.Totals;
import java.nio.file.Path;
import java.util.SortedMap;

/** What a store holds, read through the store's own API after the CLI has closed it. */
record LedgerProbe(Totals totals, SortedMap<String, Totals> byProvider, long ingestions) {
  static LedgerProbe of(Path db) {
    try (Store store = Store.open(db)) {
      var rows = BillingRows.in(store);
      return new LedgerProbe(rows.totals(), rows.totalsByProvider(), Ingestions.in(store).count());
    }
  }

  boolean sameAs(LedgerProbe other) {
    if (ingestions != other.ingestions || !totals.sameAs(other.totals)) return false;
    if (!byProvider.keySet().equals(other.byProvider.keySet())) return false;
    return byProvider.entrySet().stream()
        .allMatch(e -> e.getValue().sameAs(other.byProvider.get(e.getKey())));
  }
}
