package io.nuage.ledger.generate;

import io.nuage.contract.BillingIds;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids bills carry for a scenario's contracts and providers (docs/billing-from-plan.md, "Which
 * commitment"): the scenario's {@code billing:} ids where it gives them, else ids derived from the
 * contract's own id ({@code ID-Y1}... per contract year for committed spend, {@code ID} for a
 * reservation or a storage commitment), and each provider's billing account.
 */
final class BillingNames {
  private final Map<String, ContractNames> byContract = new HashMap<>();
  private final Map<String, String> accounts = new HashMap<>();
  private final String scenarioName;

  private BillingNames(String scenarioName) {
    this.scenarioName = scenarioName;
  }

  static BillingNames of(Scenario scenario, String scenarioFile) {
    BillingNames names = new BillingNames(scenario.name());
    for (Contract c : scenario.contracts()) {
      Ids ids = Ids.of(scenario, c);
      ids.accounts().forEach(a -> names.accounts.putIfAbsent(c.provider(), a));
      if (!(c instanceof CommittedSpend
          || c instanceof ReservedCapacity
          || c instanceof StorageCommitment)) continue;
      int years = c.term().years();
      List<String> commitments = ids.commitments();
      if (commitments.isEmpty()) {
        commitments = new ArrayList<>();
        if (c instanceof CommittedSpend) {
          for (int y = 1; y <= years; y++) commitments.add(c.id() + "-Y" + y);
        } else commitments.add(c.id());
      } else if (commitments.size() != 1 && commitments.size() != years) {
        throw new NuageException(
            scenarioFile
                + ": contracts "
                + c.id()
                + ": billing.commitment-ids: "
                + commitments.size()
                + " ids for a term of "
                + years
                + " contract years (expected 1 for the whole term, or "
                + years
                + ", one per contract year in order)");
      }
      String contractId = ids.contracts().isEmpty() ? c.id() : ids.contracts().getFirst();
      names.byContract.put(c.id(), new ContractNames(c.id(), contractId, commitments));
    }
    return names;
  }

  ContractNames of(Contract c) {
    ContractNames n = byContract.get(c.id());
    if (n == null) throw new IllegalStateException("no commitments for contract " + c.id());
    return n;
  }

  String account(String provider) {
    return accounts.getOrDefault(provider, provider + "-" + scenarioName);
  }

  /** The ids a scenario gives a contract; empty lists where it gives none. */
  private record Ids(List<String> contracts, List<String> commitments, List<String> accounts) {
    static Ids of(Scenario scenario, Contract c) {
      BillingIds b = scenario.billingOf(c.id());
      return new Ids(b.contractIds(), b.commitmentIds(), b.billingAccountIds());
    }
  }
}
