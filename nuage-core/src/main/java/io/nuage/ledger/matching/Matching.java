package io.nuage.ledger.matching;

import io.nuage.ledger.ChargeSum;
import java.util.List;

/**
 * The outcome of matching the ledger's charges to a scenario's contracts (docs/ledger-drawdown.md,
 * section 1). Every usage and purchase charge is in exactly one of the three: drawn by a contract,
 * outside every contract, or unmatched.
 *
 * @param draws what each contract drew, by rule
 * @param outside usage at a provider the scenario knows, priced on demand or spot, naming no
 *     commitment, that no contract takes: the provider's own price, listed, never drawn
 * @param unmatched the other usage and purchase charges no rule matched (a commitment no contract
 *     claims, a provider the scenario does not know, a purchase no contract takes): listed, never
 *     drawn, never dropped
 */
public record Matching(List<Draw> draws, List<ChargeSum> outside, List<ChargeSum> unmatched) {
  public Matching {
    draws = List.copyOf(draws);
    outside = List.copyOf(outside);
    unmatched = List.copyOf(unmatched);
  }
}
