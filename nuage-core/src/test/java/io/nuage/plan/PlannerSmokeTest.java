package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlannerSmokeTest {
  @Test
  void singleRun_costsGpusTimesHoursTimesPrice() {
    // 8 GPUs x 100 h x $2.00 = $1,600.00
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", TinyScenario.H100, "2.00", 10)
            .training("t1", 8, "100", "2027-01", "2027-01")
            .build();
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults());
    assertThat(out).isInstanceOf(PlanOutcome.Optimal.class);
    Plan plan = ((PlanOutcome.Optimal) out).plan();
    assertThat(plan.totalCost()).isEqualByComparingTo("1600.00");
    System.out.println(PlanJson.write(out));
  }
}
