package io.nuage.ledger.projection;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One placement of a plan (docs/plan-json.md, {@code placements[]}), as the projection reads it.
 *
 * @param region the region's id ({@code nebius/us-central1}, as the planner writes it) or its name
 *     without the provider ({@code us-central1})
 * @param pricing {@code committed}, {@code reserved} or {@code on-demand}
 * @param contract the committed-spend contract a {@code committed} placement consumes, else null
 */
public record PlannedPlacement(
    String provider,
    String region,
    String accelerator,
    YearMonth month,
    String pricing,
    @Nullable String contract,
    BigDecimal gpuHours,
    BigDecimal cost) {
  public PlannedPlacement {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accelerator, "accelerator");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(gpuHours, "gpuHours");
    Objects.requireNonNull(cost, "cost");
  }
}
