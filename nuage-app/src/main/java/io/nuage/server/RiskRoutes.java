package io.nuage.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** /api/risk: start a risk job, poll it, cancel it (docs/server.md, "Risk jobs"). */
final class RiskRoutes {
  private final PlanJobs jobs;
  private final Bodies bodies;
  private final ObjectMapper json;
  private final JobAnswers answers;

  RiskRoutes(PlanJobs jobs, Bodies bodies, ObjectMapper json) {
    this.jobs = jobs;
    this.bodies = bodies;
    this.json = json;
    this.answers = new JobAnswers(json, "risk job", 256);
  }

  void register(RoutesConfig routes) {
    routes.post("/api/risk", this::start, Access.PLANNER);
    Reads.get(routes, "/api/risk/{id}", this::get, Access.VIEWER);
    routes.delete("/api/risk/{id}", this::cancel, Access.PLANNER);
  }

  /** {"scenario": ID, "samples": N, "seed": S, "policy": "replan"}; 202 with the job. */
  private void start(Context ctx) {
    RiskRequest request = RiskRequest.of(PlanRoutes.objectOf(bodies.text(ctx), json));
    ctx.status(202).json(PlanRoutes.view(jobs.startRisk(request), false, json));
  }

  private void get(Context ctx) {
    answers.get(ctx, jobs::getRisk);
  }

  private void cancel(Context ctx) {
    answers.cancel(ctx, jobs::cancelRisk);
  }
}
