package io.nuage.store.ledger;

import io.nuage.store.Store;
import java.util.SortedMap;

/** The FOCUS rows in the ledger, read side. */
public interface BillingRows {
  static BillingRows in(Store store) {
    return new DuckDbBillingRows(store);
  }

  /** All rows: count and exact sums of BilledCost, EffectiveCost, ListCost. */
  Totals totals();

  /** The same, per ProviderName. */
  SortedMap<String, Totals> totalsByProvider();
}
