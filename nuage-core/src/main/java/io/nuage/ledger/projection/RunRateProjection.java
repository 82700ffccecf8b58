package io.nuage.ledger.projection;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A year in progress projected at its run rate: "if spending stays at today's rate".
 *
 * @param perDay consumption per elapsed day, 10 decimals half-even
 * @param projected {@code consumed + perDay × days left}, rounded to the measure's scale
 * @param projectedShortfall {@code max(0, committed - projected)}
 */
public record RunRateProjection(
    BigDecimal perDay, BigDecimal projected, BigDecimal projectedShortfall) {
  public RunRateProjection {
    Objects.requireNonNull(perDay, "perDay");
    Objects.requireNonNull(projected, "projected");
    Objects.requireNonNull(projectedShortfall, "projectedShortfall");
  }
}
