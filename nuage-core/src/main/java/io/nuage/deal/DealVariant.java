package io.nuage.deal;

import io.nuage.contract.CommittedSpend;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;

/** One way of answering the deal (docs/deals.md section 1): sign it at a size, or do not. */
public sealed interface DealVariant {
  /** How the output names it: {@code x0.75}, {@code not signed}. */
  String label();

  /** The scenario with this answer in place of the deal. */
  Scenario apply(Scenario scenario, String contractId);

  /** The deal signed at {@code scale} times its written minimums, with the discount that earns. */
  record Signed(BigDecimal scale, CommittedSpend contract) implements DealVariant {
    @Override
    public String label() {
      return "x" + scale.stripTrailingZeros().toPlainString();
    }

    @Override
    public Scenario apply(Scenario scenario, String contractId) {
      return scenario.withContract(contractId, contract);
    }
  }

  /** The scenario without the deal: the provider at list less its rate card. */
  record NotSigned() implements DealVariant {
    @Override
    public String label() {
      return "not signed";
    }

    @Override
    public Scenario apply(Scenario scenario, String contractId) {
      return scenario.withContract(contractId, null);
    }
  }
}
