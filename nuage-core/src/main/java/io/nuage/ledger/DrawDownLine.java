package io.nuage.ledger;

import io.nuage.core.Checks;
import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.ledger.projection.ProjectionSource;
import io.nuage.ledger.projection.RunRateProjection;
import io.nuage.ledger.projection.YearStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A contract year's draw-down (docs/ledger-drawdown.md, sections 3 and 4). Sums are exact except
 * the run rate (10 decimals) and the projections (the measure's scale: cents, or 3 decimals of a
 * GPU-hour), both rounded half-even.
 *
 * @param committed the year's commitment: money, or GPU-hours for a reservation
 * @param consumed what was matched to the contract in the year before the as-of date, true-ups
 *     excepted
 * @param runRatePerDay consumption per elapsed day (0 before the year starts)
 * @param projected consumption at the year's end: actuals plus the plan's rest of the year, or at
 *     the run rate; null for a year not started without a plan
 * @param projectedShortfall {@code max(0, committed - projected)}; null for a year not started (it
 *     owes nothing yet)
 * @param projectionSource where {@code projected} comes from; null when there is none
 * @param runRate the year in progress at its run rate ("if spending stays at today's rate"), also
 *     when a plan gives the projection; null for a year not started or closed
 * @param billedUntil for a year in progress whose matched charges reach past the as-of date (a
 *     monthly charge that starts before it), the day they reach (exclusive): its actuals cover the
 *     year up to there, so its run rate and the plan's rest start there; null otherwise
 * @param trueUp what the year's take-or-pay true-ups drew: the shortfall billed, never consumption
 * @param settlement how a closed committed-spend year settled; null otherwise
 * @param trueUpDifference {@code trueUp − shortfall} to the cent, with {@code settlement}
 */
public record DrawDownLine(
    ContractYear period,
    BigDecimal committed,
    BigDecimal consumed,
    BigDecimal remaining,
    long elapsedDays,
    BigDecimal runRatePerDay,
    @Nullable BigDecimal projected,
    @Nullable BigDecimal projectedShortfall,
    YearStatus status,
    @Nullable ProjectionSource projectionSource,
    @Nullable RunRateProjection runRate,
    @Nullable LocalDate billedUntil,
    BigDecimal trueUp,
    @Nullable Settlement settlement,
    @Nullable BigDecimal trueUpDifference) {
  static final int RATE_SCALE = 10;

  public DrawDownLine {
    Objects.requireNonNull(period, "period");
    Checks.nonNegative(committed, "committed");
    Objects.requireNonNull(consumed, "consumed");
    Checks.nonNegative(remaining, "remaining");
    if (projectedShortfall != null) Checks.nonNegative(projectedShortfall, "projectedShortfall");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(trueUp, "trueUp");
    if ((settlement == null) != (trueUpDifference == null))
      throw new IllegalArgumentException("settlement and trueUpDifference go together");
  }

  /** Projects a year from what was consumed before {@code asOf}, the charges ending by then. */
  public static DrawDownLine project(
      ContractYear year,
      BigDecimal committed,
      BigDecimal consumed,
      LocalDate asOf,
      @Nullable PlannedConsumption plan,
      int scale) {
    return project(year, committed, consumed, asOf, asOf, plan, scale);
  }

  /**
   * Projects a year from what was consumed in the charges that start before {@code asOf}.
   *
   * @param billedUntil the day (exclusive) the year's matched charges reach: {@code asOf}, or later
   *     when a charge that starts before {@code asOf} ends after it (docs/ledger-drawdown.md,
   *     section 4); the actuals cover the year up to there
   * @param plan the plan's consumption, or null to project at the run rate (as for a year the plan
   *     does not reach to its end)
   * @param scale decimals the projection is rounded to: 2 for money, 3 for GPU-hours
   */
  public static DrawDownLine project(
      ContractYear year,
      BigDecimal committed,
      BigDecimal consumed,
      LocalDate asOf,
      LocalDate billedUntil,
      @Nullable PlannedConsumption plan,
      int scale) {
    return project(
        year, committed, consumed, BigDecimal.ZERO, false, asOf, billedUntil, plan, scale);
  }

  /**
   * As above, with the true-ups billed in the year ({@code trueUp}, not part of {@code consumed});
   * {@code settles} when a true-up is what pays the year's shortfall (committed spend; a
   * reservation's or a storage commitment's fee is billed whatever its use): a closed year then
   * says how it settled.
   */
  public static DrawDownLine project(
      ContractYear year,
      BigDecimal committed,
      BigDecimal consumed,
      BigDecimal trueUp,
      boolean settles,
      LocalDate asOf,
      LocalDate billedUntil,
      @Nullable PlannedConsumption plan,
      int scale) {
    YearStatus status = YearStatus.of(year, asOf);
    // a plan that ends before the year does projects nothing of it
    if (plan != null && !plan.reaches(year.to())) plan = null;
    LocalDate covered = billedUntil.isAfter(asOf) ? billedUntil : asOf;
    if (covered.isAfter(year.to())) covered = year.to();
    LocalDate reached = status == YearStatus.IN_PROGRESS && covered.isAfter(asOf) ? covered : null;
    long elapsed = year.elapsedDays(covered);
    BigDecimal rate =
        elapsed > 0
            ? consumed.divide(BigDecimal.valueOf(elapsed), RATE_SCALE, RoundingMode.HALF_EVEN)
            : BigDecimal.ZERO;
    BigDecimal remaining = committed.subtract(consumed).max(BigDecimal.ZERO);
    RunRateProjection runRate = null;
    if (status == YearStatus.IN_PROGRESS) {
      BigDecimal p =
          consumed
              .add(rate.multiply(BigDecimal.valueOf(year.days() - elapsed)))
              .setScale(scale, RoundingMode.HALF_EVEN);
      runRate = new RunRateProjection(rate, p, shortfall(committed, p));
    }
    BigDecimal projected;
    BigDecimal shortfall;
    ProjectionSource source;
    switch (status) {
      case CLOSED -> {
        projected = consumed.setScale(scale, RoundingMode.HALF_EVEN);
        shortfall = remaining;
        source = new ProjectionSource.Actual();
      }
      case IN_PROGRESS -> {
        if (plan != null) {
          projected =
              consumed
                  .add(plan.between(year.contract(), covered, year.to()))
                  .setScale(scale, RoundingMode.HALF_EVEN);
          shortfall = shortfall(committed, projected);
          source = plan.source();
        } else {
          projected = runRate.projected();
          shortfall = runRate.projectedShortfall();
          source = new ProjectionSource.RunRate();
        }
      }
      default -> {
        projected =
            plan == null
                ? null
                : plan.between(year.contract(), year.from(), year.to())
                    .setScale(scale, RoundingMode.HALF_EVEN);
        shortfall = null;
        source = plan == null ? null : plan.source();
      }
    }
    Settlement settlement =
        settles && status == YearStatus.CLOSED ? Settlement.of(shortfall, trueUp) : null;
    return new DrawDownLine(
        year,
        committed,
        consumed,
        remaining,
        elapsed,
        rate,
        projected,
        shortfall,
        status,
        source,
        runRate,
        reached,
        trueUp,
        settlement,
        settlement == null ? null : Settlement.difference(shortfall, trueUp));
  }

  private static BigDecimal shortfall(BigDecimal committed, BigDecimal projected) {
    return committed.subtract(projected).max(BigDecimal.ZERO);
  }
}
