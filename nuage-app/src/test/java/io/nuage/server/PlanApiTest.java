package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanApiTest {
  @TempDir Path folder;

  static String upload(RunningServer api) {
    var r =
        api.post(
            "/api/scenarios?name=tiny-lab.yaml",
            api.planner,
            Examples.tinyLab(),
            "application/yaml");
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static String uploadExample(RunningServer api) {
    var r =
        api.post(
            "/api/scenarios?name=frontier-lab-2027.yaml",
            api.planner,
            Examples.frontierLab(),
            "application/yaml");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static String startPlan(RunningServer api, String scenario) {
    var r =
        api.post(
            "/api/plans", api.planner, "{\"scenario\": \"" + scenario + "\"}", "application/json");
    assertThat(r.status()).isEqualTo(202);
    return r.json().get("id").asText();
  }

  static JsonNode awaitFinished(RunningServer api, String plan) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonNode job = api.get("/api/plans/" + plan, api.viewer).json();
      String status = job.get("status").asText();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) return job;
      Thread.sleep(200);
    }
    throw new AssertionError("plan " + plan + " did not finish in 120 s");
  }

  @Test
  void plan_runsAsAJobAndItsResultSurvivesARestart() throws Exception {
    RunningServer api = RunningServer.start(folder);
    try {
      String scenario = upload(api);
      var started =
          api.post(
              "/api/plans",
              api.planner,
              "{\"scenario\": \"" + scenario + "\"}",
              "application/json");
      assertThat(started.status()).isEqualTo(202);
      assertThat(started.json().get("status").asText()).isIn("QUEUED", "RUNNING");
      assertThat(started.json().get("result").isNull()).isTrue();
      String plan = started.json().get("id").asText();

      JsonNode done = awaitFinished(api, plan);
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
      assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
      JsonNode result = done.get("result");
      assertThat(result.get("status").asText()).isIn("OPTIMAL", "FEASIBLE");
      assertThat(result.get("totalCost").isTextual()).isTrue();
      assertThat(result.get("placements").size()).isPositive();
      assertThat(api.get("/api/plans", api.viewer).json().get("plans").findValuesAsText("id"))
          .containsExactly(plan);
      var metrics = api.get("/metrics", api.viewer).body();
      assertThat(metrics)
          .contains("nuage_plan_jobs_total{outcome=\"succeeded\"} 1.0")
          .contains("nuage_plan_job_duration_seconds_count{outcome=\"succeeded\"} 1");

      api = api.restart();
      JsonNode again = api.get("/api/plans/" + plan, api.viewer).json();
      assertThat(again.get("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(again.get("result")).isEqualTo(result);
    } finally {
      api.close();
    }
  }

  @Test
  void cancel_stopsAQueuedJobAndAFinishedOneIsAConflict() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = uploadExample(api);
      String first = startPlan(api, scenario);
      String second = startPlan(api, scenario); // one worker: this one waits

      var cancelled = api.delete("/api/plans/" + second, api.planner);
      assertThat(cancelled.status()).isEqualTo(200);
      assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
      assertThat(cancelled.json().get("error").asText()).contains("cancelled by token tk_");

      assertThat(awaitFinished(api, first).get("status").asText()).isEqualTo("SUCCEEDED");
      JsonNode queued = api.get("/api/plans/" + second, api.viewer).json();
      assertThat(queued.get("status").asText()).isEqualTo("CANCELLED");
      // it never started: nothing of it was done (it said 1.0, as a finished plan)
      assertThat(cancelled.json().get("progress").asDouble()).isZero();
      assertThat(queued.get("progress").asDouble()).isZero();
      var again = api.post("/api/plans/" + first + "/cancel", api.planner, "", "application/json");
      assertThat(again.status()).isEqualTo(409);
    }
  }

  @Test
  void jobUnfinishedAtShutdown_isFailedAfterTheRestart() {
    RunningServer api = RunningServer.start(folder);
    try {
      String scenario = uploadExample(api);
      startPlan(api, scenario);
      String plan = startPlan(api, scenario); // one worker: still queued at the restart
      api = api.restart();
      JsonNode job = api.get("/api/plans/" + plan, api.viewer).json();
      assertThat(job.get("status").asText()).isEqualTo("FAILED");
      assertThat(job.get("error").asText()).isEqualTo(PlanJobs.STOPPED);
    } finally {
      api.close();
    }
  }

  @Test
  void infeasibleScenario_finishesInfeasibleWithItsReasons() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String tooLarge = Examples.microLab().replace("gpus: 256", "gpus: 5_000");
      var r = api.post("/api/scenarios?name=big.yaml", api.planner, tooLarge, "application/yaml");
      JsonNode job = awaitFinished(api, startPlan(api, r.json().get("id").asText()));
      assertThat(job.get("status").asText()).isEqualTo("INFEASIBLE");
      assertThat(job.at("/result/infeasibility/0/message").asText()).contains("pretrain-1");
    }
  }

  @Test
  void fullQueue_refusesWith429() throws Exception {
    try (RunningServer api = RunningServer.start(folder, s -> s.withMaxQueued(1))) {
      // the shipped example takes seconds to plan: the first job still runs while the others
      // are submitted, so one waits and the third finds the queue full
      String example = Examples.frontierLab();
      var uploaded =
          api.post(
              "/api/scenarios?name=frontier-lab-2027.yaml",
              api.planner,
              example,
              "application/yaml");
      assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
      String body = "{\"scenario\": \"" + uploaded.json().get("id").asText() + "\"}";
      var statuses = new java.util.ArrayList<Integer>();
      for (int i = 0; i < 3; i++) {
        var r = api.post("/api/plans", api.planner, body, "application/json");
        statuses.add(r.status());
        if (r.status() == 429) {
          assertThat(r.json().get("detail").asText()).contains("already waiting");
        }
      }
      assertThat(statuses).containsExactly(202, 202, 429);
      for (JsonNode job : api.get("/api/plans", api.viewer).json().get("plans")) {
        api.delete("/api/plans/" + job.get("id").asText(), api.planner);
      }
    }
  }

  @Test
  void badRequests_areNamedProblems() {
    try (RunningServer api = RunningServer.start(folder)) {
      assertThat(api.get("/api/plans/pl_unknown", api.viewer).status()).isEqualTo(404);
      assertThat(api.delete("/api/plans/pl_unknown", api.planner).status()).isEqualTo(404);
      var notJson = api.post("/api/plans", api.planner, "scenario=1", "application/json");
      assertThat(notJson.status()).isEqualTo(400);
      var noField = api.post("/api/plans", api.planner, "{\"scenario\": 7}", "application/json");
      assertThat(noField.status()).isEqualTo(400);
      assertThat(noField.json().get("detail").asText()).contains("'scenario'").contains("7");
      var unknown =
          api.post("/api/plans", api.planner, "{\"scenario\": \"sc_nope\"}", "application/json");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(api.send("PUT", "/api/plans/pl_x", api.planner, null, "application/json").status())
          .isEqualTo(405);
    }
  }
}
