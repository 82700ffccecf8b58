package io.nuage.deal;

import io.nuage.contract.CommittedSpend;
import io.nuage.scenario.Scenario;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answers a deal evaluation serves every future under (docs/deals.md section 2): the contract
 * at each size, in order, then not signed. A few values that whoever holds the scenario turns into
 * the same scenarios, so a distributed engine ships these, never scenarios (docs/scale-out.md).
 *
 * @param contractId the committed-spend contract sized
 * @param scales the sizes, as multiples of the written minimums, in the order evaluated
 */
public record DealSizes(String contractId, List<BigDecimal> scales) implements Serializable {
  private static final long serialVersionUID = 1L;

  public DealSizes {
    Objects.requireNonNull(contractId, "contractId");
    scales = List.copyOf(scales);
  }

  /** The contract at each size, then not signed; {@code deal} is the contract as written. */
  List<DealVariant> variants(CommittedSpend deal) {
    List<DealVariant> v = new ArrayList<>();
    for (BigDecimal s : scales) v.add(new DealVariant.Signed(s, deal.scaled(s)));
    v.add(new DealVariant.NotSigned());
    return List.copyOf(v);
  }

  /** The scenarios a future of {@code scenario} is served on, in {@link #variants}' order. */
  public List<Scenario> bases(Scenario scenario) {
    CommittedSpend deal = DealEvaluation.committedSpend(scenario, contractId);
    return variants(deal).stream().map(v -> v.apply(scenario, contractId)).toList();
  }
}
