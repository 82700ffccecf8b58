package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DrawDownLineTest {
  private static final ContractYear Y2027 =
      new ContractYear("deal", 1, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-01-01"));

  @Test
  void project_partYearExtrapolatesTheRunRate() {
    // 73 days elapsed (31 + 28 + 14), 146.00 consumed: 2.00 a day; 292 days left -> 146 + 584.
    DrawDownLine line =
        DrawDownLine.project(
            Y2027,
            new BigDecimal("1000.00"),
            new BigDecimal("146.00"),
            LocalDate.parse("2027-03-15"),
            BigDecimal.ZERO);

    assertThat(line.elapsedDays()).isEqualTo(73);
    assertThat(line.runRatePerDay()).isEqualByComparingTo("2");
    assertThat(line.projected()).isEqualTo(new BigDecimal("730.00"));
    assertThat(line.remaining()).isEqualByComparingTo("854.00");
    assertThat(line.projectedShortfall()).isEqualByComparingTo("270.00");
  }

  @Test
  void project_yearNotStartedUsesTheCarriedRate() {
    DrawDownLine line =
        DrawDownLine.project(
            Y2027,
            new BigDecimal("1000"),
            BigDecimal.ZERO,
            LocalDate.parse("2026-06-01"),
            new BigDecimal("2"));

    assertThat(line.elapsedDays()).isZero();
    assertThat(line.projected()).isEqualTo(new BigDecimal("730.00"));
    assertThat(line.projectedShortfall()).isEqualByComparingTo("270");
  }

  @Test
  void project_finishedYearAboveItsMinimumHasNoShortfall() {
    DrawDownLine line =
        DrawDownLine.project(
            Y2027,
            new BigDecimal("1000"),
            new BigDecimal("1200.004"),
            LocalDate.parse("2029-01-01"),
            BigDecimal.ZERO);

    assertThat(line.elapsedDays()).isEqualTo(365);
    assertThat(line.projected()).isEqualTo(new BigDecimal("1200.00"));
    assertThat(line.remaining()).isEqualByComparingTo("0");
    assertThat(line.projectedShortfall()).isEqualByComparingTo("0");
  }

  @Test
  void project_runRateIsRoundedToTenDecimals() {
    // 100 / 3 days = 33.3333333333; 362 days more -> 100 + 12066.6666666546 = 12166.67
    DrawDownLine line =
        DrawDownLine.project(
            Y2027,
            new BigDecimal("20000"),
            new BigDecimal("100"),
            LocalDate.parse("2027-01-04"),
            BigDecimal.ZERO);

    assertThat(line.runRatePerDay()).isEqualTo(new BigDecimal("33.3333333333"));
    assertThat(line.projected()).isEqualTo(new BigDecimal("12166.67"));
    assertThat(line.projectedShortfall()).isEqualByComparingTo("7833.33");
  }
}
