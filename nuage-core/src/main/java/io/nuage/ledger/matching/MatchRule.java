package io.nuage.ledger.matching;

/** The rules that match a charge to a contract, strongest first: the first that applies wins. */
public enum MatchRule {
  /** FOCUS 1.3 {@code ContractApplied} names the contract or one of its commitments. */
  CONTRACT_APPLIED("contract-applied"),
  /** The charge's {@code CommitmentDiscountId} or {@code BillingAccountId} is the contract's. */
  IDS("ids"),
  /** The charge's provider is the contract's: the weakest rule. */
  PROVIDER_NAME("provider-name");

  private final String label;

  MatchRule(String label) {
    this.label = label;
  }

  /** The rule's name in JSON and tables. */
  public String label() {
    return label;
  }
}
