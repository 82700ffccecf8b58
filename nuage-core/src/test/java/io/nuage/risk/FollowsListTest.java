package io.nuage.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.PlanOptions;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A committed-spend rate holds the list as signed unless the contract follows the list
 * (docs/risk.md section 1, docs/scenario.md): the two-point instance's deal (min $1,000,000 at 50%
 * off $2.00) serving its 1,200,000 written GPU-hours when the H100 list falls 30%.
 */
class FollowsListTest {
  static Scenario instance(boolean followsList) throws Exception {
    String text =
        Files.readString(
            Path.of(FollowsListTest.class.getResource("/risk/two-point-demand.yaml").toURI()));
    if (followsList)
      text = text.replace("take-or-pay: true", "take-or-pay: true\n    follows-list: true");
    return ScenarioParser.parse(text, "s.yaml", Path.of("."));
  }

  static BigDecimal underCheaperList(Scenario s) {
    WhatIf cheaper =
        new WhatIf(
            null, null, Map.of(), BigDecimal.ONE, Map.of("H100", new BigDecimal("0.7")), Set.of());
    return new WhatIfAnalysis(s, PlanOptions.defaults(), RecourseMethod.MIP)
        .serve(cheaper)
        .totalCost();
  }

  @Test
  void asSigned_theRateHolds_followingTheList_itFallsToTheMinimum() throws Exception {
    assertThat(
            instance(true)
                .contracts(io.nuage.contract.CommittedSpend.class)
                .getFirst()
                .followsList())
        .isTrue();
    // as signed: 1,200,000 x $2.00 x 0.5 = $1,200,000 whatever the list does
    assertThat(underCheaperList(instance(false))).isEqualByComparingTo("1200000.00");
    // following the list: 1,200,000 x $1.40 x 0.5 = $840,000 of usage, below the $1,000,000
    // minimum: the shortfall makes it $1,000,000
    assertThat(underCheaperList(instance(true))).isEqualByComparingTo("1000000.00");
  }
}
