package io.nuage.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A feasible plan with every figure docs/plan-json.md promises. Money is exact: every total is the
 * sum of the rows it summarises.
 */
public record Plan(
    String scenario,
    BigDecimal totalCost,
    BigDecimal lowerBound,
    BigDecimal gap,
    boolean optionsPruned,
    double solveSeconds,
    String source,
    List<String> solverNotes,
    CostBreakdown costBreakdown,
    List<Baseline> baselines,
    List<Placement> placements,
    List<EgressCharge> egress,
    List<ProviderYear> providers,
    List<ContractYear> contracts,
    List<Binding> binding,
    List<RofrPassOver> rightOfFirstRefusal,
    List<NextBest> nextBest,
    Map<String, Double> timings,
    int gangOptions) {
  public Plan {
    solverNotes = List.copyOf(solverNotes);
    baselines = List.copyOf(baselines);
    placements = List.copyOf(placements);
    egress = List.copyOf(egress);
    providers = List.copyOf(providers);
    contracts = List.copyOf(contracts);
    binding = List.copyOf(binding);
    rightOfFirstRefusal = List.copyOf(rightOfFirstRefusal);
    nextBest = List.copyOf(nextBest);
    timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    if (totalCost.compareTo(costBreakdown.total()) != 0) {
      throw new IllegalArgumentException(
          "totalCost " + totalCost + " is not the sum of its breakdown");
    }
  }

  public BigDecimal fixedCost() {
    return costBreakdown.fixed();
  }
}
