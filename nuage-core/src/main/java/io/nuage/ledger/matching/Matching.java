package io.nuage.ledger.matching;

import io.nuage.ledger.ChargeSum;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

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
 * @param billedUntil per contract id, how far its latest billed month is billed: the earliest
 *     {@code ChargePeriodEnd} among its charges of that month (a month billed in one line reaches
 *     the month's end; daily lines, the last day billed), docs/ledger-drawdown.md, section 3
 */
public record Matching(
    List<Draw> draws,
    List<ChargeSum> outside,
    List<ChargeSum> unmatched,
    Map<String, LocalDateTime> billedUntil) {
  public Matching {
    draws = List.copyOf(draws);
    outside = List.copyOf(outside);
    unmatched = List.copyOf(unmatched);
    billedUntil = Map.copyOf(billedUntil);
  }
}
