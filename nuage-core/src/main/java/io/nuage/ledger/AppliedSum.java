package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * FOCUS 1.3 {@code ContractApplied} amounts summed per provider, period, currency and element
 * (docs/ledger-drawdown.md, sections 1 and 9): what the {@code contract-applied} rule draws. An
 * element draws its contract exactly when its charge is taken by that rule (an element naming a
 * scenario contract in term is what takes a charge), so no more than the element is needed here.
 *
 * @param from the first day of the summed period (UTC, of the charges' {@code ChargePeriodStart})
 * @param element the element's ids
 * @param unit {@code ContractCommitmentAppliedUnit} of the element
 * @param cost {@code Σ ContractCommitmentAppliedCost}, in {@code currency}
 * @param quantity {@code Σ ContractCommitmentAppliedQuantity}, in {@code unit}
 * @param category the commitment's {@code ContractCommitmentCategory} ({@code Spend} or {@code
 *     Usage}) in the ledger's Contract Commitment dataset; null when the ledger does not hold it
 * @param charge the one charge these amounts are of, when its applied costs could pass its cost
 *     (section 1: such a charge is bounded by itself); null for a sum over charges none of which
 *     can pass its cost, whatever subset of its elements draws a contract
 */
public record AppliedSum(
    String providerName,
    LocalDate from,
    String currency,
    ChargeSum.AppliedId element,
    @Nullable String unit,
    BigDecimal cost,
    BigDecimal quantity,
    @Nullable String category,
    @Nullable Charge charge) {

  /**
   * A charge (one FOCUS row) whose applied costs could pass its cost: some of another sign than its
   * {@code EffectiveCost}, or adding up to more than it.
   *
   * @param ingestion the ingestion that added the row
   * @param number the row within its ingestion
   * @param cost its {@code EffectiveCost}, in the sum's currency
   */
  public record Charge(long ingestion, long number, BigDecimal cost) {
    public Charge {
      Objects.requireNonNull(cost, "cost");
    }
  }

  public AppliedSum {
    Objects.requireNonNull(providerName, "providerName");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(quantity, "quantity");
  }

  /**
   * Amounts of charges none of which can pass its cost, of a commitment the ledger may not hold.
   */
  public AppliedSum(
      String providerName,
      LocalDate from,
      String currency,
      ChargeSum.AppliedId element,
      @Nullable String unit,
      BigDecimal cost,
      BigDecimal quantity) {
    this(providerName, from, currency, element, unit, cost, quantity, null, null);
  }

  /** Whether the element applies a commitment measured in money (section 1). */
  public boolean appliesSpend() {
    if (category != null) return category.equalsIgnoreCase("Spend");
    // a commitment the ledger does not hold: the element says it; only a quantity alone is usage
    return !(cost.signum() == 0 && quantity.signum() != 0);
  }

  /** Whether the element applies a commitment measured in usage (section 1). */
  public boolean appliesUsage() {
    if (category != null) return category.equalsIgnoreCase("Usage");
    return quantity.signum() != 0;
  }

  /** Whether the element's quantity is in hours (GPU hours for a reservation). */
  public boolean inHours() {
    if (unit == null) return false;
    String u = unit.trim().toLowerCase(java.util.Locale.ROOT);
    return u.equals("hours")
        || u.equals("hour")
        || u.equals("gpu hours")
        || u.equals("gpu-hours")
        || u.equals("gpu hour")
        || u.equals("gpu-hour");
  }
}
