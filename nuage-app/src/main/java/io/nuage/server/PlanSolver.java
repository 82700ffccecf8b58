package io.nuage.server;

import io.nuage.scenario.Scenario;

/** Plans a scenario for a job, reporting progress and stopping early when the job is cancelled. */
@FunctionalInterface
public interface PlanSolver {
  SolvedPlan solve(Scenario scenario, String fileName, PlanProgress progress);

  /** What the job reports while it runs. */
  interface PlanProgress {
    /** A fraction in [0, 1]. */
    void report(double fraction);

    boolean cancelled();
  }

  /**
   * A finished plan.
   *
   * @param feasible false when the scenario has no plan (the JSON then lists the reasons)
   * @param json the plan JSON of docs/plan-json.md
   */
  record SolvedPlan(boolean feasible, String json) {}
}
