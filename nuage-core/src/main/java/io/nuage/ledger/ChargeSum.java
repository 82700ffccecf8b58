package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * FOCUS rows summed per provider, period and what the matching rules read (docs/ledger-drawdown.md,
 * sections 1 and 9): what every draw-down figure is computed from. The store sums whole calendar
 * months (contract years start on a month, so nothing finer is needed) cut at the as-of day; tests
 * may sum single days. Sums are in one currency, {@code currency}.
 *
 * @param from the first day of the summed period (UTC, of {@code ChargePeriodStart})
 * @param providerName FOCUS {@code ProviderName} as billed
 * @param gpuHours {@code ConsumedQuantity} of the rows whose unit is GPU hours
 * @param firstStart earliest {@code ChargePeriodStart} of the rows (UTC)
 * @param lastEnd latest {@code ChargePeriodEnd} of the rows (UTC)
 * @param currency {@code BillingCurrency}
 * @param region {@code RegionId}
 * @param accelerator {@code x_AcceleratorType} of {@code SkuPriceDetails}
 * @param applied the ids the rows' FOCUS 1.3 {@code ContractApplied} elements name (empty without)
 * @param consumedUnit {@code ConsumedUnit}
 * @param pricingCategory {@code PricingCategory}: {@code Standard} (on demand), {@code Dynamic}
 *     (spot), {@code Committed}, {@code Other}
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
    LocalDateTime lastEnd,
    @Nullable String billingAccountId,
    String currency,
    @Nullable String region,
    @Nullable String serviceCategory,
    @Nullable String accelerator,
    List<AppliedId> applied,
    @Nullable String consumedUnit,
    @Nullable String pricingCategory) {

  /** One element's ids in a {@code ContractApplied}: the contract and the commitment. */
  public record AppliedId(@Nullable String contractId, String commitmentId) {
    public AppliedId {
      Objects.requireNonNull(commitmentId, "commitmentId");
    }
  }

  public ChargeSum {
    Objects.requireNonNull(providerName, "providerName");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(chargeCategory, "chargeCategory");
    Objects.requireNonNull(billed, "billed");
    Objects.requireNonNull(effective, "effective");
    Objects.requireNonNull(gpuHours, "gpuHours");
    Objects.requireNonNull(firstStart, "firstStart");
    Objects.requireNonNull(lastEnd, "lastEnd");
    Objects.requireNonNull(currency, "currency");
    applied = List.copyOf(applied);
    if (rows < 0) throw new IllegalArgumentException("rows cannot be negative (got " + rows + ")");
  }

  /** Charges in US dollars that name no account, region, accelerator or contract commitment. */
  public ChargeSum(
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
    this(
        providerName,
        from,
        chargeCategory,
        commitmentDiscountId,
        commitmentDiscountStatus,
        billed,
        effective,
        gpuHours,
        rows,
        firstStart,
        lastEnd,
        null,
        "USD",
        null,
        null,
        null,
        List.of(),
        gpuHours.signum() != 0 ? "GPU Hours" : null,
        null);
  }

  /** Whether the rows were priced on demand or spot: not under a commitment. */
  public boolean isOnDemandOrSpot() {
    return pricingCategory != null
        && (pricingCategory.equalsIgnoreCase("Standard")
            || pricingCategory.equalsIgnoreCase("Dynamic"));
  }

  /** Whether the rows' consumed unit is GPU hours ({@code GPU Hours}, {@code GPU-Hours}, ...). */
  public boolean isGpuHours() {
    if (consumedUnit == null) return false;
    String u = consumedUnit.trim().toLowerCase(Locale.ROOT);
    return u.equals("gpu-hours")
        || u.equals("gpu hours")
        || u.equals("gpu-hour")
        || u.equals("gpu hour");
  }

  /** Whether the rows' service category is storage. */
  public boolean isStorage() {
    return serviceCategory != null && serviceCategory.equalsIgnoreCase("Storage");
  }

  /** Whether the rows are commitment-discount usage its commitment did not use (waste). */
  public boolean isUnused() {
    return hasStatus("Unused");
  }

  /** Whether the rows are at {@code regionName} on {@code acceleratorName} (any case). */
  public boolean isAt(String regionName, String acceleratorName) {
    return region != null
        && accelerator != null
        && region.toLowerCase(Locale.ROOT).equals(regionName.toLowerCase(Locale.ROOT))
        && accelerator.toLowerCase(Locale.ROOT).equals(acceleratorName.toLowerCase(Locale.ROOT));
  }

  /** Usage and purchases draw a committed-spend deal down; credits and adjustments do not. */
  public boolean drawsCommittedSpend() {
    return chargeCategory.equalsIgnoreCase("Usage") || chargeCategory.equalsIgnoreCase("Purchase");
  }

  public boolean isUsage() {
    return chargeCategory.equalsIgnoreCase("Usage");
  }

  public boolean isPurchase() {
    return chargeCategory.equalsIgnoreCase("Purchase");
  }

  public boolean hasStatus(String status) {
    return commitmentDiscountStatus != null && commitmentDiscountStatus.equalsIgnoreCase(status);
  }
}
