/**
 * Matching bills to contracts (docs/ledger-drawdown.md, section 1): the three rules in their order
 * ({@code contract-applied}, {@code ids}, {@code provider-name}), what each contract kind takes and
 * draws, and what matched no contract.
 */
@NullMarked
package io.nuage.ledger.matching;

import org.jspecify.annotations.NullMarked;
