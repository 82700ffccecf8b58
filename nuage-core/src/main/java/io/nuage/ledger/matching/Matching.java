package io.nuage.ledger.matching;

import io.nuage.ledger.ChargeSum;
import java.util.List;

/**
 * The outcome of matching the ledger's charges to a scenario's contracts.
 *
 * @param draws what each contract drew, by rule
 * @param unmatched the usage and purchase charges no rule matched: listed, never drawn, never
 *     dropped
 */
public record Matching(List<Draw> draws, List<ChargeSum> unmatched) {
  public Matching {
    draws = List.copyOf(draws);
    unmatched = List.copyOf(unmatched);
  }
}
