package io.nuage.ledger.generate;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One element of a FOCUS 1.3 {@code ContractApplied}: what a row counts towards one contract
 * commitment, as a cost (in the row's currency) or a quantity in {@code unit}.
 */
public record AppliedElement(
    String contractId,
    String commitmentId,
    @Nullable BigDecimal cost,
    @Nullable BigDecimal quantity,
    @Nullable String unit) {
  public AppliedElement {
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(commitmentId, "commitmentId");
    if (cost == null && quantity == null)
      throw new IllegalArgumentException(
          commitmentId + ": an element applies a cost or a quantity");
    if ((quantity == null) != (unit == null))
      throw new IllegalArgumentException(commitmentId + ": a unit exactly when a quantity");
  }

  static AppliedElement cost(ContractNames names, String commitmentId, BigDecimal cost) {
    return new AppliedElement(names.contractId(), commitmentId, cost, null, null);
  }

  static AppliedElement hours(ContractNames names, String commitmentId, BigDecimal hours) {
    return new AppliedElement(names.contractId(), commitmentId, null, hours, "Hours");
  }
}
