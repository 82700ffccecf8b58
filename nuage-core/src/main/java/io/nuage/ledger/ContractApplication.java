package io.nuage.ledger;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One element of a FOCUS 1.3 {@code ContractApplied}: how much of a charge counts towards one
 * contract commitment, by cost, by quantity, or both (COLUMNS-1.3.md, section 2.1).
 *
 * @param contractId the contract ({@code ContractId}); null when the element leaves it out
 * @param commitmentId the commitment ({@code ContractCommitmentId}), the join key to the Contract
 *     Commitment dataset
 * @param appliedCost {@code ContractCommitmentAppliedCost}, in the row's billing currency
 * @param appliedQuantity {@code ContractCommitmentAppliedQuantity}, in {@code appliedUnit}
 * @param appliedUnit {@code ContractCommitmentAppliedUnit}; set exactly when the quantity is
 */
public record ContractApplication(
    @Nullable String contractId,
    String commitmentId,
    @Nullable BigDecimal appliedCost,
    @Nullable BigDecimal appliedQuantity,
    @Nullable String appliedUnit) {
  public ContractApplication {
    Objects.requireNonNull(commitmentId, "ContractCommitmentId");
    if (commitmentId.isBlank())
      throw new IllegalArgumentException("ContractCommitmentId: expected a commitment id, got ''");
    if (appliedCost == null && appliedQuantity == null)
      throw new IllegalArgumentException(
          "ContractCommitmentAppliedCost and ContractCommitmentAppliedQuantity are both null"
              + " (expected at least one of them)");
    if ((appliedQuantity == null) != (appliedUnit == null))
      throw new IllegalArgumentException(
          "ContractCommitmentAppliedUnit must be set exactly when"
              + " ContractCommitmentAppliedQuantity is (got quantity "
              + appliedQuantity
              + ", unit "
              + appliedUnit
              + ")");
  }
}
