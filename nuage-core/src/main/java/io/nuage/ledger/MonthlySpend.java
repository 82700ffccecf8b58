package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Spend with one provider in one calendar month (of {@code ChargePeriodStart}, UTC).
 *
 * @param provider the scenario provider id, or the normalised billing name when unknown
 */
public record MonthlySpend(
    String provider,
    YearMonth month,
    BigDecimal billed,
    BigDecimal effective,
    BigDecimal gpuHours) {
  public MonthlySpend {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(billed, "billed");
    Objects.requireNonNull(effective, "effective");
    Objects.requireNonNull(gpuHours, "gpuHours");
  }
}
