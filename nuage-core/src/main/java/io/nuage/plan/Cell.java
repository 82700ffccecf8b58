package io.nuage.plan;

import io.nuage.catalog.Accelerator;
import io.nuage.contract.CommittedSpend;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One region x accelerator the planner may use, with its capacity per month of the horizon. The
 * reserved GPUs are a slice of the schedule that the provider holds for us (docs/planner.md): the
 * on-demand part is what the schedule offers beyond them.
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
    @Nullable CommittedSpend[] committed) {

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
