package io.nuage.plan.verify;

import io.nuage.plan.Plan;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.scenario.Scenario;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import io.nuage.workload.Workload;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a plan against its scenario: capacity, gangs, deadlines, demand, residency, shares, the
 * right of first refusal, and every figure of money recomputed to the cent (docs/plan-verifier.md).
 * Uses no class of the optimiser; the rules are read from docs/planner.md.
 */
public final class PlanVerifier {
  private static final BigDecimal OPTIMAL_GAP = new BigDecimal("0.0001");
  private static final BigDecimal GAP_PRECISION = new BigDecimal("0.000001");

  private final ScenarioFacts facts;
  private final List<Violation> violations = new ArrayList<>();
  private final RecourseRules declared;

  private PlanVerifier(Scenario scenario, @Nullable FixedPast past) {
    this.facts = new ScenarioFacts(scenario, past);
    this.declared = RecourseRules.NONE;
  }

  private PlanVerifier(Scenario future, RecourseTerms terms, RecoursePlan recourse) {
    this.facts = new ScenarioFacts(future, null, terms);
    this.declared = new RecourseRules(recourse, terms, violations::add);
  }

  /**
   * Every violation of a risk future's recourse plan (docs/plan-verifier.md, "Recourse plans"):
   * checked against the future's scenario with its drawn prices and lost providers, its declared
   * unmet demand and cap excess allowed, and its unmet money recomputed.
   */
  public static List<Violation> verify(
      Scenario future, RecourseTerms terms, RecoursePlan recourse) {
    var verifier = new PlanVerifier(future, terms, recourse);
    try {
      verifier.run(recourse.plan());
      verifier.declared.checkMoney(
          future.workloads(TrainingRun.class), future.workloads(InferenceFleet.class));
    } catch (RuntimeException e) {
      verifier.fail(Rule.SHAPE, "recourse plan could not be verified: " + e);
    }
    return List.copyOf(verifier.violations);
  }

  /**
   * Every violation found; empty for a valid plan. A re-plan ({@link Plan#fixedPast()}) is checked
   * with its fixed months honoured (docs/plan-verifier.md, "Re-plans").
   */
  public static List<Violation> verify(Scenario scenario, Plan plan) {
    var verifier = new PlanVerifier(scenario, plan.fixedPast());
    try {
      verifier.run(plan);
    } catch (RuntimeException e) {
      // a verifier reports what it cannot read instead of failing the caller
      verifier.fail(Rule.SHAPE, "plan could not be verified: " + e);
    }
    return List.copyOf(verifier.violations);
  }

  /**
   * Verifies the plan of an outcome, and that a plan called optimal has a gap of at most 1e-4 or is
   * within the rounding of money of its bound; an infeasible outcome has no plan to verify.
   */
  public static List<Violation> verify(Scenario scenario, PlanOutcome outcome) {
    return switch (outcome) {
      case PlanOutcome.Optimal o -> {
        var found = new ArrayList<>(verify(scenario, o.plan()));
        Plan plan = o.plan();
        // optimal to the precision of money: only the rounding allowance on each side (a cent per
        // placement and one more, docs/planner.md "Lower bound and gap") between bound and total
        BigDecimal rounding =
            new BigDecimal("0.02").multiply(BigDecimal.valueOf(plan.placements().size() + 1L));
        if (plan.gap().compareTo(OPTIMAL_GAP) > 0
            && plan.totalCost().subtract(plan.lowerBound()).compareTo(rounding) > 0) {
          found.add(
              new Violation(
                  Rule.BOUND, "status OPTIMAL with gap " + o.plan().gap().toPlainString()));
        }
        yield List.copyOf(found);
      }
      case PlanOutcome.Feasible f -> verify(scenario, f.plan());
      case PlanOutcome.Infeasible i -> List.of();
    };
  }

  private void run(Plan plan) {
    if (facts.past != null) checkPast(facts.past);
    List<PlanRow> rows = new ArrayList<>();
    for (int i = 0; i < plan.placements().size(); i++) {
      rows.add(PlanRow.of(i, plan.placements().get(i)));
    }
    Map<String, Workload> workloads =
        facts.scenario.workloads().stream()
            .collect(Collectors.toMap(Workload::id, Function.identity()));
    rows.stream()
        .filter(r -> !workloads.containsKey(r.workload()))
        .forEach(r -> fail(Rule.SHAPE, r.where() + ": no such workload in the scenario"));
    rows.forEach(this::checkRow);
    new CapacityRules(facts, violations::add).check(rows);

    Map<String, List<PlanRow>> byWorkload =
        rows.stream()
            .collect(
                Collectors.groupingBy(PlanRow::workload, LinkedHashMap::new, Collectors.toList()));
    var gangs = new GangRules(facts, declared, violations::add);
    var fleets = new FleetRules(facts, declared, violations::add);
    for (TrainingRun run : facts.scenario.workloads(TrainingRun.class)) {
      gangs.check(run, byWorkload.getOrDefault(run.id(), List.of()));
    }
    for (InferenceFleet fleet : facts.scenario.workloads(InferenceFleet.class)) {
      fleets.check(fleet, byWorkload.getOrDefault(fleet.id(), List.of()));
    }
    new RightOfFirstRefusalRules(facts, violations::add).check(rows);
    checkMoney(plan, rows, byWorkload);
  }

  private void checkRow(PlanRow row) {
    var region = facts.region(row.region());
    if (region.isEmpty() || !region.get().provider().equals(row.provider())) {
      fail(
          Rule.UNKNOWN_OFFERING,
          row.where() + ": no region " + row.region() + " of " + row.provider());
    }
    if (facts.accelerator(row.accelerator()).isEmpty()) {
      fail(Rule.UNKNOWN_OFFERING, row.where() + ": no accelerator " + row.accelerator());
    }
    if (!row.reserved() && facts.listPrice(row.region(), row.accelerator()).isEmpty()) {
      fail(Rule.UNKNOWN_OFFERING, row.where() + ": no on-demand offering to price it");
    }
    if (!facts.scenario.policy().allows(row.region())) {
      fail(Rule.RESIDENCY, row.where() + ": region not allowed by the policy");
    }
    if (!facts.scenario.horizon().contains(row.month())) {
      fail(Rule.GANG_WINDOW, row.where() + ": month outside the horizon");
    } else if (!facts.open(row.month())) {
      fail(
          Rule.FIXED_PAST,
          row.where() + ": before the first open month " + facts.past.firstOpen() + " (billed)");
    }
  }

  /** The fixed past names a month inside the horizon and workloads and places that exist. */
  private void checkPast(FixedPast past) {
    var horizon = facts.scenario.horizon();
    if (!horizon.contains(past.firstOpen()) || !past.firstOpen().isAfter(horizon.start())) {
      fail(
          Rule.FIXED_PAST,
          "first open month "
              + past.firstOpen()
              + " leaves nothing fixed or nothing to plan in "
              + horizon);
    }
    var runs = new java.util.HashSet<String>();
    facts.scenario.workloads(TrainingRun.class).forEach(r -> runs.add(r.id()));
    past.finished().stream()
        .filter(id -> !runs.contains(id))
        .forEach(id -> fail(Rule.FIXED_PAST, "finished run " + id + " is no training run"));
    for (var r : past.running()) {
      if (!runs.contains(r.workload()))
        fail(Rule.FIXED_PAST, "running run " + r.workload() + " is no training run");
      if (!horizon.contains(r.start()))
        fail(Rule.FIXED_PAST, "running run " + r.workload() + " starts outside the horizon");
    }
  }

  private void checkMoney(Plan plan, List<PlanRow> rows, Map<String, List<PlanRow>> byWorkload) {
    var money = new MoneyRules(facts, declared, violations::add);
    Map<Integer, BigDecimal> costs = money.placements(rows);
    var firstRow = new HashMap<String, PlanRow>();
    byWorkload.forEach(
        (id, list) ->
            list.stream()
                .min(Comparator.comparing(PlanRow::month))
                .ifPresent(r -> firstRow.put(id, r)));
    BigDecimal egress = money.egress(firstRow, plan.egress());
    BigDecimal reserved = money.reservedFees();
    BigDecimal storage = money.storage();
    BigDecimal shortfall = money.shortfall(rows, costs, plan.contracts());
    BigDecimal usage = money.usage();
    BigDecimal actual = money.actual();
    var breakdown = plan.costBreakdown();
    money.same(Rule.TOTAL, "costBreakdown.usage", breakdown.usage(), usage);
    money.same(Rule.RESERVED_FEES, "costBreakdown.reserved", breakdown.reserved(), reserved);
    money.same(Rule.SHORTFALL, "costBreakdown.shortfall", breakdown.shortfall(), shortfall);
    money.same(Rule.EGRESS, "costBreakdown.egress", breakdown.egress(), egress);
    money.same(Rule.STORAGE, "costBreakdown.storage", breakdown.storage(), storage);
    money.same(Rule.FIXED_PAST, "costBreakdown.actual", breakdown.actual(), actual);
    BigDecimal total = usage.add(reserved).add(shortfall).add(egress).add(storage).add(actual);
    money.same(Rule.TOTAL, "totalCost", plan.totalCost(), total);
    money.shares(plan.providers());
    checkBound(plan, total);
    checkBaselines(plan, total);
  }

  private void checkBound(Plan plan, BigDecimal total) {
    BigDecimal bound = plan.lowerBound();
    if (bound.compareTo(total) > 0) {
      fail(
          Rule.BOUND,
          "lowerBound " + bound.toPlainString() + " above totalCost " + total.toPlainString());
    }
    if (total.signum() > 0) {
      BigDecimal gap = total.subtract(bound).divide(total, 6, RoundingMode.HALF_EVEN);
      if (plan.gap().subtract(gap).abs().compareTo(GAP_PRECISION) > 0) {
        fail(Rule.BOUND, "gap " + plan.gap().toPlainString() + ", expected " + gap.toPlainString());
      }
    }
  }

  private void checkBaselines(Plan plan, BigDecimal total) {
    for (var baseline : plan.baselines()) {
      BigDecimal cost = baseline.totalCost();
      if (!baseline.feasible() || cost == null) continue;
      if (cost.compareTo(total) < 0) {
        fail(
            Rule.BASELINE,
            "baseline "
                + baseline.name()
                + " costs "
                + cost.toPlainString()
                + ", less than the plan's "
                + total.toPlainString());
      }
    }
  }

  private void fail(Rule rule, String message) {
    violations.add(new Violation(rule, message));
  }
}
