package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * FOCUS rows summed per provider, charge day (UTC day of {@code ChargePeriodStart}), charge
 * category and commitment discount: what the store's daily aggregate holds and every draw-down
 * figure is computed from.
 *
 * @param providerName FOCUS {@code ProviderName} as billed
 * @param gpuHours {@code ConsumedQuantity} of the rows whose unit is GPU hours
 * @param firstStart earliest {@code ChargePeriodStart} of the rows (UTC)
 * @param lastEnd latest {@code ChargePeriodEnd} of the rows (UTC)
 */
public record DailyCharge(
    String providerName,
    LocalDate day,
    String chargeCategory,
    @Nullable String commitmentDiscountId,
    @Nullable String commitmentDiscountStatus,
    BigDecimal billed,
    BigDecimal effective,
    BigDecimal gpuHours,
    long rows,
    LocalDateTime firstStart,
    LocalDateTime lastEnd) {
  public DailyCharge {
    Objects.requireNonNull(providerName, "providerName");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(chargeCategory, "chargeCategory");
    Objects.requireNonNull(billed, "billed");
    Objects.requireNonNull(effective, "effective");
    Objects.requireNonNull(gpuHours, "gpuHours");
    Objects.requireNonNull(firstStart, "firstStart");
    Objects.requireNonNull(lastEnd, "lastEnd");
    if (rows < 0) throw new IllegalArgumentException("rows cannot be negative (got " + rows + ")");
  }

  /** Usage and purchases draw a committed-spend deal down; credits and adjustments do not. */
  boolean drawsCommittedSpend() {
    return chargeCategory.equalsIgnoreCase("Usage") || chargeCategory.equalsIgnoreCase("Purchase");
  }

  boolean isUsage() {
    return chargeCategory.equalsIgnoreCase("Usage");
  }

  boolean isPurchase() {
    return chargeCategory.equalsIgnoreCase("Purchase");
  }

  boolean hasStatus(String status) {
    return commitmentDiscountStatus != null && commitmentDiscountStatus.equalsIgnoreCase(status);
  }
}
