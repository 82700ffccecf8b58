package io.nuage.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What {@code GET} and {@code DELETE} of a job answer, for plan, risk and deal jobs alike
 * (PlanRoutes, ReportJobRoutes): the job as {@link PlanRoutes#view} shows it, and a finished job's
 * answer kept in memory after its first read (it never changes again: dashboards polling it cost no
 * query).
 */
final class JobAnswers {
  private final ObjectMapper json;
  private final String kind;
  private final int kept;
  private final Map<String, String> finished = new ConcurrentHashMap<>();

  /** {@code kind} names the job in an internal error; at most {@code kept} answers are kept. */
  JobAnswers(ObjectMapper json, String kind, int kept) {
    this.json = json;
    this.kind = kind;
    this.kept = kept;
  }

  /** {@code GET …/{id}}: the job with its result once finished. */
  void get(Context ctx, Function<String, PlanJobs.View> find) {
    String id = ctx.pathParam("id");
    String cached = finished.get(id);
    if (cached == null) {
      PlanJobs.View job = find.apply(id);
      try {
        cached = json.writeValueAsString(PlanRoutes.view(job, true, json));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a " + kind + " as JSON", e);
      }
      if (job.run().status().finished()) {
        if (finished.size() >= kept) finished.clear();
        finished.put(id, cached);
      }
    }
    if (CsvAnswers.wanted(ctx)) CsvAnswers.send(ctx, json, cached, JobAnswers::placements);
    else ctx.contentType("application/json").result(cached);
  }

  /**
   * A plan job's placements as CSV; a job with no plan (not finished, failed, a risk or deal job)
   * has none to give: 406.
   */
  private static String placements(JsonNode job) {
    JsonNode plan = job.path("result");
    if (!job.path("status").asText().equals("SUCCEEDED") || !plan.has("placements"))
      throw new HttpProblem.NotAcceptable(
          "text/csv: this job has no placements to list (it is "
              + job.path("status").asText().toLowerCase(java.util.Locale.ROOT)
              + "; ask for application/json)");
    return io.nuage.cli.PlanCsv.placements(plan);
  }

  /** {@code DELETE …/{id}}: cancels the job by the caller's token; the job as it is now. */
  void cancel(Context ctx, BiFunction<String, String, PlanJobs.View> cancel) {
    Principal who = Authentication.current(ctx);
    ctx.json(
        PlanRoutes.view(
            cancel.apply(ctx.pathParam("id"), who == null ? "?" : who.tokenId()), false, json));
  }
}
