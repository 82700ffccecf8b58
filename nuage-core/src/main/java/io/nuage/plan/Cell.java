package io.nuage.plan;

import io.nuage.catalog.Accelerator;
import io.nuage.contract.CommittedSpend;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One region x accelerator the planner may use, with its capacity per month of the horizon. The
 * reserved GPUs are a slice of the schedule that the provider holds for us (docs/planner.md): the
 * on-demand part is what the schedule offers beyond them. {@code scheduleGpus} is the schedule
 * itself (0 where none), for a deal that sizes a reservation (docs/deals.md section 5.1).
 */
record Cell(
    int index,
    String region,
    String provider,
    Accelerator accelerator,
    @Nullable BigDecimal listPrice,
    int[] reservedGpus,
    int[] onDemandGpus,
    BigDecimal[] rate,
    @Nullable CommittedSpend[] committed,
    int[] scheduleGpus) {

  int totalGpus(int t) {
    return reservedGpus[t] + onDemandGpus[t];
  }

  double throughput() {
    return accelerator.throughput().doubleValue();
  }

  String accName() {
    return accelerator.name();
  }

  String label() {
    return region + " " + accelerator.name();
  }
}
