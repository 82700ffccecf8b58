package io.nuage.plan;

import static io.nuage.plan.TinyScenario.H100;
import static io.nuage.plan.TinyScenario.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.core.MonthRange;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 9: a next-best line for every run, and no "$0.01 shortfall" from cent rounding. */
class NextBestAndCentsTest {
  private static Plan plan(Scenario s) {
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults());
    return out instanceof PlanOutcome.Optimal o ? o.plan() : ((PlanOutcome.Feasible) out).plan();
  }

  @Test
  void nextBest_aRunWithOneRegionSaysNoAlternative() {
    Scenario s =
        new TinyScenario("2027-01", "2027-02")
            .region("a/r1", "US", H100, "2.00", 16)
            .training("only", 8, "100", "2027-01", "2027-02")
            .build();
    assertThat(plan(s).nextBest())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.workload()).isEqualTo("only");
              assertThat(n.placement()).isEqualTo(NextBest.NONE);
              assertThat(n.extraCost()).isNull();
              assertThat(n.standAloneCost()).isNull();
            });
    assertThat(PlanTable.render(Planner.plan(s, PlanOptions.defaults())))
        .contains("only: no alternative")
        .doesNotContain("$0.00 more");
  }

  @Test
  void nextBest_anEquallyCheapAlternativeIsATie_notZeroDollarsMore() {
    // two regions at the same price: moving the run costs nothing, which the table says in words
    // ("$0.00 more" read like the defect of a missing alternative)
    Scenario s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "2.00", 16)
            .region("b/r1", "US", H100, "2.00", 16)
            .training("twin", 8, "100", "2027-01", "2027-01")
            .build();
    Plan p = plan(s);
    assertThat(p.nextBest())
        .singleElement()
        .satisfies(n -> assertThat(n.extraCost()).isEqualByComparingTo("0"));
    assertThat(PlanTable.render(Planner.plan(s, PlanOptions.defaults())))
        .contains("twin: ")
        .contains("an alternative at the same cost (a tie)")
        .doesNotContain("$0.00 more");
  }

  @Test
  void neighbourhoodNote_saysNotStartedWhenNoMipRan() {
    String skipped =
        "3 options per run: not started, it would take about 31.8 s and 3.1 s are left";
    assertThat(RelaxAndRound.neighbourhoodNote(List.of(skipped), false, "nothing cheaper"))
        .isEqualTo(
            "MIPs over the rounded plan's neighbourhood: not started (3 options per run would take"
                + " about 31.8 s and 3.1 s are left)")
        .doesNotContain("found");
    assertThat(RelaxAndRound.neighbourhoodNote(List.of("solved"), true, "nothing cheaper"))
        .startsWith("MIPs over the rounded plan's neighbourhood found nothing cheaper");
  }

  @Test
  void nextBest_optionsPrunedFromAnotherRegionAreStillAnAlternative() {
    // Two start months in each region, a budget of two options: both kept options are in a/r1.
    // The run could still go to b/r1: "no alternative" would be false. The dropped option is not
    // in the LP, so its extra cost is unknown; its stand-alone cost is 8 x 100 h x $3.00.
    Scenario s =
        new TinyScenario("2027-01", "2027-02")
            .region("a/r1", "US", H100, "2.00", 16)
            .region("b/r1", "US", H100, "3.00", 16)
            .training("r1", 8, "100", "2027-01", "2027-02")
            .build();
    PlanOutcome out = Planner.plan(s, new PlanOptions(60, 1e-4, 2, 60_000));
    Plan plan =
        out instanceof PlanOutcome.Optimal o ? o.plan() : ((PlanOutcome.Feasible) out).plan();
    assertThat(plan.optionsPruned()).isTrue();
    assertThat(plan.nextBest())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.placement()).startsWith("b/r1 H100 from ");
              assertThat(n.extraCost()).isNull();
              assertThat(n.standAloneCost()).isEqualByComparingTo("2400.00");
            });
  }

  @Test
  void nextBest_everyRunHasOneAndTheDearerRegionCostsMore() {
    Scenario s =
        new TinyScenario("2027-01", "2027-02")
            .region("a/r1", "US", H100, "2.00", 16)
            .region("b/r1", "US", H100, "3.00", 16)
            .training("r1", 8, "100", "2027-01", "2027-02")
            .training("r2", 8, "100", "2027-01", "2027-02")
            .build();
    Plan plan = plan(s);
    assertThat(plan.nextBest()).extracting(NextBest::workload).containsExactly("r1", "r2");
    // 8 GPUs x 100 h x $1.00 more in b/r1
    assertThat(plan.nextBest())
        .allSatisfy(n -> assertThat(n.extraCost()).isEqualByComparingTo("800.00"));
  }

  @Test
  void shortfall_aRealShortfallOfAFewCentsIsPaidWhenNothingWasRounded() {
    // Twelve 1-GPU runs of 1 h at $1.00, one a month: $12.00 consumed, every cost exact (nothing
    // was rounded). The take-or-pay minimum is $12.05: $0.05 is owed. Half a cent per consuming
    // placement (six cents here) is no licence to drop it: the plan said $12.00, lower bound
    // $12.00, while the solver's own objective and the bill are $12.05.
    TinyScenario t =
        new TinyScenario("2027-01", "2027-12")
            .region("a/r1", "US", H100, "1.00", 10)
            .contract(
                new CommittedSpend(
                    "deal",
                    "a",
                    MonthRange.of("2027-01", "2027-12"),
                    List.of(d("12.05")),
                    d("0"),
                    true));
    for (int m = 1; m <= 12; m++) {
      String month = YearMonth.of(2027, m).toString();
      t.training("run" + m, 1, "1", month, month);
    }
    Plan plan = plan(t.build());
    assertThat(plan.contracts().get(0).shortfall()).isEqualByComparingTo("0.05");
    assertThat(plan.totalCost()).isEqualByComparingTo("12.05");
  }

  @Test
  void shortfall_withinTheCentRoundingOfItsPlacementsIsNone() {
    Scenario s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "2.00", 16)
            .contract(
                new CommittedSpend(
                    "deal",
                    "a",
                    MonthRange.of("2027-01", "2027-01"),
                    List.of(d("1000.00")),
                    d("0"),
                    true))
            .build();
    PlanData data = new PlanData(s, 1000);
    // GPU-hours at $2.00: 249.997 h cost 499.994, rounded 499.99, so 999.99 consumed is 999.994
    // before rounding, and the GPU-hours themselves were rounded to 1e-3: the minimum was met.
    assertThat(shortfall(data, "249.997", "250.000")).isEqualByComparingTo("0.00");
    assertThat(shortfall(data, "249.990", "250.000")).isEqualByComparingTo("0.02");
    assertThat(shortfall(data, "499.997")).isEqualByComparingTo("0.00");
    assertThat(shortfall(data, "499.990")).isEqualByComparingTo("0.02");
  }

  private static BigDecimal shortfall(PlanData data, String... gpuHours) {
    List<Placement> placements =
        java.util.Arrays.stream(gpuHours)
            .map(
                c ->
                    new Placement(
                        "f",
                        "inference",
                        "a",
                        "a/r1",
                        "H100",
                        YearMonth.of(2027, 1),
                        1,
                        d(c),
                        "committed",
                        "deal",
                        d("2.00"),
                        d(c).multiply(d("2.00")).setScale(2, java.math.RoundingMode.HALF_EVEN)))
            .toList();
    return PlanCosting.contracts(data, placements).get(0).shortfall();
  }
}
