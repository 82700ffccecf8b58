package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Spend with one provider in one calendar month (of {@code ChargePeriodStart}, UTC).
 *
 * @param provider the scenario provider id, or the normalised billing name when unknown
 * @param trueUp the part of {@code billed} that is take-or-pay true-ups (docs/ledger-drawdown.md,
 *     section 1): the shortfall a re-plan carries as its own cost, not spend it fixes
 */
public record MonthlySpend(
    String provider,
    YearMonth month,
    BigDecimal billed,
    BigDecimal effective,
    BigDecimal gpuHours,
    BigDecimal trueUp) {
  public MonthlySpend {
    Objects.requireNonNull(trueUp, "trueUp");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(billed, "billed");
    Objects.requireNonNull(effective, "effective");
    Objects.requireNonNull(gpuHours, "gpuHours");
  }

  /** Spend without a true-up. */
  public MonthlySpend(
      String provider,
      YearMonth month,
      BigDecimal billed,
      BigDecimal effective,
      BigDecimal gpuHours) {
    this(provider, month, billed, effective, gpuHours, BigDecimal.ZERO);
  }
}
