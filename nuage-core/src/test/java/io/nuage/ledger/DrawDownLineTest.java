package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.ledger.projection.ProjectionSource;
import io.nuage.ledger.projection.YearStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A contract year's figures and projections (docs/ledger-drawdown.md, sections 3 and 4). */
class DrawDownLineTest {
  private static final ContractYear Y2027 =
      new ContractYear("deal", 1, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-01-01"));

  /** A plan consuming {@code perDay} every day of 2027: each month its days times it. */
  private static PlannedConsumption plan(String perDay) {
    Map<YearMonth, BigDecimal> months = new HashMap<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth ym = YearMonth.of(2027, m);
      months.put(ym, new BigDecimal(perDay).multiply(BigDecimal.valueOf(ym.lengthOfMonth())));
    }
    return new PlannedConsumption(
        new ProjectionSource.Plan("plan.json"),
        Map.of("deal", months),
        YearMonth.of(2027, 12),
        null);
  }

  private static DrawDownLine line(
      String committed, String consumed, String asOf, PlannedConsumption plan) {
    return DrawDownLine.project(
        Y2027, new BigDecimal(committed), new BigDecimal(consumed), LocalDate.parse(asOf), plan, 2);
  }

  @Test
  void project_partYearExtrapolatesTheRunRate() {
    // 73 days elapsed (31 + 28 + 14), 146.00 consumed: 2.00 a day; 292 days left -> 146 + 584.
    DrawDownLine line = line("1000.00", "146.00", "2027-03-15", null);

    assertThat(line.status()).isEqualTo(YearStatus.IN_PROGRESS);
    assertThat(line.elapsedDays()).isEqualTo(73);
    assertThat(line.runRatePerDay()).isEqualByComparingTo("2");
    assertThat(line.projected()).isEqualTo(new BigDecimal("730.00"));
    assertThat(line.remaining()).isEqualByComparingTo("854.00");
    assertThat(line.projectedShortfall()).isEqualByComparingTo("270.00");
    assertThat(line.projectionSource()).isEqualTo(new ProjectionSource.RunRate());
    assertThat(line.runRate().projected()).isEqualTo(line.projected());
  }

  @Test
  void project_withAPlanIsActualsPlusThePlanForTheRestOfTheYear() {
    // the docs' example: 3.00 a day planned; the rest is 2027-03-15 .. 2027-12-31: 17 days of
    // March (93.00 x 17 / 31 = 51.00) and April to December (275 days x 3 = 825.00): 876.00
    DrawDownLine line = line("1000.00", "146.00", "2027-03-15", plan("3.00"));

    BigDecimal rest = new BigDecimal("3.00").multiply(BigDecimal.valueOf(365 - 73));
    assertThat(rest).isEqualByComparingTo("876.00");
    assertThat(line.projected()).isEqualTo(new BigDecimal("146.00").add(rest));
    assertThat(line.projectedShortfall()).isEqualByComparingTo("0");
    assertThat(line.projectionSource()).isEqualTo(new ProjectionSource.Plan("plan.json"));
    // the run rate is still given beside it
    assertThat(line.runRate().projected()).isEqualTo(new BigDecimal("730.00"));
    assertThat(line.runRate().projectedShortfall()).isEqualByComparingTo("270.00");
  }

  @Test
  void project_yearNotStartedHasNoShortfallAndNoRunRateProjection() {
    DrawDownLine line = line("1000", "0", "2026-06-01", null);

    assertThat(line.status()).isEqualTo(YearStatus.NOT_STARTED);
    assertThat(line.elapsedDays()).isZero();
    assertThat(line.projected()).isNull();
    assertThat(line.projectedShortfall()).isNull();
    assertThat(line.projectionSource()).isNull();
    assertThat(line.runRate()).isNull();
    assertThat(line.remaining()).isEqualByComparingTo("1000");
  }

  @Test
  void project_yearNotStartedWithAPlanIsThePlansWholeYear() {
    DrawDownLine line = line("1000", "0", "2026-06-01", plan("2.00"));

    assertThat(line.projected()).isEqualTo(new BigDecimal("730.00")); // 365 x 2.00
    assertThat(line.projectedShortfall()).isNull(); // not owed before the year starts
    assertThat(line.projectionSource()).isEqualTo(new ProjectionSource.Plan("plan.json"));
  }

  @Test
  void project_aPlanEndingBeforeTheYearDoesIsNotUsed() {
    var shortPlan =
        new PlannedConsumption(
            new ProjectionSource.Plan("short.json"),
            plan("3.00").byContract(),
            YearMonth.of(2027, 11),
            null);

    DrawDownLine inProgress = line("1000.00", "146.00", "2027-03-15", shortPlan);
    DrawDownLine notStarted = line("1000.00", "0", "2026-03-15", shortPlan);

    assertThat(inProgress.projectionSource()).isEqualTo(new ProjectionSource.RunRate());
    assertThat(inProgress.projected()).isEqualTo(new BigDecimal("730.00"));
    assertThat(notStarted.projected()).isNull();
  }

  @Test
  void project_finishedYearAboveItsMinimumHasNoShortfall() {
    DrawDownLine line = line("1000", "1200.004", "2029-01-01", plan("9"));

    assertThat(line.status()).isEqualTo(YearStatus.CLOSED);
    assertThat(line.elapsedDays()).isEqualTo(365);
    assertThat(line.projected()).isEqualTo(new BigDecimal("1200.00"));
    assertThat(line.remaining()).isEqualByComparingTo("0");
    assertThat(line.projectedShortfall()).isEqualByComparingTo("0");
    assertThat(line.projectionSource()).isEqualTo(new ProjectionSource.Actual());
  }

  @Test
  void project_closedYearBelowItsMinimumOwesTheRest() {
    DrawDownLine line = line("1000", "400.10", "2028-01-01", null);

    assertThat(line.status()).isEqualTo(YearStatus.CLOSED);
    assertThat(line.projectedShortfall()).isEqualByComparingTo("599.90");
    assertThat(line.runRate()).isNull();
  }

  @Test
  void project_runRateIsRoundedToTenDecimals() {
    // 100 / 3 days = 33.3333333333; 362 days more -> 100 + 12066.6666666546 = 12166.67
    DrawDownLine line = line("20000", "100", "2027-01-04", null);

    assertThat(line.runRatePerDay()).isEqualTo(new BigDecimal("33.3333333333"));
    assertThat(line.projected()).isEqualTo(new BigDecimal("12166.67"));
    assertThat(line.projectedShortfall()).isEqualByComparingTo("7833.33");
  }

  @Test
  void project_aMonthlyChargeReachingPastTheAsOfDate_isNotPlannedAgain() {
    // as of 2027-03-16 with March billed in one line (to 2027-04-01): 90 days of actuals, 146.00 +
    // March's 93.00; the plan's rest starts on 2027-04-01: 275 days x 3.00 = 825.00
    DrawDownLine monthly =
        DrawDownLine.project(
            Y2027,
            new BigDecimal("1000.00"),
            new BigDecimal("239.00"),
            LocalDate.parse("2027-03-16"),
            LocalDate.parse("2027-04-01"),
            plan("3.00"),
            2);

    assertThat(monthly.billedUntil()).isEqualTo(LocalDate.parse("2027-04-01"));
    assertThat(monthly.elapsedDays()).isEqualTo(90);
    assertThat(monthly.projected()).isEqualByComparingTo("1064.00");
    // at the run rate, 239.00 over 90 days, for 365 days
    assertThat(monthly.runRate().projected())
        .isEqualByComparingTo(
            new BigDecimal("239.00")
                .divide(new BigDecimal("90"), 10, java.math.RoundingMode.HALF_EVEN)
                .multiply(new BigDecimal("275"))
                .add(new BigDecimal("239.00"))
                .setScale(2, java.math.RoundingMode.HALF_EVEN));
    // charges that end by the as-of date: nothing reached past it
    DrawDownLine daily = line("1000.00", "146.00", "2027-03-16", plan("3.00"));
    assertThat(daily.billedUntil()).isNull();
    assertThat(daily.elapsedDays()).isEqualTo(74);
  }
}
