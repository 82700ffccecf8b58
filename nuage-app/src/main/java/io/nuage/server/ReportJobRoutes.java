package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * The routes of a kind of job whose result is a report (docs/server.md, "Risk jobs" and "Deal
 * jobs"): {@code POST path} starts one, {@code GET path/{id}} polls it, {@code DELETE path/{id}}
 * cancels it; a planner starts and cancels, a viewer reads.
 */
final class ReportJobRoutes {
  private final PlanJobs jobs;
  private final Bodies bodies;
  private final ObjectMapper json;
  private final String path;
  private final PlanJobs.Kind kind;
  private final Function<JsonNode, PlanJobs.View> start;
  private final JobAnswers answers;

  /** {@code start} checks the body (400 or 422 naming each bad field) and queues the job. */
  ReportJobRoutes(
      PlanJobs jobs,
      Bodies bodies,
      ObjectMapper json,
      String path,
      PlanJobs.Kind kind,
      Function<JsonNode, PlanJobs.View> start) {
    this.jobs = jobs;
    this.bodies = bodies;
    this.json = json;
    this.path = path;
    this.kind = kind;
    this.start = start;
    this.answers = new JobAnswers(json, kind.noun, 256);
  }

  void register(RoutesConfig routes) {
    routes.post(path, this::start, Access.PLANNER);
    Reads.get(routes, path + "/{id}", this::get, Access.VIEWER);
    routes.delete(path + "/{id}", this::cancel, Access.PLANNER);
  }

  /** 202 with the job. */
  private void start(Context ctx) {
    PlanJobs.View job = start.apply(PlanRoutes.objectOf(bodies.text(ctx), json));
    ctx.status(202).json(PlanRoutes.view(job, false, json));
  }

  private void get(Context ctx) {
    answers.get(ctx, id -> jobs.find(id, kind));
  }

  private void cancel(Context ctx) {
    answers.cancel(ctx, (id, by) -> jobs.cancel(id, by, kind));
  }
}
