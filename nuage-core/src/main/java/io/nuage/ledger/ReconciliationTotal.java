package io.nuage.ledger;

import java.math.BigDecimal;

/**
 * Reconciliation totals for one provider.
 *
 * @param billed {@code Σ BilledCost} of the flagged rows
 * @param expected {@code Σ expected cost} of the flagged rows
 * @param excess {@code billed - expected}
 */
public record ReconciliationTotal(
    String provider,
    long rowsChecked,
    long rowsFlagged,
    BigDecimal billed,
    BigDecimal expected,
    BigDecimal excess) {}
