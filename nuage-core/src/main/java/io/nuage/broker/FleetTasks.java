package io.nuage.broker;

import io.nuage.core.NuageException;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Groups a plan's inference rows by fleet and geography (a region belongs to one of a fleet's). */
public final class FleetTasks {
  private FleetTasks() {}

  public static List<FleetTask> of(CellTerms terms, BrokerPlan plan) {
    List<FleetTask> tasks = new ArrayList<>();
    for (InferenceFleet f : terms.scenario().workloads(InferenceFleet.class)) {
      List<PlannedRow> rows = plan.rowsOf(f.id());
      refuseSharedRegions(f, rows);
      for (GeographyDemand g : f.demands()) {
        Map<String, BigDecimal> hours = new TreeMap<>();
        Map<String, TreeMap<YearMonth, Long>> gpus = new TreeMap<>();
        for (PlannedRow r : rows) {
          if (r.training() || !g.allowedRegions().contains(r.region())) continue;
          String cell = CellTerms.key(r.region(), r.accelerator());
          hours.merge(cell, r.gpuHours(), BigDecimal::add);
          gpus.computeIfAbsent(cell, k -> new TreeMap<>()).merge(r.month(), r.gpus(), Long::sum);
        }
        if (hours.isEmpty()) continue;
        List<FleetTask.Cell> cells = new ArrayList<>();
        hours.forEach(
            (cell, h) -> {
              String region = CellTerms.regionOf(cell);
              cells.add(
                  new FleetTask.Cell(
                      region,
                      terms.scenario().providerOf(region),
                      CellTerms.acceleratorOf(cell),
                      h,
                      gpus.get(cell)));
            });
        cells.sort(
            Comparator.comparing(FleetTask.Cell::gpuHours)
                .reversed()
                .thenComparing(FleetTask.Cell::region)
                .thenComparing(FleetTask.Cell::accelerator));
        tasks.add(new FleetTask(f.id(), g.geography(), cells));
      }
    }
    return tasks;
  }

  /**
   * A fleet whose geographies share a region it is planned in: the plan's rows do not say which
   * geography they serve, so each task would count them (docs/planner.md allows the overlap).
   */
  private static void refuseSharedRegions(InferenceFleet f, List<PlannedRow> rows) {
    for (PlannedRow r : rows) {
      List<String> serving =
          f.demands().stream()
              .filter(g -> g.allowedRegions().contains(r.region()))
              .map(GeographyDemand::geography)
              .toList();
      if (serving.size() > 1)
        throw new NuageException(
            "inference fleet "
                + f.id()
                + ": region "
                + r.region()
                + " is in geographies "
                + String.join(" and ", serving)
                + " and the plan's rows there do not say which they serve (expected each"
                + " planned region in one geography of the fleet for a SkyPilot export)");
    }
  }
}
