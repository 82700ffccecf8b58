package io.nuage.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The ledger's billed charges, as the draw-down and reconciliation read them. */
public interface Charges {

  /** The UTC day of the latest {@code ChargePeriodStart}, if there is any charge. */
  Optional<LocalDate> lastChargeDay();

  /**
   * The end of what was billed: the latest {@code ChargePeriodEnd} of the usage charges, or of all
   * charges when there is no usage (a purchase may cover a year ahead); empty without charges.
   */
  Optional<LocalDateTime> lastUsageEnd();

  /**
   * The charges starting before {@code before}, summed per provider, calendar month, currency and
   * what the matching rules read ({@link ChargeSum#from()} is the month's first day).
   */
  List<ChargeSum> monthly(LocalDate before);

  /**
   * The FOCUS 1.3 {@code ContractApplied} amounts of the charges starting before {@code before},
   * summed per provider, calendar month, currency, the charges' element ids and element.
   */
  List<AppliedSum> applied(LocalDate before);

  /**
   * The take-or-pay true-ups among the charges starting before {@code before}
   * (docs/ledger-drawdown.md, section 1): part of what {@link #monthly} and {@link #applied} give,
   * recognised by their {@code Tags} marker or their {@code ResourceId}.
   */
  TrueUpCharges trueUps(LocalDate before);

  /**
   * Each commitment's {@code ContractCommitmentPeriodStart} (its UTC day) in the ledger's Contract
   * Commitment dataset: a charge naming a commitment belongs to the contract year it starts in
   * (docs/ledger-drawdown.md, section 3). Empty without the dataset.
   */
  default java.util.Map<String, LocalDate> commitmentStarts() {
    return java.util.Map.of();
  }

  /** {@link #reconcile(List, BillingProviders, int, String)} of a scenario in US dollars. */
  default Reconciliation reconcile(List<ContractRate> rates, BillingProviders names, int rowLimit) {
    return reconcile(rates, names, rowLimit, "USD");
  }

  /**
   * Prices every usage row at its contract's rate and flags those billed above it; totals per
   * provider and billing currency.
   *
   * @param rowLimit the most flagged rows to return (biggest excess first); totals count all
   * @param currency the scenario's currency: a price per GPU-hour prices only rows billed in it
   */
  Reconciliation reconcile(
      List<ContractRate> rates, BillingProviders names, int rowLimit, String currency);
}
