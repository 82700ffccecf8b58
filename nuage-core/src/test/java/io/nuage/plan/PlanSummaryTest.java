package io.nuage.plan;

import static io.nuage.plan.TinyScenario.H100;
import static io.nuage.plan.TinyScenario.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.core.MonthRange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanSummaryTest {
  @Test
  void summary_tellsCostSavingsContractsSharesAndWhatWouldSaveMost() {
    // The committed-spend instance of ConstraintFamiliesTest: plan $1,900, baselines $2,800 and
    // $2,000.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "1.80", 10)
            .region("c/r1", "US", H100, "2.50", 10)
            .contract(
                new CommittedSpend(
                    "deal",
                    "c",
                    MonthRange.of("2027-01", "2027-01"),
                    List.of(d("1000")),
                    d("0.2"),
                    true))
            .fleet("f", "US", Set.of("a/r1", "c/r1"), "1000")
            .build();
    String text = PlanSummary.render(Planner.plan(s, PlanOptions.defaults()));
    assertThat(text)
        .startsWith("Plan for tiny: OPTIMAL\n")
        .contains("Total cost        $1,900.00")
        .contains("list-price         $2,800.00: this plan saves $900.00 (32.1%)")
        .contains("commitments-first  $2,000.00: this plan saves $100.00 (5.0%)")
        .contains(
            "deal             year 1  committed $1,000.00 consumed $1,000.00 (100%)  shortfall $0.00")
        .contains("2027: a 47.4% c 52.6%")
        // A $999 minimum moves 0.5 h from c ($2.00) to a ($1.80): $0.10 saved per dollar.
        .contains(
            "contract deal meets its year-1 minimum only just: each $1 less of that minimum would"
                + " save $0.10");
  }

  @Test
  void summary_ofAnInfeasibleScenarioListsTheReasons() {
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "EU", H100, "2.00", 1)
            .fleet("chat", "EU", Set.of("a/r1"), "1000")
            .build();
    assertThat(PlanSummary.render(Planner.plan(s, PlanOptions.defaults())))
        .startsWith("Plan for tiny: INFEASIBLE")
        .contains(
            "  - inference fleet chat needs 1,000 H100-equivalent GPU-hours in EU in 2027-01");
  }
}
