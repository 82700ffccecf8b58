package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.scenario.Scenario;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The time limit is one deadline for the whole plan: each solver call gets what is left of it
 * (docs/planner.md, "Time limit"). The clock is moved by hand, so nothing here depends on how fast
 * this machine is; the wall-clock effect is measured in docs/benchmarks.md.
 */
class DeadlineTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private void advance(double seconds) {
    now.addAndGet((long) (seconds * 1e9));
  }

  @Test
  void remaining_shrinksAsTimePassesAcrossCalls() {
    var deadline = new Deadline(6, now::get);
    assertThat(deadline.remainingSeconds()).isEqualTo(6.0);
    advance(1.5); // pre-checks and baselines
    assertThat(deadline.remainingMillis()).isEqualTo(4_500);
    advance(4); // the MIP
    assertThat(deadline.remainingSeconds()).isEqualTo(0.5);
    assertThat(deadline.passed()).isFalse();
  }

  @Test
  void remaining_neverDropsBelowTheFloorOnceTheDeadlineHasPassed() {
    var deadline = new Deadline(2, now::get);
    advance(3);
    assertThat(deadline.passed()).isTrue();
    assertThat(deadline.remainingSeconds()).isEqualTo(Deadline.FLOOR_SECONDS);
    assertThat(deadline.remainingMillis()).isEqualTo(500);
  }

  @Test
  void remainingLess_keepsAShareForTheNextPhases() {
    var deadline = new Deadline(10, now::get);
    assertThat(deadline.remainingMillisLess(0.15)).isEqualTo(8_500);
    advance(9.8);
    assertThat(deadline.remainingMillisLess(0.15)).isEqualTo(500); // never below the floor
  }

  @Test
  void plan_aPhaseCutByTheDeadlineIsNamedInTheSolverNotes() {
    Scenario s =
        new TinyScenario("2027-01", "2027-02")
            .region("a/r1", "US", TinyScenario.H100, "2.00", 16)
            .region("b/r1", "US", TinyScenario.H100, "3.00", 16)
            .training("r1", 8, "100", "2027-01", "2027-02")
            .build();
    // The deadline passes at the k-th reading of the clock (an hour on from then): early, the
    // MIP's build is cut and the baseline says so; later, the MIP solved and the duals are cut.
    // Every k: the phase cut is named, and a baseline is never reported without saying so.
    PlanOutcome out = null;
    for (int k = 2; k <= 60 && out == null; k++) {
      java.util.concurrent.atomic.AtomicInteger reads =
          new java.util.concurrent.atomic.AtomicInteger();
      int at = k;
      var deadline = new Deadline(30, () -> reads.incrementAndGet() < at ? 0L : 3_600_000_000_000L);
      PlanOutcome o = Planner.plan(s, PlanOptions.defaults(), deadline);
      Plan p =
          o instanceof PlanOutcome.Optimal opt ? opt.plan() : ((PlanOutcome.Feasible) o).plan();
      if (reads.get() < at) break; // the deadline never passed: nothing to cut
      assertThat(p.solverNotes())
          .as("k = %d", k)
          .anySatisfy(n -> assertThat(n).contains("time limit was reached"));
      if (p.source().startsWith("baseline")) {
        assertThat(p.solverNotes())
            .as("k = %d", k)
            .anySatisfy(n -> assertThat(n).startsWith("the plan is the baseline"));
      }
      if (p.source().equals("solver") && p.solverNotes().contains(Planner.DUALS_CUT)) out = o;
    }
    assertThat(out).as("a deadline passing between the MIP and the duals").isNotNull();
    Plan plan = ((PlanOutcome.Optimal) out).plan();
    assertThat(plan.solverNotes())
        .anySatisfy(n -> assertThat(n).contains("time limit was reached before that phase"));
    assertThat(plan.binding()).isEmpty();
    assertThat(PlanSummary.render(out))
        .contains("Solver notes\n  - shadow prices were not computed");
    assertThat(PlanTable.render(out))
        .containsPattern("r1: b/r1 H100 from \\S+: extra cost unknown");
    // Next best still names the alternative, its extra cost unknown rather than made up.
    assertThat(plan.nextBest())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.placement()).startsWith("b/r1 H100");
              assertThat(n.extraCost()).isNull();
            });
  }
}
