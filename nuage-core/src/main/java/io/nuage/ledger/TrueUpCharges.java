package io.nuage.ledger;

import java.util.List;

/**
 * The take-or-pay true-ups among the ledger's charges (docs/ledger-drawdown.md, section 1,
 * "Take-or-pay true-ups"): the same charges, and their ContractApplied amounts, as {@link
 * Charges#monthly} and {@link Charges#applied} already hold, recognised so that the draw-down can
 * count what they draw as the year's true-up instead of its consumption.
 */
public record TrueUpCharges(List<ChargeSum> charges, List<AppliedSum> applied) {
  /** No true-up. */
  public static final TrueUpCharges NONE = new TrueUpCharges(List.of(), List.of());

  public TrueUpCharges {
    charges = List.copyOf(charges);
    applied = List.copyOf(applied);
  }
}
