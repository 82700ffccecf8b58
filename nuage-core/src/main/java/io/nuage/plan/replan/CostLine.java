package io.nuage.plan.replan;

import java.math.BigDecimal;

/** One component of the total, previous plan against re-plan (docs/replan.md, "Cost"). */
public record CostLine(String component, BigDecimal previous, BigDecimal replan) {
  public BigDecimal change() {
    return replan.subtract(previous);
  }
}
