package io.nuage.broker;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

/**
 * An inference fleet's demand in one geography as the plan serves it: the cells it uses, largest
 * share of the fleet's GPU-hours first, each with its GPUs per month.
 */
public record FleetTask(String fleet, String geography, List<Cell> cells) {
  public FleetTask {
    cells = List.copyOf(cells);
  }

  /** One region and accelerator the fleet uses, with the plan's GPUs per month there. */
  public record Cell(
      String region,
      String provider,
      String accelerator,
      BigDecimal gpuHours,
      SortedMap<YearMonth, Long> gpusByMonth) {
    public Cell {
      gpusByMonth =
          java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(gpusByMonth));
    }
  }
}
