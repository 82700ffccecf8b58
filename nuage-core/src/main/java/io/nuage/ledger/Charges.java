package io.nuage.ledger;

import java.util.List;

/** The ledger's billed charges, as the draw-down and reconciliation read them. */
public interface Charges {

  /** Every charge summed per provider, day, category and commitment discount. */
  List<DailyCharge> daily();

  /**
   * Prices every usage row at its contract's rate and flags those billed above it.
   *
   * @param rowLimit the most flagged rows to return (biggest excess first); totals count all
   */
  Reconciliation reconcile(List<ContractRate> rates, BillingProviders names, int rowLimit);
}
