package io.nuage.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.core.MonthRange;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Concentration risk (docs/risk.md section 5.1) on whatif-two-clouds.yaml, whose figures are worked
 * out in its comment: losing a from 2028-01 costs $3,400,000.00 more, $1,000,000.00 of it a's
 * minimum paid for nothing; losing b, nothing.
 */
class ConcentrationTest {
  static Scenario twoClouds() throws Exception {
    return ScenarioParser.parse(
        Path.of(ConcentrationTest.class.getResource("/risk/whatif-two-clouds.yaml").toURI()));
  }

  @Test
  void middle_isTheFirstMonthOfThePlanYearHoldingMonthHalfOfM() {
    assertThat(Concentration.middle(MonthRange.of("2027-01", "2031-12")))
        .isEqualTo(YearMonth.of(2029, 1));
    assertThat(Concentration.middle(MonthRange.of("2027-01", "2028-12")))
        .isEqualTo(YearMonth.of(2028, 1));
    assertThat(Concentration.middle(MonthRange.of("2027-01", "2027-12")))
        .isEqualTo(YearMonth.of(2027, 1));
    // 42 months: month 21 lies in the plan year that starts at month 12
    assertThat(Concentration.middle(MonthRange.of("2026-11", "2030-04")))
        .isEqualTo(YearMonth.of(2027, 11));
  }

  @Test
  void eachProvider_isTheWhatIfWorkedOutByHand_whateverTheThreads() throws Exception {
    Scenario s = twoClouds();
    var analysis = new WhatIfAnalysis(s, PlanOptions.defaults(), RecourseMethod.MIP);
    List<String> seen = new ArrayList<>();
    Concentration.Report one = Concentration.of(analysis, s, 1, (p, i, n) -> seen.add(p));
    Concentration.Report two = Concentration.of(analysis, s, 2, Concentration.Progress.NONE);
    assertThat(seen).containsExactly("a", "b");
    assertThat(one.from()).isEqualTo(YearMonth.of(2028, 1));
    assertThat(one.base().totalCost()).isEqualByComparingTo("2401000.00");
    Concentration.Row a = one.rows().get(0);
    assertThat(a.provider()).isEqualTo("a");
    assertThat(a.extraCost()).isEqualByComparingTo("3400000.00");
    assertThat(a.shortfallChange()).isEqualByComparingTo("1000000.00");
    assertThat(a.unmetGpuHours()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(one.rows().get(1).extraCost()).isEqualByComparingTo("0.00");
    for (int i = 0; i < 2; i++) {
      Concentration.Row r = one.rows().get(i);
      assertThat(r.extraCost())
          .isEqualByComparingTo(r.whatIf().future().totalCost().subtract(one.base().totalCost()));
      assertThat(two.rows().get(i).extraCost()).isEqualByComparingTo(r.extraCost());
      assertThat(two.rows().get(i).shortfallChange()).isEqualByComparingTo(r.shortfallChange());
    }
    // the components of each row add up to its extra cost
    BigDecimal sum =
        a.whatIf().components().stream()
            .map(WhatIfResult.Component::delta)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).isEqualByComparingTo(a.extraCost());
  }
}
