package io.nuage.plan;

import static io.nuage.plan.PlanAssertions.optimal;
import static io.nuage.plan.TinyScenario.A100;
import static io.nuage.plan.TinyScenario.H100;
import static io.nuage.plan.TinyScenario.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.RightOfFirstRefusal;
import io.nuage.contract.StorageCommitment;
import io.nuage.core.MonthRange;
import io.nuage.scenario.Policy;
import io.nuage.workload.StorageDemand;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each constraint family on an instance small enough to solve by hand (2027-01 has 744 hours). */
class ConstraintFamiliesTest {
  private static final Set<String> BOTH = Set.of("a/r1", "b/r1");

  @Test
  void capacity_fillsTheCheapRegionThenSpills() {
    // Demand 4,464 = 6 GPU-months. a: 4 GPUs at $2 -> 2,976 h = $5,952; b takes 1,488 h at $3 =
    // $4,464.
    // Optimum $10,416; one more GPU-month in a/r1 moves 744 h from $3 to $2: saves $744.00.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "2.00", 4)
            .region("b/r1", "US", H100, "3.00", 10)
            .fleet("f", "US", BOTH, "4464")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("10416.00");
    assertThat(plan.binding())
        .anySatisfy(
            b -> {
              assertThat(b.constraint()).isEqualTo("capacity[a/r1,H100,2027-01]");
              assertThat(b.shadowPrice()).isEqualByComparingTo("744.00");
              assertThat(b.explanation())
                  .isEqualTo("one more H100 GPU-month in a/r1 in 2027-01 would save $744.00");
            });
  }

  @Test
  void gangPlacement_needsAllGpusInOneRegionContiguouslyByTheDeadline() {
    // 8 GPUs x 1,000 h. a/r1 has only 6 GPUs (too small though cheaper); b/r1 has 8 at $3:
    // 744 h in 2027-01 and 256 h in 2027-02, $24,000. The A100 region (throughput 0.5, $1.20) needs
    // 2,000 h = 744 + 672 + 584 into 2027-03, past the 2027-02 deadline.
    var s =
        new TinyScenario("2027-01", "2027-03")
            .region("a/r1", "US", H100, "2.00", 6)
            .region("b/r1", "US", H100, "3.00", 8)
            .region("c/r1", "US", A100, "1.20", 8)
            .training("run", 8, "1000", "2027-01", "2027-02")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("24000.00");
    assertThat(plan.placements())
        .extracting(Placement::region, Placement::month, Placement::gpuHours)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b/r1", YearMonth.parse("2027-01"), d("5952.000")),
            org.assertj.core.groups.Tuple.tuple("b/r1", YearMonth.parse("2027-02"), d("2048.000")));
  }

  @Test
  void gangPlacement_hoursScaleWithThroughput() {
    // Deadline 2027-03: the A100 option fits: 8 x 2,000 h x $1.20 = $19,200 < $24,000 on H100.
    var s =
        new TinyScenario("2027-01", "2027-03")
            .region("b/r1", "US", H100, "3.00", 8)
            .region("c/r1", "US", A100, "1.20", 8)
            .training("run", 8, "1000", "2027-01", "2027-03")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("19200.00");
    assertThat(plan.placements()).allSatisfy(p -> assertThat(p.accelerator()).isEqualTo("A100"));
  }

  @Test
  void inferenceDemand_isInReferenceHoursSoSlowerGpusNeedMore() {
    // 744 reference h: on A100 (0.5) 1,488 h x $1.00 = $1,488; on H100 744 x $2.50 = $1,860.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", A100, "1.00", 10)
            .region("b/r1", "US", H100, "2.50", 10)
            .fleet("f", "US", BOTH, "744")
            .build();
    assertThat(optimal(s).totalCost()).isEqualByComparingTo("1488.00");
  }

  @Test
  void residency_keepsAFleetInItsGeography() {
    // The EU fleet may only use b/r1 at $2: 100 h = $200, although a/r1 (US) costs $1.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "1.00", 10)
            .region("b/r1", "EU", H100, "2.00", 10)
            .fleet("f", "EU", Set.of("b/r1"), "100")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("200.00");
    assertThat(plan.placements()).allSatisfy(p -> assertThat(p.region()).isEqualTo("b/r1"));
  }

  @Test
  void residency_policyAllowedRegionsBindTrainingRuns() {
    // Policy allows only b/r1 ($3): 8 x 100 h x $3 = $2,400 instead of $1,600 in a/r1.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "2.00", 8)
            .region("b/r1", "US", H100, "3.00", 8)
            .training("run", 8, "100", "2027-01", "2027-01")
            .policy(new Policy(BigDecimal.ONE, Map.of(), Set.of("b/r1")))
            .build();
    assertThat(optimal(s).totalCost()).isEqualByComparingTo("2400.00");
  }

  @Test
  void committedSpend_usageUpToTheMinimumIsFreeAtTheMargin() {
    // c: list $2.50 less 20% = $2.00, minimum $1,000; a: $1.80. Demand 1,000 h, z h at c:
    // cost = 1.8(1000-z) + 2z + max(0, 1000-2z): minimal at z = 500 -> $900 + $1,000 = $1,900.
    // list-price puts all at a: $1,800 + $1,000 shortfall = $2,800; commitments-first all at c:
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
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("1900.00");
    assertThat(plan.contracts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.consumed()).isEqualByComparingTo("1000.00");
              assertThat(c.shortfall()).isEqualByComparingTo("0");
            });
    assertThat(plan.baselines())
        .extracting(Baseline::totalCost)
        .containsExactly(d("2800.00"), d("2000.00"));
  }

  @Test
  void committedSpend_shortfallIsPaidWhenDemandIsTooSmall() {
    // Minimum $5,000, demand 1,000 h all at c ($2.00) -> consumed $2,000, shortfall $3,000: $5,000.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "1.80", 10)
            .region("c/r1", "US", H100, "2.50", 10)
            .contract(
                new CommittedSpend(
                    "deal",
                    "c",
                    MonthRange.of("2027-01", "2027-01"),
                    List.of(d("5000")),
                    d("0.2"),
                    true))
            .fleet("f", "US", Set.of("a/r1", "c/r1"), "1000")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("5000.00");
    assertThat(plan.costBreakdown().shortfall()).isEqualByComparingTo("3000.00");
  }

  @Test
  void spendShareLimits_capAProvidersShareOfTheYear() {
    // a $1, b $2, demand 1,000 h, cap 60%: x <= 0.6 (x + 2(1000-x)) -> x = 750: $750 + $500 =
    // $1,250.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "1.00", 100)
            .region("b/r1", "US", H100, "2.00", 100)
            .fleet("f", "US", BOTH, "1000")
            .policy(new Policy(d("0.6"), Map.of(), Set.of()))
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("1250.00");
    assertThat(plan.providers())
        .anySatisfy(
            p -> {
              assertThat(p.provider()).isEqualTo("a");
              assertThat(p.share()).isEqualByComparingTo("0.6000");
            });
    assertThat(plan.binding())
        .anySatisfy(b -> assertThat(b.constraint()).isEqualTo("share[a,2027]"));
  }

  @Test
  void rightOfFirstRefusal_holderWithinMarginIsFilledFirst() {
    // Holder h at $2.00 (2 GPUs) matches o at $1.95 within 5% ($2.0475). Demand 3,720 h:
    // h full with 1,488 h = $2,976, o takes 2,232 h x $1.95 = $4,352.40: $7,328.40 (not $7,254).
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("h/r1", "US", H100, "2.00", 2)
            .region("o/r1", "US", H100, "1.95", 100)
            .contract(
                new RightOfFirstRefusal(
                    "rofr", "h", MonthRange.of("2027-01", "2027-12"), d("0.05")))
            .fleet("f", "US", Set.of("h/r1", "o/r1"), "3720")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("7328.40");
    assertThat(plan.rightOfFirstRefusal())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo("holder-full");
              assertThat(r.region()).isEqualTo("o/r1");
            });
  }

  @Test
  void rightOfFirstRefusal_dearerHolderIsPassedOverAndReported() {
    // o at $1.50: holder's $2.00 is above $1.575, so all 3,720 h go to o: $5,580.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("h/r1", "US", H100, "2.00", 2)
            .region("o/r1", "US", H100, "1.50", 100)
            .contract(
                new RightOfFirstRefusal(
                    "rofr", "h", MonthRange.of("2027-01", "2027-12"), d("0.05")))
            .fleet("f", "US", Set.of("h/r1", "o/r1"), "3720")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("5580.00");
    assertThat(plan.rightOfFirstRefusal())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo("holder-dearer"));
  }

  @Test
  void rightOfFirstRefusal_doesNotApplyToAGangTheHolderCannotHost() {
    // Holder h has 10 GPUs at $2.00, o 100 at $1.95 (within 5%). A 50-GPU gang of 100 h cannot run
    // at h, so h does not offer it: o takes it at 50 x 100 x $1.95 = $9,750, nothing reported.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("h/r1", "US", H100, "2.00", 10)
            .region("o/r1", "US", H100, "1.95", 100)
            .contract(
                new RightOfFirstRefusal(
                    "rofr", "h", MonthRange.of("2027-01", "2027-12"), d("0.05")))
            .training("gang", 50, "100", "2027-01", "2027-01")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("9750.00");
    assertThat(plan.rightOfFirstRefusal()).isEmpty();
  }

  @Test
  void rightOfFirstRefusal_holderThatCanHostTheGangGetsItFirst() {
    // Now h has 60 GPUs: the gang must go to h unless h is full: 50 x 100 x $2.00 = $10,000.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("h/r1", "US", H100, "2.00", 60)
            .region("o/r1", "US", H100, "1.95", 100)
            .contract(
                new RightOfFirstRefusal(
                    "rofr", "h", MonthRange.of("2027-01", "2027-12"), d("0.05")))
            .training("gang", 50, "100", "2027-01", "2027-01")
            .build();
    assertThat(optimal(s).totalCost()).isEqualByComparingTo("10000.00");
  }

  @Test
  void rightOfFirstRefusal_holderWithTooFewGpusLeftForTheGangLetsItGo() {
    // h has 60 GPUs: the first 50-GPU gang of a whole month (744 h) fills 50 of them at $2.00 =
    // $74,400; the 10 GPUs left cannot take the second gang, so o gets it: 50 x 744 x $1.95 =
    // $72,540. Total $146,940, one pass-over reported as holder-full (before the fix: infeasible,
    // since h was not completely full).
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("h/r1", "US", H100, "2.00", 60)
            .region("o/r1", "US", H100, "1.95", 100)
            .contract(
                new RightOfFirstRefusal(
                    "rofr", "h", MonthRange.of("2027-01", "2027-12"), d("0.05")))
            .training("g1", 50, "744", "2027-01", "2027-01")
            .training("g2", 50, "744", "2027-01", "2027-01")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("146940.00");
    assertThat(plan.rightOfFirstRefusal())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo("holder-full");
              assertThat(r.region()).isEqualTo("o/r1");
            });
  }

  @Test
  void reservedCapacity_isPaidWhetherUsedOrNotAndUsedFirst() {
    // 4 reserved GPUs in a/r1 at $1/h: fee 4 x 744 = $2,976 (fixed). Schedule 4 -> no on-demand
    // there.
    // Demand 4,464 h: 2,976 h from the reservation, 1,488 h at b ($2) = $2,976. Total $5,952.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "3.00", 4)
            .region("b/r1", "US", H100, "2.00", 10)
            .contract(
                new ReservedCapacity(
                    "res", "a", "a/r1", "H100", 4, MonthRange.of("2027-01", "2027-12"), d("1.00")))
            .fleet("f", "US", BOTH, "4464")
            .build();
    Plan plan = optimal(s);
    assertThat(plan.totalCost()).isEqualByComparingTo("5952.00");
    assertThat(plan.fixedCost()).isEqualByComparingTo("2976.00");
    assertThat(plan.placements())
        .anySatisfy(
            p -> {
              assertThat(p.pricing()).isEqualTo("reserved");
              assertThat(p.gpuHours()).isEqualByComparingTo("2976");
            });
  }

  @Test
  void egress_movingTheDatasetCostsItsSize() {
    // Home a/r1 ($2.00); b/r1 $1.90. 8 x 100 h: at home $1,600; at b $1,520 + 10 TB x $100 =
    // $2,520.
    assertThat(optimal(egressScenario("10")).totalCost()).isEqualByComparingTo("1600.00");
    // With 0.5 TB the move pays: $1,520 + $50 = $1,570.
    Plan plan = optimal(egressScenario("0.5"));
    assertThat(plan.totalCost()).isEqualByComparingTo("1570.00");
    assertThat(plan.egress())
        .singleElement()
        .satisfies(e -> assertThat(e.cost()).isEqualByComparingTo("50.00"));
  }

  private static io.nuage.scenario.Scenario egressScenario(String tb) {
    return new TinyScenario("2027-01", "2027-01")
        .provider("a", "100")
        .region("a/r1", "US", H100, "2.00", 8)
        .region("b/r1", "US", H100, "1.90", 8)
        .workload(
            new TrainingRun(
                "run",
                8,
                d("100"),
                Set.of("H100"),
                YearMonth.parse("2027-01"),
                YearMonth.parse("2027-01"),
                d(tb),
                "a/r1"))
        .build();
  }

  @Test
  void storage_commitmentThenListPrice() {
    // 100 TB at a in 2027-01: 60 committed at $20 = $1,200 plus 40 at list $25 = $1,000.
    var s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "2.00", 8)
            .storagePrice("a", "25")
            .contract(
                new StorageCommitment(
                    "st", "a", MonthRange.of("2027-01", "2027-01"), d("60"), d("20")))
            .workload(new StorageDemand("data", "a", MonthRange.of("2027-01", "2027-01"), d("100")))
            .build();
    Plan plan = optimal(s);
    assertThat(plan.costBreakdown().storage()).isEqualByComparingTo("2200.00");
    assertThat(plan.totalCost()).isEqualByComparingTo("2200.00");
  }
}
