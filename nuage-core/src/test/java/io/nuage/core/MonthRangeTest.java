package io.nuage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthRangeTest {
  @Test
  void length_countsBothEnds() {
    assertThat(MonthRange.of("2027-01", "2031-12").length()).isEqualTo(60);
    assertThat(MonthRange.of("2027-03", "2027-03").length()).isEqualTo(1);
  }

  @Test
  void years_countFromTheStartAndClipTheLastYear() {
    MonthRange term = MonthRange.of("2027-04", "2029-06");
    assertThat(term.years()).isEqualTo(3);
    assertThat(term.yearOf(YearMonth.parse("2028-03"))).isEqualTo(0);
    assertThat(term.yearOf(YearMonth.parse("2028-04"))).isEqualTo(1);
    assertThat(term.year(2)).isEqualTo(MonthRange.of("2029-04", "2029-06"));
  }

  @Test
  void construction_rejectsAnEndBeforeTheStart() {
    assertThatThrownBy(() -> MonthRange.of("2028-01", "2027-12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2027-12")
        .hasMessageContaining("2028-01");
  }

  @Test
  void indexOf_rejectsMonthsOutside() {
    assertThatThrownBy(
            () -> MonthRange.of("2027-01", "2027-12").indexOf(YearMonth.parse("2028-01")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
