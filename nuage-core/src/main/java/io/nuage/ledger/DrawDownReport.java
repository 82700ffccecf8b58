package io.nuage.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code nuage ledger} reports for a scenario as of a date: each contract's draw-down, spend
 * by provider and month, provider shares against the policy cap, and the commitment balance check.
 *
 * @param asOf charges that start on or after this day are ignored
 */
public record DrawDownReport(
    LocalDate asOf,
    List<ContractDrawDown> contracts,
    List<MonthlySpend> spend,
    List<ProviderShare> shares,
    List<CommitmentBalance> balances) {
  public DrawDownReport {
    contracts = List.copyOf(contracts);
    spend = List.copyOf(spend);
    shares = List.copyOf(shares);
    balances = List.copyOf(balances);
  }

  /** Whether every commitment that can be checked balances. */
  public boolean balanced() {
    return balances.stream().noneMatch(b -> b.verdict() == CommitmentBalance.Verdict.UNBALANCED);
  }
}
