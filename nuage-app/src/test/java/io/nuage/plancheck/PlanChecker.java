package io.nuage.plancheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.scenario.Scenario;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import io.nuage.workload.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Verifies a plan from the scenario and the plan JSON alone (docs/plan-json.md): capacity, gangs,
 * deadlines, demand, residency, shares, and every figure of money recomputed to the cent. Uses no
 * class of the optimiser; the rules are read from docs/planner.md.
 */
public final class PlanChecker {
  private static final BigDecimal ROW_TOLERANCE = new BigDecimal("0.001");

  private final ScenarioFacts facts;
  private final List<Violation> violations = new ArrayList<>();

  private PlanChecker(Scenario scenario) {
    this.facts = new ScenarioFacts(scenario);
  }

  /** Every violation found; empty for a valid plan. */
  public static List<Violation> check(Scenario scenario, JsonNode plan) {
    var checker = new PlanChecker(scenario);
    try {
      checker.run(plan);
    } catch (RuntimeException e) {
      checker.violations.add(new Violation(Rule.SHAPE, "unreadable plan: " + e.getMessage()));
    }
    return List.copyOf(checker.violations);
  }

  public static List<Violation> check(Scenario scenario, String planJson) {
    try {
      return check(scenario, new ObjectMapper().readTree(planJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(JsonNode plan) {
    List<PlanRow> rows = new ArrayList<>();
    JsonNode placements = plan.path("placements");
    for (int i = 0; i < placements.size(); i++) rows.add(PlanRow.of(i, placements.get(i)));
    Map<String, Workload> workloads =
        facts.scenario.workloads().stream()
            .collect(Collectors.toMap(Workload::id, Function.identity()));
    rows.stream()
        .filter(r -> !workloads.containsKey(r.workload()))
        .forEach(r -> fail(Rule.SHAPE, r.where() + ": no such workload in the scenario"));
    rows.forEach(this::checkRow);
    checkCapacity(rows);

    Map<String, List<PlanRow>> byWorkload =
        rows.stream()
            .collect(
                Collectors.groupingBy(PlanRow::workload, LinkedHashMap::new, Collectors.toList()));
    var gangs = new GangRules(facts, violations::add);
    var fleets = new FleetRules(facts, violations::add);
    for (TrainingRun run : facts.scenario.workloads(TrainingRun.class)) {
      gangs.check(run, byWorkload.getOrDefault(run.id(), List.of()));
    }
    for (InferenceFleet fleet : facts.scenario.workloads(InferenceFleet.class)) {
      fleets.check(fleet, byWorkload.getOrDefault(fleet.id(), List.of()));
    }
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
    }
    if (row.gpuHours().signum() < 0 || row.cost().signum() < 0) {
      fail(Rule.SHAPE, row.where() + ": negative GPU-hours or cost");
    }
  }

  /** Per (region, accelerator, month): all GPU-hours, and those drawn from reservations. */
  private void checkCapacity(List<PlanRow> rows) {
    record Cell(String region, String accelerator, YearMonth month) {}
    var all = new HashMap<Cell, BigDecimal>();
    var reserved = new HashMap<Cell, BigDecimal>();
    var count = new HashMap<Cell, Integer>();
    for (PlanRow row : rows) {
      var cell = new Cell(row.region(), row.accelerator(), row.month());
      all.merge(cell, row.gpuHours(), BigDecimal::add);
      count.merge(cell, 1, Integer::sum);
      if (row.reserved()) reserved.merge(cell, row.gpuHours(), BigDecimal::add);
    }
    all.forEach(
        (cell, used) -> {
          BigDecimal hours = ScenarioFacts.hours(cell.month());
          BigDecimal tolerance = ROW_TOLERANCE.multiply(BigDecimal.valueOf(count.get(cell)));
          long gpus = facts.deliverable(cell.region(), cell.accelerator(), cell.month());
          BigDecimal limit = hours.multiply(BigDecimal.valueOf(gpus));
          if (used.subtract(limit).compareTo(tolerance) > 0) {
            fail(
                Rule.CAPACITY,
                cell.region()
                    + " "
                    + cell.accelerator()
                    + " "
                    + cell.month()
                    + ": "
                    + used.toPlainString()
                    + " GPU-hours used, "
                    + gpus
                    + " GPUs deliver "
                    + limit.toPlainString());
          }
          BigDecimal fromReservations = reserved.getOrDefault(cell, BigDecimal.ZERO);
          long reservedGpus = facts.reserved(cell.region(), cell.accelerator(), cell.month());
          BigDecimal reservedLimit = hours.multiply(BigDecimal.valueOf(reservedGpus));
          if (fromReservations.subtract(reservedLimit).compareTo(tolerance) > 0) {
            fail(
                Rule.RESERVED_CAPACITY,
                cell.region()
                    + " "
                    + cell.accelerator()
                    + " "
                    + cell.month()
                    + ": "
                    + fromReservations.toPlainString()
                    + " reserved GPU-hours drawn, "
                    + reservedGpus
                    + " reserved GPUs hold "
                    + reservedLimit.toPlainString());
          }
        });
  }

  private void checkMoney(
      JsonNode plan, List<PlanRow> rows, Map<String, List<PlanRow>> byWorkload) {
    var money = new MoneyRules(facts, violations::add);
    Map<Integer, BigDecimal> costs = money.placements(rows);
    var firstRow = new HashMap<String, PlanRow>();
    byWorkload.forEach(
        (id, list) ->
            list.stream()
                .min(java.util.Comparator.comparing(PlanRow::month))
                .ifPresent(r -> firstRow.put(id, r)));
    BigDecimal egress = money.egress(firstRow, plan.path("egress"));
    BigDecimal reserved = money.reservedFees();
    BigDecimal storage = money.storage();
    BigDecimal shortfall = money.shortfall(rows, costs, plan.path("contracts"));
    BigDecimal usage = money.usage();
    JsonNode breakdown = plan.path("costBreakdown");
    money.same(Rule.TOTAL, "costBreakdown.usage", breakdown.path("usage"), usage);
    money.same(Rule.RESERVED_FEES, "costBreakdown.reserved", breakdown.path("reserved"), reserved);
    money.same(Rule.SHORTFALL, "costBreakdown.shortfall", breakdown.path("shortfall"), shortfall);
    money.same(Rule.EGRESS, "costBreakdown.egress", breakdown.path("egress"), egress);
    money.same(Rule.STORAGE, "costBreakdown.storage", breakdown.path("storage"), storage);
    BigDecimal total = usage.add(reserved).add(shortfall).add(egress).add(storage);
    money.same(Rule.TOTAL, "totalCost", plan.path("totalCost"), total);
    money.shares(plan.path("providers"));
    checkBound(plan, total);
    checkBaselines(plan, total);
  }

  private void checkBound(JsonNode plan, BigDecimal total) {
    BigDecimal bound = new BigDecimal(PlanRow.text(plan, "lowerBound"));
    if (bound.compareTo(total) > 0) {
      fail(
          Rule.BOUND,
          "lowerBound " + bound.toPlainString() + " above totalCost " + total.toPlainString());
    }
    if (total.signum() > 0) {
      BigDecimal gap = total.subtract(bound).divide(total, 6, RoundingMode.HALF_EVEN);
      BigDecimal got = new BigDecimal(PlanRow.text(plan, "gap"));
      if (got.subtract(gap).abs().compareTo(new BigDecimal("0.000001")) > 0) {
        fail(Rule.BOUND, "gap " + got.toPlainString() + ", expected " + gap.toPlainString());
      }
      if (plan.path("status").asText().equals("OPTIMAL")
          && gap.compareTo(new BigDecimal("0.0001")) > 0) {
        fail(Rule.BOUND, "status OPTIMAL with gap " + gap.toPlainString());
      }
    }
  }

  private void checkBaselines(JsonNode plan, BigDecimal total) {
    for (JsonNode baseline : plan.path("baselines")) {
      if (!baseline.path("feasible").asBoolean(false)) continue;
      BigDecimal cost = new BigDecimal(PlanRow.text(baseline, "totalCost"));
      if (cost.compareTo(total) < 0) {
        fail(
            Rule.BASELINE,
            "baseline "
                + baseline.path("name").asText()
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
