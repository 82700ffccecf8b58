package io.nuage.plan;

import io.nuage.plan.past.FixedPast;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A feasible plan with every figure docs/plan-json.md promises. Money is exact: every total is the
 * sum of the rows it summarises. A re-plan carries the past it was fixed to ({@code fixedPast},
 * null for a plan from scratch): its placements start at the first open month.
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
    int gangOptions,
    @Nullable FixedPast fixedPast) {
  /** A plan from scratch: nothing fixed. */
  public Plan(
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
    this(
        scenario,
        totalCost,
        lowerBound,
        gap,
        optionsPruned,
        solveSeconds,
        source,
        solverNotes,
        costBreakdown,
        baselines,
        placements,
        egress,
        providers,
        contracts,
        binding,
        rightOfFirstRefusal,
        nextBest,
        timings,
        gangOptions,
        null);
  }

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
