package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * FOCUS rows summed per provider, period, charge category and commitment discount: what every
 * draw-down figure is computed from. The store sums whole calendar months (contract years start on
 * a month, so nothing finer is needed) cut at the as-of day; tests may sum single days.
 *
 * @param from the first day of the summed period (UTC, of {@code ChargePeriodStart})
 * @param providerName FOCUS {@code ProviderName} as billed
 * @param gpuHours {@code ConsumedQuantity} of the rows whose unit is GPU hours
 * @param firstStart earliest {@code ChargePeriodStart} of the rows (UTC)
 * @param lastEnd latest {@code ChargePeriodEnd} of the rows (UTC)
 */
public record ChargeSum(
    String providerName,
    LocalDate from,
    String chargeCategory,
    @Nullable String commitmentDiscountId,
    @Nullable String commitmentDiscountStatus,
    BigDecimal billed,
    BigDecimal effective,
    BigDecimal gpuHours,
    long rows,
    LocalDateTime firstStart,
    LocalDateTime lastEnd) {
  public ChargeSum {
    Objects.requireNonNull(providerName, "providerName");
    Objects.requireNonNull(from, "from");
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
