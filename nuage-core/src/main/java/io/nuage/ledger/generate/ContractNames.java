package io.nuage.ledger.generate;

import java.util.List;
import java.util.Objects;

/**
 * How a provider's bills name one contract: the {@code ContractId} and the commitment of each
 * contract year (one id for the whole term, or one per contract year).
 *
 * @param contract the scenario contract's id
 */
record ContractNames(String contract, String contractId, List<String> commitmentIds) {
  ContractNames {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(contractId, "contractId");
    commitmentIds = List.copyOf(commitmentIds);
    if (commitmentIds.isEmpty())
      throw new IllegalArgumentException(contract + ": no commitment id");
  }

  /** The commitment of 0-based contract year {@code year}. */
  String commitmentOf(int year) {
    return commitmentIds.size() == 1 ? commitmentIds.getFirst() : commitmentIds.get(year);
  }

  /** Whether each contract year has its own commitment. */
  boolean perYear() {
    return commitmentIds.size() > 1;
  }
}
