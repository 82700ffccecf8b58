package io.nuage.ledger.generate;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of the FOCUS 1.3 Contract Commitment dataset (its 13 columns): a commitment of a
 * contract, with its period (start inclusive, end exclusive, UTC).
 */
public record CommitmentRow(
    @Nullable String billingCurrency,
    String category,
    @Nullable BigDecimal cost,
    String description,
    String commitmentId,
    LocalDateTime periodEnd,
    LocalDateTime periodStart,
    @Nullable BigDecimal quantity,
    String type,
    @Nullable String unit,
    String contractId,
    LocalDateTime contractPeriodEnd,
    LocalDateTime contractPeriodStart) {
  /** The 13 columns, in the order of the hand-made 1.3 example. */
  public static final java.util.List<String> COLUMNS =
      java.util.List.of(
          "BillingCurrency",
          "ContractCommitmentCategory",
          "ContractCommitmentCost",
          "ContractCommitmentDescription",
          "ContractCommitmentId",
          "ContractCommitmentPeriodEnd",
          "ContractCommitmentPeriodStart",
          "ContractCommitmentQuantity",
          "ContractCommitmentType",
          "ContractCommitmentUnit",
          "ContractId",
          "ContractPeriodEnd",
          "ContractPeriodStart");

  public CommitmentRow {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(commitmentId, "commitmentId");
    Objects.requireNonNull(contractId, "contractId");
    if ((quantity == null) != (unit == null))
      throw new IllegalArgumentException(commitmentId + ": a unit exactly when a quantity");
  }

  /** The values in {@link #COLUMNS} order (null where empty). */
  public java.util.List<@Nullable Object> values() {
    return java.util.Arrays.asList(
        billingCurrency,
        category,
        cost,
        description,
        commitmentId,
        periodEnd,
        periodStart,
        quantity,
        type,
        unit,
        contractId,
        contractPeriodEnd,
        contractPeriodStart);
  }
}
