package io.nuage.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The ledger's billed charges, as the draw-down and reconciliation read them. */
public interface Charges {

  /** The UTC day of the latest {@code ChargePeriodStart}, if there is any charge. */
  Optional<LocalDate> lastChargeDay();

  /**
   * The charges starting before {@code before}, summed per provider, calendar month, category and
   * commitment discount ({@link ChargeSum#from()} is the month's first day).
   */
  List<ChargeSum> monthly(LocalDate before);

  /**
   * Prices every usage row at its contract's rate and flags those billed above it.
   *
   * @param rowLimit the most flagged rows to return (biggest excess first); totals count all
   */
  Reconciliation reconcile(List<ContractRate> rates, BillingProviders names, int rowLimit);
}
