/**
 * Currencies in the ledger (docs/ledger-drawdown.md, section 2): sums kept per currency and month,
 * converted into the scenario's currency with its rates, per currency-month sum, exactly and then
 * to the cent; the conversions shown; a currency without a rate refused.
 */
@NullMarked
package io.nuage.ledger.currency;

import org.jspecify.annotations.NullMarked;
