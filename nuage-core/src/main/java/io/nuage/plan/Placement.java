package io.nuage.plan;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * GPU-hours of one workload in one region, accelerator and month, at one pricing: {@code reserved}
 * (cost 0, the fee is a fixed cost), {@code committed} (list less the committed-spend discount,
 * consuming {@code contract}) or {@code on-demand}. {@code cost = round(gpuHours x rate, 2)}.
 */
public record Placement(
    String workload,
    String kind,
    String provider,
    String region,
    String accelerator,
    YearMonth month,
    int gpus,
    BigDecimal gpuHours,
    String pricing,
    @Nullable String contract,
    BigDecimal rate,
    BigDecimal cost) {
  public Placement {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(month, "month");
    if (gpuHours.signum() < 0 || cost.signum() < 0) {
      throw new IllegalArgumentException("placement of " + workload + " cannot be negative");
    }
  }

  /**
   * The region as the scenario names it ({@code provider/region}): docs/plan-json.md allows a bare
   * region name beside its provider.
   */
  public String qualifiedRegion() {
    return region.contains("/") ? region : provider + "/" + region;
  }
}
