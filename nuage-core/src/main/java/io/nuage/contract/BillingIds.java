package io.nuage.contract;

import java.util.List;

/**
 * How a provider's FOCUS bills name one contract (docs/scenario.md, "How bills name a contract"),
 * so that the ledger can match bill lines to it (docs/ledger-drawdown.md, section 1).
 *
 * @param contractIds {@code ContractId} of FOCUS 1.3 {@code ContractApplied} elements
 * @param commitmentIds {@code ContractCommitmentId} of {@code ContractApplied} elements, and {@code
 *     CommitmentDiscountId}
 * @param billingAccountIds {@code BillingAccountId}
 * @param providerNames {@code ProviderName} spellings, beside the built-in aliases
 */
public record BillingIds(
    List<String> contractIds,
    List<String> commitmentIds,
    List<String> billingAccountIds,
    List<String> providerNames) {
  /** A contract whose bills are matched by its provider's name only. */
  public static final BillingIds NONE = new BillingIds(List.of(), List.of(), List.of(), List.of());

  public BillingIds {
    contractIds = List.copyOf(contractIds);
    commitmentIds = List.copyOf(commitmentIds);
    billingAccountIds = List.copyOf(billingAccountIds);
    providerNames = List.copyOf(providerNames);
  }

  public boolean isEmpty() {
    return contractIds.isEmpty()
        && commitmentIds.isEmpty()
        && billingAccountIds.isEmpty()
        && providerNames.isEmpty();
  }
}
