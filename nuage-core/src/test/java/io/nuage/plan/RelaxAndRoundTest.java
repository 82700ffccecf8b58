package io.nuage.plan;

import static io.nuage.plan.TinyScenario.A100;
import static io.nuage.plan.TinyScenario.H100;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The path for models too large for the MIP: LP relaxation bound, rounded gangs, LP fleets. */
class RelaxAndRoundTest {
  @Test
  void largeModelPath_givesAFeasiblePlanBetweenItsBoundAndTheBaselines() {
    // Three runs compete for two regions; the MIP optimum is the reference.
    var s =
        new TinyScenario("2027-01", "2027-04")
            .region("a/r1", "US", H100, "2.00", 16)
            .region("b/r1", "US", H100, "2.40", 16)
            .region("c/r1", "US", A100, "1.10", 32)
            .training("r1", 16, "900", "2027-01", "2027-03")
            .training("r2", 8, "1200", "2027-01", "2027-04")
            .training("r3", 16, "400", "2027-02", "2027-04")
            .fleet("f", "US", Set.of("a/r1", "b/r1", "c/r1"), "2000")
            .build();
    Plan mip = PlanAssertions.optimal(s);
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults().withLargeModelOptions(0));
    Plan rounded =
        out instanceof PlanOutcome.Optimal o ? o.plan() : ((PlanOutcome.Feasible) out).plan();
    assertThat(rounded.totalCost()).isGreaterThanOrEqualTo(mip.totalCost());
    assertThat(rounded.lowerBound()).isLessThanOrEqualTo(mip.totalCost());
    assertThat(rounded.source())
        .isIn("relaxation rounded", "baseline list-price", "baseline commitments-first");
    for (Baseline b : rounded.baselines()) {
      if (b.feasible()) assertThat(rounded.totalCost()).isLessThanOrEqualTo(b.totalCost());
    }
  }

  /**
   * The neighbourhood MIPs after the rounding (docs/planner.md, "Relax and round") on the seeded
   * random scenarios: every plan is verified (the planner refuses any other), no cheaper than the
   * MIP's optimum, its bound no higher, and most reach that optimum to the cent per placement,
   * which the rounding alone does not.
   */
  @Test
  void largeModelPath_theNeighbourhoodMipsReachTheMipOptimumOnSmallScenarios() {
    reachesTheMipOptimum(PlanOptions.defaults().withLargeModelOptions(0), 9);
  }

  /**
   * The same with the relaxation solved by column generation (docs/planner.md, "Column
   * generation"), which the default options keep for models above 150,000 gang options: its bound
   * is never above the optimum, and its plans are as good.
   */
  @Test
  void columnGeneration_boundsAndPlansLikeTheWholeRelaxation() {
    reachesTheMipOptimum(
        PlanOptions.defaults().withLargeModelOptions(0).withColumnGenerationAbove(0), 8);
  }

  /**
   * Converged column generation has the whole relaxation's optimum as its bound (to a cent per run,
   * the reduced cost it stops pricing at).
   */
  @Test
  void columnGeneration_convergesToTheWholeRelaxationsBound() {
    int compared = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Scenario s = RandomScenariosTest.scenario(new Random(seed));
      if (!s.contracts(io.nuage.contract.RightOfFirstRefusal.class).isEmpty()) continue;
      PlanData data = new PlanData(s, PlanOptions.defaults().maxGangOptions());
      if (!FeasibilityPrecheck.check(data).isEmpty()) continue; // never solved
      double whole = RelaxAndRound.relaxation(data, new Deadline(60), null, Integer.MAX_VALUE);
      double columns = RelaxAndRound.relaxation(data, new Deadline(60), null, 0);
      if (Double.isNaN(whole)) {
        assertThat(columns).as("seed %d", seed).isNaN();
        continue;
      }
      assertThat(columns)
          .as("seed %d", seed)
          .isLessThanOrEqualTo(whole + 1e-6 * Math.abs(whole))
          .isGreaterThanOrEqualTo(whole - 0.01 * data.runs.size() - 1e-6 * Math.abs(whole));
      compared++;
    }
    assertThat(compared).isGreaterThan(20);
  }

  /**
   * Diving (docs/planner.md, "Column generation"): where the relaxation leaves runs fractional,
   * they are fixed in halves with the restricted LP re-solved after each; the rounded plan (no
   * neighbourhood MIP after it) is verified against every row of its model and never cheaper than
   * the MIP's optimum, and the dive's LP never below the relaxation's.
   */
  @Test
  void columnGeneration_divesOnFractionalRunsToAVerifiedPlan() {
    int dove = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Scenario s = RandomScenariosTest.scenario(new Random(seed));
      if (!s.contracts(io.nuage.contract.RightOfFirstRefusal.class).isEmpty()) continue;
      PlanOutcome exact = Planner.plan(s, PlanOptions.defaults());
      if (exact instanceof PlanOutcome.Infeasible) continue;
      Plan mip = plan(exact);
      PlanData data = new PlanData(s, PlanOptions.defaults().maxGangOptions());
      List<String> notes = new ArrayList<>();
      RelaxAndRound.Result r = RelaxAndRound.solve(data, new Deadline(60), notes, 0, false);
      String dive = notes.stream().filter(n -> n.startsWith("diving: ")).findFirst().orElse("");
      if (dive.isEmpty()
          || dive.startsWith("diving: 0 of")
          || dive.startsWith("diving: not started")
          || r.assignment() == null) continue;
      dove++;
      BigDecimal total = PlanCosting.price(data, r.assignment()).total();
      BigDecimal cents =
          new BigDecimal("0.01").multiply(BigDecimal.valueOf(mip.placements().size() + 1L));
      assertThat(total).as("seed %d", seed).isGreaterThanOrEqualTo(mip.totalCost().subtract(cents));
    }
    assertThat(dove).as("scenarios where the dive fixed a fractional run").isGreaterThan(0);
  }

  private static void reachesTheMipOptimum(PlanOptions options, int tenths) {
    int planned = 0;
    int optimal = 0;
    int improved = 0;
    List<String> missed = new ArrayList<>();
    for (long seed = 1; seed <= 60; seed++) {
      Scenario s = RandomScenariosTest.scenario(new Random(seed));
      PlanOutcome exact = Planner.plan(s, PlanOptions.defaults());
      if (exact instanceof PlanOutcome.Infeasible) continue;
      Plan mip = plan(exact);
      Plan large = plan(Planner.plan(s, options));
      planned++;
      BigDecimal cents =
          new BigDecimal("0.01").multiply(BigDecimal.valueOf(large.placements().size() + 1L));
      assertThat(large.totalCost())
          .as("seed " + seed)
          .isGreaterThanOrEqualTo(mip.totalCost().subtract(cents));
      assertThat(large.lowerBound()).as("seed " + seed).isLessThanOrEqualTo(mip.totalCost());
      if (large.solverNotes().stream().anyMatch(n -> n.contains("neighbourhood"))) improved++;
      if (large.totalCost().subtract(mip.totalCost()).compareTo(cents) <= 0) optimal++;
      else missed.add("seed " + seed + ": " + large.totalCost() + " vs " + mip.totalCost());
    }
    assertThat(planned).isGreaterThan(30);
    assertThat(improved).as("neighbourhood MIPs ran").isGreaterThan(0);
    assertThat(optimal).as(String.join("\n", missed)).isGreaterThanOrEqualTo(planned * tenths / 10);
  }

  private static Plan plan(PlanOutcome out) {
    return out instanceof PlanOutcome.Optimal o ? o.plan() : ((PlanOutcome.Feasible) out).plan();
  }
}
