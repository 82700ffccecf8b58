package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nuage.store.server.PlanRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** /api/plans: start a job, poll it, list, cancel. */
final class PlanRoutes {
  private final PlanJobs jobs;
  private final Bodies bodies;
  private final ObjectMapper json;
  private final JobAnswers answers;

  record View(
      String id,
      String scenario,
      String status,
      double progress,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      @Nullable String error,
      @Nullable JsonNode result) {}

  /**
   * A job as GET /api/plans lists it: without its result, with the plan's total cost (null until it
   * succeeded, and for an infeasible plan) so a list can say what each plan costs.
   */
  record Listed(
      String id,
      String scenario,
      String status,
      double progress,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      @Nullable String error,
      @Nullable String totalCost) {}

  /** Plan ids to their total cost: a finished job's result never changes. */
  private final Map<String, String> totals = new java.util.concurrent.ConcurrentHashMap<>();

  PlanRoutes(PlanJobs jobs, Bodies bodies, ObjectMapper json) {
    this.jobs = jobs;
    this.bodies = bodies;
    this.json = json;
    this.answers = new JobAnswers(json, "plan job", 1024);
  }

  void register(RoutesConfig routes) {
    routes.post("/api/plans", this::start, Access.PLANNER);
    routes.post("/api/replans", this::replan, Access.PLANNER);
    Reads.get(routes, "/api/plans", this::list, Access.VIEWER);
    Reads.get(routes, "/api/plans/{id}", this::get, Access.VIEWER);
    routes.delete("/api/plans/{id}", this::cancel, Access.PLANNER);
    routes.post("/api/plans/{id}/cancel", this::cancel, Access.PLANNER);
  }

  private void start(Context ctx) {
    String scenario = scenarioOf(bodies.text(ctx));
    ctx.status(202).json(view(jobs.start(scenario), false));
  }

  /**
   * POST /api/replans: {"scenario": ID, "asOf": "YYYY-MM-DD"?, "allowMissing": false?}; 202 with
   * the job.
   */
  private void replan(Context ctx) {
    JsonNode body = objectOf(bodies.text(ctx));
    String scenario = scenarioOf(body);
    JsonNode asOf = body.get("asOf");
    java.time.LocalDate day = null;
    if (asOf != null && !asOf.isNull()) {
      try {
        if (!asOf.isTextual()) throw new java.time.format.DateTimeParseException("", "", 0);
        day = java.time.LocalDate.parse(asOf.asText());
      } catch (java.time.format.DateTimeParseException e) {
        throw new HttpProblem.BadRequest(
            "field 'asOf' must be a date YYYY-MM-DD, the first day of the first month re-planned"
                + " (got "
                + asOf
                + ")");
      }
    }
    JsonNode allow = body.get("allowMissing");
    if (allow != null && !allow.isNull() && !allow.isBoolean())
      throw new HttpProblem.BadRequest(
          "field 'allowMissing' must be true or false: whether to re-plan when a provider's bills"
              + " miss a month before asOf, counting it as billed $0 (got "
              + allow
              + ")");
    boolean allowMissing = allow != null && allow.asBoolean(false);
    ctx.status(202).json(view(jobs.startReplan(scenario, day, allowMissing), false));
  }

  private void list(Context ctx) {
    List<Listed> all = jobs.list().stream().map(this::listed).toList();
    if (CsvAnswers.wanted(ctx))
      CsvAnswers.sendValue(ctx, json, Map.of("plans", all), t -> JobsCsv.table(t.path("plans")));
    else ctx.json(Map.of("plans", all));
  }

  private Listed listed(PlanJobs.View job) {
    PlanRun run = job.run();
    return new Listed(
        run.id(),
        run.scenarioId(),
        run.status().name(),
        job.progress(),
        run.createdAt(),
        run.startedAt(),
        run.finishedAt(),
        run.error(),
        totalOf(run));
  }

  /** The result's top-level totalCost, read up to that field only (a plan JSON starts with it). */
  private @Nullable String totalOf(PlanRun run) {
    String result = run.resultJson();
    if (result == null) return null;
    String known = totals.get(run.id());
    if (known != null) return known.isEmpty() ? null : known;
    String total = "";
    try (com.fasterxml.jackson.core.JsonParser parser = json.getFactory().createParser(result)) {
      if (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
          if ("totalCost".equals(field)) {
            if (value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING)
              total = parser.getText();
            break;
          }
          parser.skipChildren();
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored plan result is not JSON: " + run.id(), e);
    }
    totals.put(run.id(), total);
    return total.isEmpty() ? null : total;
  }

  private void get(Context ctx) {
    answers.get(ctx, jobs::get);
  }

  private void cancel(Context ctx) {
    answers.cancel(ctx, jobs::cancel);
  }

  private String scenarioOf(String body) {
    return scenarioOf(objectOf(body));
  }

  private JsonNode objectOf(String body) {
    return objectOf(body, json);
  }

  /** The body as a JSON object, or 400 saying what it must be. */
  static JsonNode objectOf(String body, ObjectMapper json) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (Exception e) {
      throw new HttpProblem.BadRequest(
          "the body must be a JSON object such as {\"scenario\": \"sc_...\"} (it is not JSON)");
    }
    if (node == null || !node.isObject()) {
      throw new HttpProblem.BadRequest(
          "the body must be a JSON object such as {\"scenario\": \"sc_...\"} (got "
              + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase())
              + ")");
    }
    return node;
  }

  private String scenarioOf(JsonNode node) {
    JsonNode scenario = node.get("scenario");
    if (scenario == null || !scenario.isTextual() || scenario.asText().isBlank()) {
      throw new HttpProblem.BadRequest(
          "field 'scenario' is required: the id of an uploaded scenario (got "
              + (scenario == null ? "nothing" : scenario.toString())
              + ")");
    }
    return scenario.asText();
  }

  private View view(PlanJobs.View job, boolean withResult) {
    return view(job, withResult, json);
  }

  /** A job as the API shows it (plan, re-plan and risk jobs alike), its result once finished. */
  static View view(PlanJobs.View job, boolean withResult, ObjectMapper json) {
    PlanRun run = job.run();
    JsonNode result = null;
    if (withResult && run.resultJson() != null) {
      try {
        result = json.readTree(run.resultJson());
      } catch (Exception e) {
        throw new IllegalStateException("stored plan result is not JSON: " + run.id(), e);
      }
    }
    return new View(
        run.id(),
        run.scenarioId(),
        run.status().name(),
        job.progress(),
        run.createdAt(),
        run.startedAt(),
        run.finishedAt(),
        run.error(),
        result);
  }
}
