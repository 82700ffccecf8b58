package io.nuage.server;

import io.nuage.cli.RiskJson;
import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RunPlace;
import io.nuage.risk.PlannerRecourse;
import io.nuage.risk.RiskAnalysis;
import io.nuage.risk.RiskOptions;
import io.nuage.scenario.Scenario;
import java.util.Map;

/**
 * Runs a risk job (docs/server.md, "Risk jobs") as {@code nuage risk --format json} does with the
 * same scenario, samples, seed and policy, and answers the same JSON (docs/risk-json.md): the fast
 * recourse, the server's time limit per future, all cores. Progress is the share of futures served;
 * a cancelled job stops at its next future.
 */
public final class RiskRunner {
  private final PlanOptions options;
  private final int threads;

  public RiskRunner(PlanOptions options, int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
    this.options = options;
    this.threads = threads;
  }

  /** The risk JSON of {@code s}, whose file as uploaded has the content hash {@code version}. */
  String run(Scenario s, String version, RiskRequest request, PlanSolver.PlanProgress progress) {
    Map<String, RunPlace> kept = request.policy().equals("adapt") ? basePlaces(s) : Map.of();
    var report =
        new RiskAnalysis(
                s,
                request.policy(),
                () -> new PlannerRecourse(options, RecourseMethod.ROUNDED, kept),
                new RiskOptions(
                    request.samples(), request.seed(), threads, request.sourceSamples()),
                new JobTicks(progress, 0, 0.99))
            .run();
    return RiskJson.of(report, version);
  }

  /** As {@code nuage risk --policy adapt} without {@code --plan}: a plan of the scenario first. */
  private Map<String, RunPlace> basePlaces(Scenario s) {
    return switch (Planner.plan(s, options)) {
      case PlanOutcome.Optimal o -> PlannerRecourse.placesOf(o.plan().placements());
      case PlanOutcome.Feasible f -> PlannerRecourse.placesOf(f.plan().placements());
      case PlanOutcome.Infeasible i ->
          throw new NuageException(
              "policy adapt needs a base plan, and the scenario as written has none: "
                  + i.reasons().get(0).message());
    };
  }
}
