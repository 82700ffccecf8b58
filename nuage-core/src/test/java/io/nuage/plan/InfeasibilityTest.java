package io.nuage.plan;

import static io.nuage.plan.PlanAssertions.infeasible;
import static io.nuage.plan.TinyScenario.H100;
import static io.nuage.plan.TinyScenario.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.scenario.Policy;
import io.nuage.workload.TrainingRun;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every kind of infeasibility message, in the words a planner reads. */
class InfeasibilityTest {
  @Test
  void gangTooLarge_namesTheRunAndTheLargestRegion() {
    var s =
        new TinyScenario("2027-01", "2027-06")
            .region("a/r1", "US", H100, "2.00", 32000)
            .training("frontier-7", 50000, "1008", "2027-01", "2027-06")
            .build();
    assertThat(infeasible(s).reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo("gang-too-large");
              assertThat(r.message())
                  .isEqualTo(
                      "training run frontier-7 needs 50,000 H100-class GPUs for 6 weeks between"
                          + " 2027-01 and 2027-06; no single allowed region offers more than 32,000 (a/r1, H100) for that long in that window");
            });
  }

  @Test
  void windowTooShort_saysHowManyHoursAreMissing() {
    var s =
        new TinyScenario("2027-01", "2027-06")
            .region("a/r1", "US", H100, "2.00", 100)
            .training("long", 8, "2000", "2027-01", "2027-02")
            .build();
    assertThat(infeasible(s).reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo("window-too-short");
              assertThat(r.message())
                  .isEqualTo(
                      "training run long needs 2,000 hours on H100, its fastest accelerator, but only"
                          + " 1,416 hours lie between 2027-01 and 2027-02 inside the horizon");
            });
  }

  @Test
  void noAllowedRegion_forATrainingRun() {
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "2.00", 100)
            .workload(
                new TrainingRun(
                    "b200-run",
                    8,
                    d("10"),
                    Set.of("B200"),
                    YearMonth.parse("2027-01"),
                    YearMonth.parse("2027-01"),
                    d("0"),
                    "a/r1"))
            .build();
    assertThat(infeasible(s).reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo("no-allowed-region");
              assertThat(r.message())
                  .isEqualTo(
                      "training run b200-run can run on [B200] but no allowed region offers any of them");
            });
  }

  @Test
  void noAllowedRegion_forAFleet() {
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "2.00", 100)
            .fleet("eu-chat", "EU", Set.of("z/eu-9"), "10")
            .build();
    assertThat(infeasible(s).reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo("no-allowed-region");
              assertThat(r.message())
                  .isEqualTo(
                      "inference fleet eu-chat has demand in EU but none of its allowed regions"
                          + " [z/eu-9] offers a compatible accelerator");
            });
  }

  @Test
  void fleetDemandAboveCapacity_namesGeographyAndMonth() {
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "EU", H100, "2.00", 1)
            .fleet("chat", "EU", Set.of("a/r1"), "1000")
            .build();
    assertThat(infeasible(s).reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo("fleet-demand-exceeds-capacity");
              assertThat(r.message())
                  .isEqualTo(
                      "inference fleet chat needs 1,000 H100-equivalent GPU-hours in EU in 2027-01;"
                          + " its allowed regions deliver at most 744 that month");
            });
  }

  @Test
  void jointCapacity_twoGangsThatFitAloneButNotTogether() {
    // Each run needs all 8 GPUs for the whole of 2027-01, the only month allowed.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "2.00", 8)
            .training("r1", 8, "744", "2027-01", "2027-01")
            .training("r2", 8, "744", "2027-01", "2027-01")
            .build();
    assertThat(infeasible(s).reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo("joint-capacity");
              assertThat(r.message())
                  .isEqualTo(
                      "in 2027-01, training run r1, training run r2 together need 5,952 more H100"
                          + " GPU-hours (8 GPUs for the month) than a/r1 can deliver (8 GPUs), and no other allowed region has room");
            });
  }

  @Test
  void jointShare_capsThatCannotAllHold() {
    // Two providers each capped at 40% of spend: together at most 80%, so no plan can exist.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "1.00", 10)
            .region("b/r1", "US", H100, "1.00", 10)
            .fleet("f", "US", Set.of("a/r1", "b/r1"), "100")
            .policy(new Policy(d("0.4"), Map.of(), Set.of()))
            .build();
    assertThat(infeasible(s).reasons())
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo("joint-share");
              assertThat(r.message())
                  .containsPattern(
                      "^[ab]'s share of 2027 spend cannot stay at or under its cap of 40%"
                          + " \\(policy max-share\\): the capacity could carry every workload")
                  // the other provider at 40% leaves at least 60% to this one
                  .endsWith(
                      " in 2027 that allows a plan is 60% (to 0.01 point, other caps unchanged)");
            });
  }
}
