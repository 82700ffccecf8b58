package io.nuage.broker;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One placement row of a plan JSON (docs/plan-json.md): a workload's GPUs in a region on an
 * accelerator in a month, and how they are paid.
 *
 * @param region the region id, {@code provider/name}
 * @param gpus gang size for training, average GPUs for inference
 * @param contract the committed-spend contract a {@code committed} row consumes, else null
 */
public record PlannedRow(
    String workload,
    String kind,
    String provider,
    String region,
    String accelerator,
    YearMonth month,
    long gpus,
    BigDecimal gpuHours,
    CapacityKind pricing,
    @Nullable String contract) {
  public PlannedRow {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(month, "month");
    if (gpus < 0) throw new IllegalArgumentException("gpus must be >= 0, got " + gpus);
  }

  public boolean training() {
    return kind.equals("training");
  }
}
