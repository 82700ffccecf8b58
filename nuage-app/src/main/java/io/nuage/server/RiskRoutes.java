package io.nuage.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** /api/risk: start a risk job, poll it, cancel it (docs/server.md, "Risk jobs"). */
final class RiskRoutes {
  private final PlanJobs jobs;
  private final Bodies bodies;
  private final ObjectMapper json;
  private final Map<String, String> finished = new ConcurrentHashMap<>();
  private static final int CACHED = 256;

  RiskRoutes(PlanJobs jobs, Bodies bodies, ObjectMapper json) {
    this.jobs = jobs;
    this.bodies = bodies;
    this.json = json;
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
    String id = ctx.pathParam("id");
    String cached = finished.get(id);
    if (cached == null) {
      PlanJobs.View job = jobs.getRisk(id);
      try {
        cached = json.writeValueAsString(PlanRoutes.view(job, true, json));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a risk job as JSON", e);
      }
      // a finished job never changes again
      if (job.run().status().finished()) {
        if (finished.size() >= CACHED) finished.clear();
        finished.put(id, cached);
      }
    }
    ctx.contentType("application/json").result(cached);
  }

  private void cancel(Context ctx) {
    Principal who = Authentication.current(ctx);
    ctx.json(
        PlanRoutes.view(
            jobs.cancelRisk(ctx.pathParam("id"), who == null ? "?" : who.tokenId()), false, json));
  }
}
