package io.nuage.workload;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An inference fleet's demand in one geography: reference GPU-hours per month, split freely among
 * the allowed regions (latency and residency decide which).
 */
public record GeographyDemand(
    String geography,
    Set<String> allowedRegions,
    SortedMap<YearMonth, BigDecimal> gpuHoursByMonth) {
  public GeographyDemand {
    Checks.id(geography, "demand.geography");
    allowedRegions = Set.copyOf(allowedRegions);
    if (allowedRegions.isEmpty()) {
      throw new IllegalArgumentException(
          "geography " + geography + " needs at least one allowed region");
    }
    gpuHoursByMonth = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(gpuHoursByMonth));
    gpuHoursByMonth.values().forEach(h -> Checks.nonNegative(h, "demand.gpuHours"));
  }
}
