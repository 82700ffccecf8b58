package io.nuage.plan;

import java.math.BigDecimal;

/** The five parts of a plan's total cost, exact to the cent. */
public record CostBreakdown(
    BigDecimal usage,
    BigDecimal reserved,
    BigDecimal shortfall,
    BigDecimal egress,
    BigDecimal storage) {
  public BigDecimal total() {
    return usage.add(reserved).add(shortfall).add(egress).add(storage);
  }

  /** The part no decision changes, kept out of the solver's objective. */
  public BigDecimal fixed() {
    return reserved.add(storage);
  }
}
