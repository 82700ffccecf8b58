package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/** What a plan puts on one provider in one month: the sum of its placements there. */
public record PlannedUsage(
    String provider, YearMonth month, BigDecimal spend, BigDecimal gpuHours) {
  public PlannedUsage {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(spend, "spend");
    Objects.requireNonNull(gpuHours, "gpuHours");
  }
}
