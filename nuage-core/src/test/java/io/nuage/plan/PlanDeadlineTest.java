package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.verify.PlanVerifier;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.scenario.generate.GenerateSpec;
import io.nuage.scenario.generate.ScenarioGenerator;
import io.nuage.testing.SharedData;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, "the deadline holds": on the relax-and-round path the relaxation's model build gives up
 * when the deadline passes (it used to run to the end, 6.5-8.6 s at 1,000 runs under load, and GLOP
 * was then started with the 0.5 s floor after the deadline), the plan falls back to the best
 * verified baseline, and its solver notes name the phase that was cut (docs/planner.md, "Time
 * limit").
 */
class PlanDeadlineTest {
  private static Scenario generated(int runs, int fleets) {
    return ScenarioParser.parse(
        ScenarioGenerator.generate(new GenerateSpec(runs, fleets, 60, 1, 2), SharedData.root()),
        "generated.yaml",
        Path.of("."));
  }

  /**
   * A clock that stands still for its first {@code reads} readings and is then an hour on: the
   * deadline passes at a known reading, whatever this machine's speed. The Deadline reads it once
   * when made, the relaxation's build once when it starts and then every {@link
   * PlanModel#COLUMNS_PER_CHECK} columns: with 3 the deadline passes inside the build, 2,000
   * columns into a model of some 20,000.
   */
  private static Deadline passingAtReading(int reads) {
    AtomicInteger read = new AtomicInteger();
    return new Deadline(30, () -> read.incrementAndGet() < reads ? 0L : 3_600_000_000_000L);
  }

  @Test
  void relaxAndRound_theModelBuildIsCutWhenTheDeadlinePassesAndTheBaselineSaysSo() {
    Scenario s = generated(400, 20);
    PlanOptions options = PlanOptions.defaults().withLargeModelOptions(0);
    assertThat(new PlanData(s, options.maxGangOptions()).options.size())
        .as("a model the build checks the deadline inside")
        .isGreaterThan(3 * PlanModel.COLUMNS_PER_CHECK);

    PlanOutcome out = Planner.plan(s, options, passingAtReading(3));

    Plan plan =
        out instanceof PlanOutcome.Feasible f ? f.plan() : ((PlanOutcome.Optimal) out).plan();
    assertThat(plan.solverNotes())
        .contains(
            "the relaxation's model build was cut: the time limit was reached before it finished")
        .contains(Planner.DUALS_CUT)
        .anySatisfy(n -> assertThat(n).startsWith("the plan is the baseline "));
    // no silent fall back: the source says baseline, and no LP ran after the deadline for a bound
    assertThat(plan.source()).startsWith("baseline ");
    assertThat(plan.solverNotes())
        .anySatisfy(n -> assertThat(n).startsWith("no lower bound could be proven in time"));
    assertThat(plan.lowerBound()).isEqualByComparingTo(plan.costBreakdown().fixed());
    assertThat(PlanVerifier.verify(s, out)).isEmpty();
  }

  @Test
  void mip_theModelBuildIsCutWhenTheDeadlinePassesAndNoRoundingIsStartedAfterIt() {
    Scenario s = generated(400, 20);
    PlanOptions options = PlanOptions.defaults(); // under 60,000 options: the MIP path

    PlanOutcome out = Planner.plan(s, options, passingAtReading(3));

    Plan plan =
        out instanceof PlanOutcome.Feasible f ? f.plan() : ((PlanOutcome.Optimal) out).plan();
    assertThat(plan.solverNotes())
        .contains("the MIP's model build was cut: the time limit was reached before it finished")
        .contains("the MIP gave no verified solution and no time was left to round its relaxation")
        .contains(Planner.DUALS_CUT);
    assertThat(plan.source()).startsWith("baseline ");
    assertThat(PlanVerifier.verify(s, out)).isEmpty();
  }

  /**
   * The behaviour on the wall clock, the review's case: 1,000 runs and 50 fleets (78,000 gang
   * options, the relax-and-round path), one second. Before the fix Planner.plan returned after
   * 7.8-9.9 s at load 8-17 on this 2-core machine, 7.8 s of it in relax and round. The issue allows
   * max(5%, 2 s) past the limit; the wait for the baselines is allowed on top, as the plan reports
   * it: they are the fallback and are not cut (docs/planner.md, "Time limit"), and under load they
   * took 1-2.3 s past the cut solver.
   */
  @Test
  void relaxAndRound_aOneSecondLimitHoldsOnTheWallClockAt1000Runs() {
    Scenario s = generated(1000, 50);
    // the natives' one-time loading in this JVM (the CLI does it while it reads the scenario)
    Natives.solver(RelaxAndRound.LP).delete();
    long started = System.nanoTime();
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults().withTimeLimit(1));
    double seconds = (System.nanoTime() - started) / 1e9;

    Plan plan =
        out instanceof PlanOutcome.Feasible f ? f.plan() : ((PlanOutcome.Optimal) out).plan();
    double baselinesPast = plan.timings().get("baselines (what they took past the solver)");
    assertThat(seconds)
        .as("Planner.plan with --time-limit 1: %s %s", plan.timings(), plan.solverNotes())
        .isLessThan(1 + 2 + baselinesPast);
    assertThat(plan.timings().get("relax and round"))
        .as("the phase the deadline cuts")
        .isLessThan(1 + 1.0);
    assertThat(plan.solverNotes()).anySatisfy(n -> assertThat(n).contains(" was cut: "));
    assertThat(PlanVerifier.verify(s, out)).isEmpty();
  }
}
