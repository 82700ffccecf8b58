package io.nuage.contract;

import io.nuage.core.MonthRange;

/** An agreement with a provider. The kinds are closed: a plan and a ledger handle each one. */
public sealed interface Contract
    permits CommittedSpend, ReservedCapacity, StorageCommitment, RightOfFirstRefusal, RateCard {

  /** Unique among the scenario's contracts. */
  String id();

  /** The provider id the contract is with (for a right of first refusal: its holder). */
  String provider();

  MonthRange term();
}
