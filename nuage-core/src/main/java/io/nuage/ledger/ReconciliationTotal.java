package io.nuage.ledger;

import java.math.BigDecimal;

/**
 * Reconciliation totals for one provider and billing currency (never summed across currencies).
 *
 * @param billed {@code Σ BilledCost} of the flagged rows
 * @param expected {@code Σ expected cost} of the flagged rows
 * @param excess {@code billed - expected}
 * @param currency the rows' {@code BillingCurrency}: the amounts are in it
 */
public record ReconciliationTotal(
    String provider,
    long rowsChecked,
    long rowsFlagged,
    BigDecimal billed,
    BigDecimal expected,
    BigDecimal excess,
    String currency) {

  /** Totals of rows billed in US dollars. */
  public ReconciliationTotal(
      String provider,
      long rowsChecked,
      long rowsFlagged,
      BigDecimal billed,
      BigDecimal expected,
      BigDecimal excess) {
    this(provider, rowsChecked, rowsFlagged, billed, expected, excess, "USD");
  }
}
