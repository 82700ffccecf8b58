package io.nuage.store.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/** Row count and the three cost sums, exact. */
public record Totals(
    long rows, BigDecimal billedCost, BigDecimal effectiveCost, BigDecimal listCost) {
  public static final Totals ZERO =
      new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  public Totals {
    if (rows < 0) throw new IllegalArgumentException("rows cannot be negative: " + rows);
    Objects.requireNonNull(billedCost, "billedCost");
    Objects.requireNonNull(effectiveCost, "effectiveCost");
    Objects.requireNonNull(listCost, "listCost");
  }

  /** Equal as numbers (scale ignored): {@code 1.50} equals {@code 1.5}. */
  public boolean sameAs(Totals other) {
    return rows == other.rows
        && billedCost.compareTo(other.billedCost) == 0
        && effectiveCost.compareTo(other.effectiveCost) == 0
        && listCost.compareTo(other.listCost) == 0;
  }

  public Totals plus(Totals other) {
    return new Totals(
        rows + other.rows,
        billedCost.add(other.billedCost),
        effectiveCost.add(other.effectiveCost),
        listCost.add(other.listCost));
  }
}
