package io.nuage.ledger;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A contract year's draw-down (docs/ledger-drawdown.md, sections 3 and 4). Money is exact except
 * the run rate (10 decimals) and the projections (cents), both rounded half-even.
 *
 * @param runRatePerDay consumption per day over the elapsed part of the year (or carried from the
 *     latest started year when this one has not started)
 * @param projected consumption at the year's end if the run rate holds
 * @param projectedShortfall {@code max(0, committed - projected)}
 */
public record DrawDownLine(
    ContractYear period,
    BigDecimal committed,
    BigDecimal consumed,
    BigDecimal remaining,
    long elapsedDays,
    BigDecimal runRatePerDay,
    BigDecimal projected,
    BigDecimal projectedShortfall) {
  static final int RATE_SCALE = 10;

  public DrawDownLine {
    Objects.requireNonNull(period, "period");
    Checks.nonNegative(committed, "committed");
    Objects.requireNonNull(consumed, "consumed");
    Checks.nonNegative(remaining, "remaining");
    Checks.nonNegative(projectedShortfall, "projectedShortfall");
  }

  /**
   * Projects a year from what was consumed before {@code asOf}.
   *
   * @param carriedRate the run rate to use when the year has not started at {@code asOf}
   */
  public static DrawDownLine project(
      ContractYear year,
      BigDecimal committed,
      BigDecimal consumed,
      java.time.LocalDate asOf,
      BigDecimal carriedRate) {
    long elapsed = year.elapsedDays(asOf);
    BigDecimal rate =
        elapsed > 0
            ? consumed.divide(BigDecimal.valueOf(elapsed), RATE_SCALE, RoundingMode.HALF_EVEN)
            : carriedRate;
    BigDecimal projected =
        consumed
            .add(rate.multiply(BigDecimal.valueOf(year.days() - elapsed)))
            .setScale(2, RoundingMode.HALF_EVEN);
    return new DrawDownLine(
        year,
        committed,
        consumed,
        committed.subtract(consumed).max(BigDecimal.ZERO),
        elapsed,
        rate,
        projected,
        committed.subtract(projected).max(BigDecimal.ZERO));
  }
}
