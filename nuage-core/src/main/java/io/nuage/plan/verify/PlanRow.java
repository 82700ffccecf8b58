package io.nuage.plan.verify;

import io.nuage.plan.Placement;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One placement of a plan with its position, the unit every rule reads.
 *
 * @param region the full region id ({@code provider/name}); a bare name is prefixed with the row's
 *     provider, as docs/plan-json.md allows
 */
record PlanRow(
    int index,
    String workload,
    String provider,
    String region,
    String accelerator,
    YearMonth month,
    long gpus,
    BigDecimal gpuHours,
    String pricing,
    BigDecimal rate,
    BigDecimal cost) {

  static PlanRow of(int index, Placement p) {
    String region = p.region().contains("/") ? p.region() : p.provider() + "/" + p.region();
    return new PlanRow(
        index,
        p.workload(),
        p.provider(),
        region,
        p.accelerator(),
        p.month(),
        p.gpus(),
        p.gpuHours(),
        p.pricing(),
        p.rate(),
        p.cost());
  }

  boolean reserved() {
    return pricing.equals("reserved");
  }

  String where() {
    return "placements[" + index + "] " + workload + " " + region + " " + accelerator + " " + month;
  }
}
