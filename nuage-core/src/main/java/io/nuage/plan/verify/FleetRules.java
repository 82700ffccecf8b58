package io.nuage.plan.verify;

import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Inference demand is met exactly per geography and month, in reference GPU-hours (throughput x
 * GPU-hours), only in regions allowed for that geography. A row's geography is not in the JSON, so
 * where allowed sets overlap the rows must admit an exact split: Gale's condition, for every set of
 * geographies, demand at most what their allowed regions served, and equal totals.
 */
final class FleetRules {
  private static final BigDecimal ROW_TOLERANCE = new BigDecimal("0.001");
  private static final int MAX_GEOGRAPHIES = 12;

  private final ScenarioFacts facts;
  private final RecourseRules declared;
  private final Consumer<Violation> report;

  FleetRules(ScenarioFacts facts, RecourseRules declared, Consumer<Violation> report) {
    this.facts = facts;
    this.declared = declared;
    this.report = report;
  }

  void check(InferenceFleet fleet, List<PlanRow> rows) {
    var served = new HashMap<YearMonth, Map<String, BigDecimal>>();
    var rowSlack = new HashMap<YearMonth, BigDecimal>();
    for (PlanRow row : rows) {
      if (!facts.compatible(fleet.accelerators(), row.accelerator())) {
        fail(Rule.ACCELERATOR, row.where() + ": fleet allows " + fleet.accelerators());
      }
      if (fleet.demands().stream().noneMatch(d -> d.allowedRegions().contains(row.region()))) {
        fail(Rule.RESIDENCY, row.where() + ": no geography of fleet " + fleet.id() + " allows it");
      }
      BigDecimal theta =
          facts.accelerator(row.accelerator()).map(a -> a.throughput()).orElse(BigDecimal.ONE);
      served
          .computeIfAbsent(row.month(), m -> new HashMap<>())
          .merge(row.region(), theta.multiply(row.gpuHours()), BigDecimal::add);
      // gpuHours are rounded to 0.001 of the accelerator's hours: theta x that in reference hours
      rowSlack.merge(
          row.month(), ROW_TOLERANCE.multiply(theta.max(BigDecimal.ONE)), BigDecimal::add);
    }
    var months = new TreeSet<YearMonth>(served.keySet());
    fleet.demands().forEach(d -> months.addAll(d.gpuHoursByMonth().keySet()));
    for (YearMonth month : months) {
      // a re-plan's fixed months were served and billed: not the plan's to meet
      if (!facts.open(month)) continue;
      BigDecimal tolerance = rowSlack.getOrDefault(month, ROW_TOLERANCE);
      checkMonth(fleet, month, served.getOrDefault(month, Map.of()), tolerance);
    }
  }

  private void checkMonth(
      InferenceFleet fleet, YearMonth month, Map<String, BigDecimal> served, BigDecimal tol) {
    List<GeographyDemand> demands = fleet.demands();
    BigDecimal demandTotal =
        demands.stream().map(d -> served(fleet, d, month)).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal servedTotal = served.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (servedTotal.subtract(demandTotal).abs().compareTo(tol) > 0) {
      fail(
          Rule.DEMAND,
          "fleet "
              + fleet.id()
              + " in "
              + month
              + ": served "
              + servedTotal.toPlainString()
              + " reference GPU-hours, demand "
              + demandTotal.toPlainString());
      return;
    }
    int n = Math.min(demands.size(), MAX_GEOGRAPHIES);
    for (int mask = 1; mask < (1 << n); mask++) {
      BigDecimal need = BigDecimal.ZERO;
      var regions = new java.util.HashSet<String>();
      var names = new java.util.ArrayList<String>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) == 0) continue;
        need = need.add(served(fleet, demands.get(i), month));
        regions.addAll(demands.get(i).allowedRegions());
        names.add(demands.get(i).geography());
      }
      BigDecimal supply =
          served.entrySet().stream()
              .filter(e -> regions.contains(e.getKey()))
              .map(Map.Entry::getValue)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      if (need.subtract(supply).compareTo(tol) > 0) {
        fail(
            Rule.DEMAND,
            "fleet "
                + fleet.id()
                + " in "
                + month
                + ": geography "
                + String.join("+", names)
                + " needs "
                + need.toPlainString()
                + " reference GPU-hours, its allowed regions served "
                + supply.toPlainString());
      }
    }
  }

  /** What the rows must serve: the demand, less what a recourse plan declares unmet. */
  private BigDecimal served(InferenceFleet fleet, GeographyDemand d, YearMonth month) {
    return d.gpuHoursByMonth()
        .getOrDefault(month, BigDecimal.ZERO)
        .subtract(declared.unmet(fleet.id(), d.geography(), month));
  }

  private void fail(Rule rule, String message) {
    report.accept(new Violation(rule, message));
  }
}
