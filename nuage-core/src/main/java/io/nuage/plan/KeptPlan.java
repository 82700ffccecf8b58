package io.nuage.plan;

import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A previous plan's remaining part as the re-plan model's columns (docs/planner.md, "Not moving
 * work for nothing"): each run not started at its option (same cell and start), each fleet row on
 * its demand rows, the runs under way where the past fixes them. Null when something no longer maps
 * (an option gone, a row no demand row can take, demand not met); {@link #holds} then says whether
 * the mapped assignment keeps every row of the model.
 */
final class KeptPlan {
  private static final BigDecimal STEP = new BigDecimal("0.001");
  private static final BigDecimal ROW_TOLERANCE = new BigDecimal("1e-6");

  private KeptPlan() {}

  /** The previous placements of the open months as an assignment, or null (the reason in notes). */
  static @Nullable Assignment of(PlanData data, List<Placement> previous, List<String> why) {
    Assignment a = Assignment.empty(data);
    YearMonth first = data.months.getFirst();
    Map<String, List<Placement>> byWorkload = new HashMap<>();
    for (Placement p : previous) {
      if (p.month().isBefore(first)) continue;
      byWorkload.computeIfAbsent(p.workload(), k -> new ArrayList<>()).add(p);
    }
    for (int j = 0; j < data.runs.size(); j++) {
      TrainingRun run = data.runs.get(j);
      List<GangOption> options = data.optionsByRun.get(j);
      if (data.isRunning(j)) {
        if (options.isEmpty()) return none(why, run.id() + " cannot go on where it runs");
        a.optionOfRun()[j] = options.getFirst().index();
        continue;
      }
      List<Placement> rows = byWorkload.getOrDefault(run.id(), List.of());
      if (rows.isEmpty()) return none(why, run.id() + " has no placement after the as-of date");
      Placement firstRow =
          rows.stream().min(java.util.Comparator.comparing(Placement::month)).orElseThrow();
      int start = data.monthIndex(firstRow.month());
      GangOption match =
          options.stream()
              .filter(
                  o ->
                      o.start() == start
                          && o.cell().region().equals(firstRow.qualifiedRegion())
                          && o.cell().accName().equals(firstRow.accelerator()))
              .findFirst()
              .orElse(null);
      if (match == null)
        return none(
            why,
            run.id()
                + " in "
                + firstRow.qualifiedRegion()
                + " "
                + firstRow.accelerator()
                + " from "
                + firstRow.month()
                + " is no option of the re-plan");
      a.optionOfRun()[j] = match.index();
    }
    return fleets(data, a, byWorkload, why) ? a : null;
  }

  private static @Nullable Assignment none(List<String> why, String reason) {
    why.add(reason);
    return null;
  }

  /**
   * Puts each fleet's GPU-hours of a cell-month on the demand rows (geographies) of that fleet and
   * month whose cells hold it, filling them in the scenario's order at 1e-3 GPU-hour steps; false
   * when a row is left unplaced or a demand row is not met within the rounding of its rows.
   */
  private static boolean fleets(
      PlanData data, Assignment a, Map<String, List<Placement>> byWorkload, List<String> why) {
    Map<String, List<FleetDemand>> rowsOf = new HashMap<>();
    for (FleetDemand d : data.demands)
      rowsOf.computeIfAbsent(d.fleet() + "|" + d.month(), k -> new ArrayList<>()).add(d);
    Map<Integer, BigDecimal> left = new HashMap<>();
    for (FleetDemand d : data.demands) left.put(d.index(), d.referenceGpuHours());
    for (var fleet : data.fleets) {
      Map<String, BigDecimal> hours = new java.util.TreeMap<>();
      for (Placement p : byWorkload.getOrDefault(fleet.id(), List.of())) {
        int t = data.monthIndex(p.month());
        if (t < 0) continue;
        hours.merge(
            t + "|" + p.qualifiedRegion() + "|" + p.accelerator(), p.gpuHours(), BigDecimal::add);
      }
      for (var e : hours.entrySet()) {
        String[] key = e.getKey().split("\\|");
        int t = Integer.parseInt(key[0]);
        BigDecimal rest = e.getValue();
        List<FleetDemand> takers = new ArrayList<>();
        for (FleetDemand d : rowsOf.getOrDefault(fleet.id() + "|" + t, List.of()))
          if (cellOf(d, key[1], key[2]) >= 0) takers.add(d);
        for (int i = 0; i < takers.size() && rest.signum() > 0; i++) {
          FleetDemand d = takers.get(i);
          int k = cellOf(d, key[1], key[2]);
          BigDecimal theta = d.cells().get(k).accelerator().throughput();
          // the last geography that may take it takes the rest; the others what they still need
          BigDecimal take =
              i == takers.size() - 1
                  ? rest
                  : rest.min(
                      left.get(d.index())
                          .divide(theta, 3, RoundingMode.CEILING)
                          .max(BigDecimal.ZERO));
          if (take.signum() == 0) continue;
          a.fleetHours()[d.index()][k] += take.doubleValue();
          left.merge(d.index(), take.multiply(theta).negate(), BigDecimal::add);
          rest = rest.subtract(take);
        }
        if (rest.compareTo(STEP) > 0) {
          why.add(
              "fleet "
                  + fleet.id()
                  + " in "
                  + key[1]
                  + " "
                  + key[2]
                  + " in "
                  + data.months.get(t)
                  + ": "
                  + rest.toPlainString()
                  + " GPU-hours no demand row of the re-plan takes");
          return false;
        }
      }
    }
    for (FleetDemand d : data.demands) {
      // rows are rounded to 1e-3 GPU-hours: a slack per cell of the row, in reference hours
      BigDecimal slack = STEP.multiply(BigDecimal.valueOf(2L * d.cells().size() + 2));
      if (left.get(d.index()).abs().compareTo(slack) > 0) {
        why.add(
            "fleet "
                + d.fleet()
                + " in "
                + d.geography()
                + " in "
                + data.months.get(d.month())
                + " is "
                + (left.get(d.index()).signum() > 0 ? "short of " : "over by ")
                + left.get(d.index()).abs().toPlainString()
                + " reference GPU-hours");
        return false;
      }
    }
    return true;
  }

  private static int cellOf(FleetDemand d, String region, String accelerator) {
    for (int k = 0; k < d.cells().size(); k++) {
      Cell c = d.cells().get(k);
      if (c.region().equals(region) && c.accName().equals(accelerator)) return k;
    }
    return -1;
  }

  /**
   * Whether an assignment keeps every row of the model: capacity per cell-month (its GPU-hours,
   * within a 1e-3 step per workload there), shares of the years left to plan with the actuals
   * (within 1e-6 of the year's total and the rounding of money, as the solver's own plans), and no
   * pass-over of a right-of-first-refusal holder with room. Null when it does, else what it breaks.
   */
  static @Nullable String breaks(PlanData data, Assignment a, PlanCosting.Priced priced) {
    double[][] used = a.usage(data);
    for (Cell c : data.cells) {
      for (int t = 0; t < data.monthCount(); t++) {
        double limit = c.totalGpus(t) * data.hoursOf(t);
        if (used[c.index()][t] > limit + 1e-3 * (1 + data.runs.size() + data.fleets.size())) {
          return "capacity of " + c.label() + " in " + data.months.get(t);
        }
      }
    }
    // Shares within what the solver's own plans are held to: its rows to 1e-6 relative
    // (ModelRows) and money rounded to the cent per placement. The plan followed is one of them,
    // and an exact test refused it (oci at 80.00% of 2028 under its 80% cap, cents above).
    Map<Integer, BigDecimal> totals = priced.yearTotals();
    BigDecimal rounding = Planner.roundingAllowance(priced);
    for (ProviderYear p : priced.providers()) {
      BigDecimal cap = data.scenario.policy().maxShareOf(p.provider());
      if (!data.openYear(p.year())) continue;
      BigDecimal total = totals.get(p.year());
      BigDecimal slack = total.multiply(ROW_TOLERANCE).add(rounding);
      if (p.spend().subtract(cap.multiply(total)).compareTo(slack) > 0) {
        return p.provider() + " takes " + p.share() + " of " + p.year() + " spend, cap " + cap;
      }
    }
    for (RofrPassOver r : RightOfFirstRefusalReport.report(data, priced.placements())) {
      if (r.reason().equals("violation"))
        return "passes over " + r.holder() + ": " + r.explanation();
    }
    return null;
  }
}
