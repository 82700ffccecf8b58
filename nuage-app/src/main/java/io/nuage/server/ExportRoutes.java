package io.nuage.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nuage.broker.BrokerPlan;
import io.nuage.broker.launch.Artifacts;
import io.nuage.broker.launch.BrokerExport;
import io.nuage.broker.launch.BrokerPlanJson;
import io.nuage.broker.launch.LauncherSchemas;
import io.nuage.scenario.Scenario;
import io.nuage.store.server.PlanRun;
import io.nuage.store.server.PlanStatus;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * /api/plans/{id}/export/skypilot and /export/kueue?month=YYYY-MM: a finished plan job's launch
 * artifacts as a zip (docs/broker.md), validated like the CLI's; the launchers' schemas are found
 * as the CLI finds them without {@code --schemas}.
 */
final class ExportRoutes {
  private final PlanJobs jobs;
  private final ScenarioLibrary library;

  ExportRoutes(PlanJobs jobs, ScenarioLibrary library) {
    this.jobs = jobs;
    this.library = library;
  }

  void register(RoutesConfig routes) {
    Reads.get(routes, "/api/plans/{id}/export/skypilot", this::skypilot, Access.VIEWER);
    Reads.get(routes, "/api/plans/{id}/export/kueue", this::kueue, Access.VIEWER);
  }

  private void skypilot(Context ctx) {
    String id = ctx.pathParam("id");
    Input in = input(id);
    send(ctx, id + "-skypilot.zip", BrokerExport.skypilot(in.scenario(), in.plan(), schemas()));
  }

  private void kueue(Context ctx) {
    String raw = ctx.queryParam("month");
    YearMonth month;
    try {
      if (raw == null) throw new DateTimeParseException("", "", 0);
      month = YearMonth.parse(raw);
    } catch (DateTimeParseException e) {
      throw new HttpProblem.BadRequest(
          "query parameter 'month' must be a month YYYY-MM of the plan (got "
              + (raw == null ? "nothing" : raw)
              + ")");
    }
    String id = ctx.pathParam("id");
    Input in = input(id);
    Artifacts files =
        BrokerExport.kueue(
            in.scenario(),
            in.plan(),
            List.of(month),
            "query parameter month",
            null,
            "the default cluster map",
            "default",
            schemas());
    send(ctx, id + "-kueue-" + month + ".zip", files);
  }

  private record Input(Scenario scenario, BrokerPlan plan) {}

  private Input input(String id) {
    PlanRun run = jobs.get(id).run();
    if (run.status() != PlanStatus.SUCCEEDED || run.resultJson() == null)
      throw new HttpProblem.Conflict(
          "plan job "
              + id
              + " has no plan to export (status "
              + run.status().name().toLowerCase(java.util.Locale.ROOT)
              + ")");
    Scenario scenario = library.scenario(run.scenarioId());
    return new Input(scenario, BrokerPlanJson.read(run.resultJson(), "plan " + id, scenario));
  }

  private static LauncherSchemas schemas() {
    return LauncherSchemas.locate(null);
  }

  private static void send(Context ctx, String name, Artifacts files) {
    ctx.contentType("application/zip");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.result(files.zip());
  }
}
