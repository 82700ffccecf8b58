package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What a plan bills one provider in one month (docs/ledger-drawdown.md, section 8): its spend by
 * part and the GPU-hours of its placements there.
 */
public record PlannedUsage(
    String provider, YearMonth month, PlannedParts parts, BigDecimal gpuHours) {
  public PlannedUsage {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(parts, "parts");
    Objects.requireNonNull(gpuHours, "gpuHours");
  }

  /** Placements alone: {@code spend} is usage, nothing else billed. */
  public PlannedUsage(String provider, YearMonth month, BigDecimal spend, BigDecimal gpuHours) {
    this(provider, month, PlannedParts.usage(spend), gpuHours);
  }

  /** Every part: what the plan bills the provider in the month. */
  public BigDecimal spend() {
    return parts.total();
  }
}
