package io.nuage.plan;

import java.math.BigDecimal;

/**
 * A committed-spend contract year (0-based): minimum, consumption and shortfall. Of a re-plan,
 * {@code consumed} counts what was billed before the as-of date ({@code consumedToDate}) and what
 * the plan consumes after it; 0 to date for a plan from scratch.
 */
public record ContractYear(
    String contract,
    String provider,
    int year,
    BigDecimal committed,
    BigDecimal consumed,
    BigDecimal shortfall,
    boolean takeOrPay,
    BigDecimal consumedToDate) {
  /** A plan from scratch: nothing consumed before it. */
  public ContractYear(
      String contract,
      String provider,
      int year,
      BigDecimal committed,
      BigDecimal consumed,
      BigDecimal shortfall,
      boolean takeOrPay) {
    this(contract, provider, year, committed, consumed, shortfall, takeOrPay, BigDecimal.ZERO);
  }
}
