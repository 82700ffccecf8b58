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
 */
public record AppliedSum(
    String providerName,
    LocalDate from,
    String currency,
    ChargeSum.AppliedId element,
    @Nullable String unit,
    BigDecimal cost,
    BigDecimal quantity) {
  public AppliedSum {
    Objects.requireNonNull(providerName, "providerName");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(quantity, "quantity");
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
