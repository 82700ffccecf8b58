package io.nuage.risk;

import io.nuage.plan.ContractYear;
import io.nuage.plan.CostBreakdown;
import io.nuage.plan.Placement;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.Unmet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A scenario as written and one named future of it, both served and verified (docs/risk.md section
 * 5), and what differs: every figure is read from the two plans, exact to the cent.
 *
 * @param asWritten the scenario as written solved as {@code nuage plan} solves it (its total; the
 *     figure to quote), where {@code base} is the same scenario served by the future's recourse,
 *     the reference of every difference (docs/risk.md section 2.2)
 * @param contractStarts the first month of each committed-spend contract's term
 */
public record WhatIfResult(
    String scenario,
    String currency,
    WhatIf whatIf,
    RecourseMethod method,
    BigDecimal asWritten,
    RecoursePlan base,
    RecoursePlan future,
    Map<String, YearMonth> contractStarts) {
  public WhatIfResult {
    Objects.requireNonNull(asWritten, "asWritten");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(future, "future");
    contractStarts = Map.copyOf(contractStarts);
  }

  /** One part of the total cost in each plan; the parts sum to each total. */
  public record Component(String name, BigDecimal base, BigDecimal future) {
    public BigDecimal delta() {
      return future.subtract(base);
    }
  }

  /** One take-or-pay contract year (0-based, as in the plan JSON) in each plan. */
  public record YearShortfall(
      String contract,
      int year,
      @Nullable YearMonth firstMonth,
      BigDecimal committed,
      BigDecimal baseConsumed,
      BigDecimal futureConsumed,
      BigDecimal baseShortfall,
      BigDecimal futureShortfall) {
    public BigDecimal delta() {
      return futureShortfall.subtract(baseShortfall);
    }
  }

  /** What one provider carries in each plan: GPU-hours placed and their usage cost. */
  public record ProviderMove(
      String provider,
      BigDecimal baseGpuHours,
      BigDecimal futureGpuHours,
      BigDecimal baseCost,
      BigDecimal futureCost) {
    public BigDecimal costDelta() {
      return futureCost.subtract(baseCost);
    }
  }

  /** Demand one plan leaves unmet, per workload, and its cost at the penalty. */
  public record UnmetWorkload(String workload, BigDecimal referenceGpuHours, BigDecimal cost) {}

  /** The future's total less the base's. */
  public BigDecimal delta() {
    return future.totalCost().subtract(base.totalCost());
  }

  /** Usage, reserved, shortfall, egress, storage and the unmet penalty, in that order. */
  public List<Component> components() {
    CostBreakdown b = base.plan().costBreakdown();
    CostBreakdown f = future.plan().costBreakdown();
    return List.of(
        new Component("usage", b.usage(), f.usage()),
        new Component("reserved", b.reserved(), f.reserved()),
        new Component("shortfall", b.shortfall(), f.shortfall()),
        new Component("egress", b.egress(), f.egress()),
        new Component("storage", b.storage(), f.storage()),
        new Component(
            "unmet",
            base.unmetCost().setScale(2, RoundingMode.HALF_EVEN),
            future.unmetCost().setScale(2, RoundingMode.HALF_EVEN)));
  }

  /** Every take-or-pay contract year, in contract and year order. */
  public List<YearShortfall> contractYears() {
    Map<String, ContractYear> before = new TreeMap<>();
    for (ContractYear y : base.plan().contracts())
      if (y.takeOrPay()) before.put(y.contract() + "#" + y.year(), y);
    List<YearShortfall> out = new ArrayList<>();
    for (ContractYear y : future.plan().contracts()) {
      if (!y.takeOrPay()) continue;
      ContractYear b = before.get(y.contract() + "#" + y.year());
      YearMonth start = contractStarts.get(y.contract());
      out.add(
          new YearShortfall(
              y.contract(),
              y.year(),
              start == null ? null : start.plusMonths(12L * y.year()),
              y.committed(),
              b == null ? BigDecimal.ZERO : b.consumed(),
              y.consumed(),
              b == null ? BigDecimal.ZERO : b.shortfall(),
              y.shortfall()));
    }
    out.sort(
        java.util.Comparator.comparing(YearShortfall::contract)
            .thenComparingInt(YearShortfall::year));
    return out;
  }

  /** Per provider of either plan (by name): GPU-hours and usage cost before and after. */
  public List<ProviderMove> providers() {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    add(sums, base.plan().placements(), 0);
    add(sums, future.plan().placements(), 1);
    List<ProviderMove> out = new ArrayList<>();
    sums.forEach((p, v) -> out.add(new ProviderMove(p, v[0], v[1], v[2], v[3])));
    return out;
  }

  private static void add(Map<String, BigDecimal[]> sums, List<Placement> placements, int side) {
    for (Placement p : placements) {
      BigDecimal[] v =
          sums.computeIfAbsent(
              p.provider(),
              k ->
                  new BigDecimal[] {
                    new BigDecimal("0.000"),
                    new BigDecimal("0.000"),
                    new BigDecimal("0.00"),
                    new BigDecimal("0.00")
                  });
      v[side] = v[side].add(p.gpuHours());
      v[side + 2] = v[side + 2].add(p.cost());
    }
  }

  /** The future's unmet demand per workload (empty: it served everything). */
  public List<UnmetWorkload> unmet() {
    return unmetOf(future);
  }

  /** The base's unmet demand per workload (empty: the scenario as written is served). */
  public List<UnmetWorkload> baseUnmet() {
    return unmetOf(base);
  }

  /** A plan's unmet demand per workload, by name. */
  public static List<UnmetWorkload> unmetOf(RecoursePlan r) {
    Map<String, BigDecimal[]> by = new TreeMap<>();
    for (Unmet u : r.unmet()) {
      BigDecimal[] v =
          by.computeIfAbsent(
              u.workload(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      v[0] = v[0].add(u.referenceGpuHours());
      v[1] = v[1].add(u.cost());
    }
    List<UnmetWorkload> out = new ArrayList<>();
    by.forEach((w, v) -> out.add(new UnmetWorkload(w, v[0], v[1])));
    return out;
  }

  /** The providers whose share cap the future exceeds, by name. */
  public TreeSet<String> capsExceeded() {
    TreeSet<String> out = new TreeSet<>();
    future.capExcess().forEach(e -> out.add(e.provider()));
    return out;
  }
}
