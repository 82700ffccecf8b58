package io.nuage.ledger;

import io.nuage.ledger.currency.Conversion;
import io.nuage.ledger.matching.ProviderSpend;
import io.nuage.ledger.projection.ProjectionSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@code nuage ledger} reports for a scenario as of a date: each contract's draw-down and how
 * it was matched, what matched no contract, spend by provider and month, provider shares against
 * the policy cap, the conversions of other currencies and the commitment balance check.
 *
 * @param asOf charges that start on or after this day are ignored
 * @param currency the scenario's currency: every money figure is in it
 * @param projection where the projections of years not closed come from
 * @param outsideContracts per provider the scenario knows, usage priced on demand or spot that
 *     names no commitment and no contract takes: bought at the provider's own price, as a plan may
 *     intend
 * @param unmatched per provider, the other usage and purchases no contract matched: a charge naming
 *     a commitment no contract claims, a provider the scenario does not know, a purchase no
 *     contract takes
 * @param conversions per foreign currency and month, what was converted and at what rate
 */
public record DrawDownReport(
    LocalDate asOf,
    List<ContractDrawDown> contracts,
    List<MonthlySpend> spend,
    List<ProviderShare> shares,
    List<CommitmentBalance> balances,
    String currency,
    ProjectionSource projection,
    List<ProviderSpend> outsideContracts,
    List<ProviderSpend> unmatched,
    List<Conversion> conversions) {
  public DrawDownReport {
    Objects.requireNonNull(asOf, "asOf");
    contracts = List.copyOf(contracts);
    spend = List.copyOf(spend);
    shares = List.copyOf(shares);
    balances = List.copyOf(balances);
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(projection, "projection");
    outsideContracts = List.copyOf(outsideContracts);
    unmatched = List.copyOf(unmatched);
    conversions = List.copyOf(conversions);
  }

  /**
   * A report in US dollars at the run rate, with nothing outside contracts, unmatched or converted.
   */
  public DrawDownReport(
      LocalDate asOf,
      List<ContractDrawDown> contracts,
      List<MonthlySpend> spend,
      List<ProviderShare> shares,
      List<CommitmentBalance> balances) {
    this(
        asOf,
        contracts,
        spend,
        shares,
        balances,
        "USD",
        new ProjectionSource.RunRate(),
        List.of(),
        List.of(),
        List.of());
  }

  /** The last day whose charges count: the day before {@code asOf}. */
  public LocalDate chargesThrough() {
    return asOf.minusDays(1);
  }

  /** Whether every commitment that can be checked balances. */
  public boolean balanced() {
    return balances.stream().noneMatch(b -> b.verdict() == CommitmentBalance.Verdict.UNBALANCED);
  }
}
