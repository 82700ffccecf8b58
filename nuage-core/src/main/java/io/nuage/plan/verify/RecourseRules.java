package io.nuage.plan.verify;

import io.nuage.plan.recourse.CapExcess;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.plan.recourse.Unmet;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a recourse plan declares (docs/plan-verifier.md, "Recourse plans"): runs left unplaced,
 * demand left unmet per fleet, geography and month, spend above a share cap. The gang, fleet and
 * share rules read the declarations; this class checks the declarations themselves and their money:
 * each item's GPU-hours and cost at the penalty, their sum in the total, the bound.
 */
final class RecourseRules {
  /** A plan that declares nothing: every workload served, every cap held. */
  static final RecourseRules NONE = new RecourseRules(null, null, v -> {});

  private final @Nullable RecoursePlan recourse;
  private final @Nullable RecourseTerms terms;
  private final Consumer<Violation> report;
  private final Set<String> unplaced = new HashSet<>();
  private final Map<String, BigDecimal> unmet = new HashMap<>();
  private final Map<String, BigDecimal> excess = new HashMap<>();

  RecourseRules(
      @Nullable RecoursePlan recourse, @Nullable RecourseTerms terms, Consumer<Violation> report) {
    this.recourse = recourse;
    this.terms = terms;
    this.report = report;
    if (recourse == null) return;
    for (Unmet u : recourse.unmet()) {
      switch (u) {
        case Unmet.Run r -> {
          if (!unplaced.add(r.workload()))
            fail("training run " + r.workload() + " declared unplaced twice");
        }
        case Unmet.Fleet f -> {
          if (unmet.put(key(f.workload(), f.geography(), f.month()), f.referenceGpuHours()) != null)
            fail(
                "fleet "
                    + f.workload()
                    + " "
                    + f.geography()
                    + " "
                    + f.month()
                    + " declared unmet twice");
        }
      }
    }
    for (CapExcess e : recourse.capExcess()) excess.put(e.provider() + "#" + e.year(), e.amount());
  }

  private static String key(String fleet, String geography, YearMonth month) {
    return fleet + "|" + geography + "|" + month;
  }

  boolean unplaced(String run) {
    return unplaced.contains(run);
  }

  /** The reference GPU-hours declared unmet (0 where nothing is). */
  BigDecimal unmet(String fleet, String geography, YearMonth month) {
    return unmet.getOrDefault(key(fleet, geography, month), BigDecimal.ZERO);
  }

  /** The declared excess of a provider in a plan year (by its label), or null. */
  @Nullable BigDecimal excess(String provider, int label) {
    return excess.get(provider + "#" + label);
  }

  /** Whether the plan is a recourse, which declares what it leaves unserved and above a cap. */
  boolean isRecourse() {
    return recourse != null;
  }

  /** Declared providers-years, to find those declared over a cap they hold. */
  Set<String> declaredExcess() {
    return excess.keySet();
  }

  /**
   * Each declared item names a workload of the future with that demand, its GPU-hours and cost
   * follow from the terms, their sum and the total add up, and the bound is at most the objective.
   */
  void checkMoney(List<TrainingRun> runs, List<InferenceFleet> fleets) {
    if (recourse == null || terms == null) return;
    Map<String, TrainingRun> byRun = new HashMap<>();
    runs.forEach(r -> byRun.put(r.id(), r));
    Map<String, InferenceFleet> byFleet = new HashMap<>();
    fleets.forEach(f -> byFleet.put(f.id(), f));
    BigDecimal penalty = terms.unmetPenaltyPerGpuHour();
    BigDecimal sum = BigDecimal.ZERO;
    for (Unmet u : recourse.unmet()) {
      BigDecimal expectedHours =
          switch (u) {
            case Unmet.Run r -> {
              TrainingRun run = byRun.get(r.workload());
              if (run == null) {
                fail("unplaced " + r.workload() + " is no training run of the future");
                yield null;
              }
              yield run.referenceHours().multiply(BigDecimal.valueOf(run.gpus()));
            }
            case Unmet.Fleet f -> demandOf(byFleet.get(f.workload()), f);
          };
      if (expectedHours != null
          && u instanceof Unmet.Run
          && expectedHours.compareTo(u.referenceGpuHours()) != 0)
        fail(
            "unplaced "
                + u.workload()
                + ": "
                + u.referenceGpuHours().toPlainString()
                + " reference GPU-hours, expected gpus x reference-hours "
                + expectedHours.toPlainString());
      BigDecimal cost = u.referenceGpuHours().multiply(penalty).setScale(2, RoundingMode.HALF_EVEN);
      if (cost.compareTo(u.cost()) != 0)
        fail(
            "unmet "
                + u.workload()
                + " costs "
                + u.cost().toPlainString()
                + ", expected "
                + cost.toPlainString()
                + " at "
                + penalty.toPlainString()
                + " per GPU-hour");
      sum = sum.add(cost);
    }
    if (sum.compareTo(recourse.unmetCost()) != 0)
      fail("unmetCost " + recourse.unmetCost() + ", expected " + sum.toPlainString());
    BigDecimal total = recourse.plan().totalCost().add(sum);
    if (total.compareTo(recourse.totalCost()) != 0)
      report.accept(
          new Violation(
              Rule.TOTAL,
              "recourse totalCost "
                  + recourse.totalCost().toPlainString()
                  + ", expected the plan's total plus the unmet cost "
                  + total.toPlainString()));
    BigDecimal excessSteering = terms.shareCapPenalty().multiply(recourse.excessTotal());
    if (recourse.steering().compareTo(excessSteering) < 0)
      report.accept(
          new Violation(
              Rule.BOUND,
              "recourse steering "
                  + recourse.steering().toPlainString()
                  + " below the share-cap penalty times the excess "
                  + excessSteering.toPlainString()));
    BigDecimal objective = recourse.totalCost().add(recourse.steering());
    if (recourse.lowerBound().compareTo(objective) > 0)
      report.accept(
          new Violation(
              Rule.BOUND,
              "recourse lowerBound "
                  + recourse.lowerBound().toPlainString()
                  + " above its objective "
                  + objective.toPlainString()));
  }

  /** The geography's demand that month, when the declared unmet is within it; null otherwise. */
  private @Nullable BigDecimal demandOf(@Nullable InferenceFleet fleet, Unmet.Fleet f) {
    GeographyDemand g =
        fleet == null
            ? null
            : fleet.demands().stream()
                .filter(d -> d.geography().equals(f.geography()))
                .findFirst()
                .orElse(null);
    BigDecimal demand =
        g == null ? BigDecimal.ZERO : g.gpuHoursByMonth().getOrDefault(f.month(), BigDecimal.ZERO);
    if (f.referenceGpuHours().compareTo(demand) > 0) {
      fail(
          "fleet "
              + f.workload()
              + " "
              + f.geography()
              + " "
              + f.month()
              + ": "
              + f.referenceGpuHours().toPlainString()
              + " reference GPU-hours declared unmet, its demand is "
              + demand.toPlainString());
      return null;
    }
    return demand;
  }

  private void fail(String message) {
    report.accept(new Violation(Rule.UNMET, message));
  }
}
