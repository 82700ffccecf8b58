package io.nuage.plan;

import java.math.BigDecimal;

/**
 * The parts of a plan's total cost, exact to the cent. {@code actual} is what was billed in the
 * fixed months of a re-plan (docs/planner.md, "The re-plan's total cost"); 0 for a plan from
 * scratch, whose other five parts cover the whole horizon.
 */
public record CostBreakdown(
    BigDecimal usage,
    BigDecimal reserved,
    BigDecimal shortfall,
    BigDecimal egress,
    BigDecimal storage,
    BigDecimal actual) {
  /** A plan from scratch: nothing billed yet. */
  public CostBreakdown(
      BigDecimal usage,
      BigDecimal reserved,
      BigDecimal shortfall,
      BigDecimal egress,
      BigDecimal storage) {
    this(usage, reserved, shortfall, egress, storage, new BigDecimal("0.00"));
  }

  public BigDecimal total() {
    return usage.add(reserved).add(shortfall).add(egress).add(storage).add(actual);
  }

  /** The part no decision changes, kept out of the solver's objective. */
  public BigDecimal fixed() {
    return reserved.add(storage).add(actual);
  }
}
