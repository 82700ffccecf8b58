package io.nuage.plan.replan;

import java.math.BigDecimal;
import java.util.List;

/**
 * GPU-hours of a fleet in one region and accelerator over the months left, previous plan against
 * re-plan, and the months in which they differ.
 */
public record FleetShift(
    String workload,
    String region,
    String accelerator,
    BigDecimal previousGpuHours,
    BigDecimal newGpuHours,
    List<String> months) {
  public FleetShift {
    months = List.copyOf(months);
  }

  public BigDecimal change() {
    return newGpuHours.subtract(previousGpuHours);
  }
}
