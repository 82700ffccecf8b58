package io.nuage.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a plan bills one provider in one month, by part (docs/ledger-drawdown.md, section 8), so a
 * reader of a variance sees which part of the plan it is measured against.
 *
 * @param usage committed and on-demand GPU usage: {@code Σ placements[].cost} (reserved ones cost
 *     0)
 * @param reservedFees the reservations' fees: GPUs × hours × price per GPU-hour
 * @param storage storage commitments' fees and storage above them
 * @param egress data moved out of its home provider
 * @param trueUp a take-or-pay contract year's shortfall, billed in the month the year ends
 */
public record PlannedParts(
    BigDecimal usage,
    BigDecimal reservedFees,
    BigDecimal storage,
    BigDecimal egress,
    BigDecimal trueUp) {
  public static final PlannedParts ZERO =
      new PlannedParts(
          BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  public PlannedParts {
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(reservedFees, "reservedFees");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(egress, "egress");
    Objects.requireNonNull(trueUp, "trueUp");
  }

  /** Usage alone: a plan read as its placements. */
  public static PlannedParts usage(BigDecimal usage) {
    return new PlannedParts(
        usage, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /** The whole: what the plan bills. */
  public BigDecimal total() {
    return usage.add(reservedFees).add(storage).add(egress).add(trueUp);
  }

  public PlannedParts plus(PlannedParts o) {
    return new PlannedParts(
        usage.add(o.usage),
        reservedFees.add(o.reservedFees),
        storage.add(o.storage),
        egress.add(o.egress),
        trueUp.add(o.trueUp));
  }
}
