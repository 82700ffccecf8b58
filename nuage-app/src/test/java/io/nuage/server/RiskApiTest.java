package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nuage.cli.Main;
import io.nuage.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/risk} through a real server on a random loopback port (docs/server.md, "Risk
 * jobs"): the job's result is byte for byte what {@code nuage risk --format json} prints for the
 * same scenario, samples, seed and policy; bad fields are 422 naming each; risk and plan jobs do
 * not answer for each other.
 */
class RiskApiTest {
  @TempDir Path folder;

  static final Path TWO_POINT =
      SharedData.repo().resolve("nuage-core/src/test/resources/risk/two-point-demand.yaml");

  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static String upload(RunningServer api) throws Exception {
    var r =
        api.post(
            "/api/scenarios?name=two-point-demand.yaml",
            api.planner,
            Files.readString(TWO_POINT),
            "application/yaml");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static String startRisk(RunningServer api, String body) {
    var r = api.post("/api/risk", api.planner, body, "application/json");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().get("id").asText()).startsWith("rk_");
    return r.json().get("id").asText();
  }

  static JsonNode awaitFinished(RunningServer api, String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline)) {
      JsonNode job = api.get("/api/risk/" + id, api.viewer).json();
      String status = job.get("status").asText();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) return job;
      Thread.sleep(200);
    }
    throw new AssertionError("risk job " + id + " did not finish in 180 s");
  }

  private static String cli(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  @Test
  void riskJob_answersTheCliJsonByteForByte() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api);
      String replan =
          startRisk(
              api,
              "{\"scenario\":\""
                  + scenario
                  + "\",\"samples\":40,\"seed\":7,\"policy\":\"replan\"}");
      String adapt =
          startRisk(
              api,
              "{\"scenario\":\"" + scenario + "\",\"samples\":24,\"seed\":3,\"policy\":\"adapt\"}");
      for (var job :
          List.of(List.of(replan, "40", "7", "replan"), List.of(adapt, "24", "3", "adapt"))) {
        JsonNode done = awaitFinished(api, job.get(0));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        String expected =
            cli(
                "risk",
                TWO_POINT.toString(),
                "--samples",
                job.get(1),
                "--seed",
                job.get(2),
                "--policy",
                job.get(3),
                "--format",
                "json",
                "--quiet");
        assertThat(PRETTY.writeValueAsString(done.get("result")) + "\n").isEqualTo(expected);
        // and it is a real answer: the closed form's figures within its sampling error
        assertThat(done.at("/result/futures").asInt()).isEqualTo(Integer.parseInt(job.get(1)));
        assertThat(done.at("/result/asWritten").asText()).isEqualTo("1200000.00");
      }
      // a risk job is not a plan, and a plan id is not a risk job
      assertThat(api.get("/api/plans/" + replan, api.viewer).status()).isEqualTo(404);
      assertThat(api.get("/api/plans", api.viewer).json().get("plans")).isEmpty();
      String plan = PlanApiTest.startPlan(api, scenario);
      assertThat(api.get("/api/risk/" + plan, api.viewer).status()).isEqualTo(404);
      assertThat(api.delete("/api/risk/" + replan, api.planner).status()).isEqualTo(409);
    }
  }

  /**
   * Issue 12 review, finding 3: a risk job cancelled while it runs said progress 1.0, as if done;
   * it keeps the share of futures it had served, then and on every later read.
   */
  @Test
  void cancelledRunningJob_keepsTheProgressItHadReached() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api);
      String id = startRisk(api, "{\"scenario\":\"" + scenario + "\",\"samples\":2000,\"seed\":1}");
      double seen = 0;
      Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
      while (seen == 0 && Instant.now().isBefore(deadline)) {
        seen = api.get("/api/risk/" + id, api.viewer).json().get("progress").asDouble();
        Thread.sleep(20);
      }
      assertThat(seen).as("the job served a future").isPositive();

      var cancelled = api.delete("/api/risk/" + id, api.planner);

      assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
      assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
      double reached = cancelled.json().get("progress").asDouble();
      assertThat(reached).isGreaterThanOrEqualTo(seen).isLessThan(0.99);
      JsonNode after = awaitFinished(api, id);
      assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
      assertThat(after.get("progress").asDouble()).isEqualTo(reached);
      assertThat(after.path("result").isObject()).as("no result").isFalse();
      Thread.sleep(300); // the worker stops at its next future; the answer does not move
      assertThat(api.get("/api/risk/" + id, api.viewer).json().get("progress").asDouble())
          .isEqualTo(reached);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"samples\":0|samples|must be a whole number from 1 to 2,000 (got 0)",
        "\"samples\":2001|samples|must be a whole number from 1 to 2,000 (got 2001)",
        "\"samples\":\"ten\"|samples|(got \"ten\")",
        "\"samples\":1.5|samples|(got 1.5)",
        "\"seed\":1.5|seed|must be a whole number (got 1.5",
        "\"seed\":\"x\"|seed|must be a whole number",
        "\"policy\":\"hindsight\"|policy|must be replan or adapt (got \"hindsight\")",
        "\"sourceSamples\":-1|sourceSamples|must be a whole number from 0 to 2,000",
        "\"sample\":10|sample|unknown field",
      })
  void badField_is422NamingItAndMakesNoJob(String field, String path, String message)
      throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api);
      var r =
          api.post(
              "/api/risk",
              api.planner,
              "{\"scenario\":\"" + scenario + "\"," + field + "}",
              "application/json");
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      JsonNode problem = r.json().get("problems").get(0);
      assertThat(problem.get("path").asText()).isEqualTo(path);
      assertThat(problem.get("message").asText()).contains(message);
      assertThat(r.body()).doesNotContain(folder.toString()).doesNotContain("Exception");
    }
  }

  @Test
  void everyBadFieldAtOnce_andOtherRefusals() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      var r =
          api.post("/api/risk", api.planner, "{\"samples\":0,\"policy\":7}", "application/json");
      assertThat(r.status()).isEqualTo(422);
      List<String> paths = new ArrayList<>();
      r.json().get("problems").forEach(p -> paths.add(p.get("path").asText()));
      assertThat(paths).containsExactlyInAnyOrder("scenario", "samples", "policy");
      assertThat(api.post("/api/risk", api.planner, "[1]", "application/json").status())
          .isEqualTo(400);
      assertThat(
              api.post("/api/risk", api.planner, "{\"scenario\":\"sc_nope\"}", "application/json")
                  .status())
          .isEqualTo(404);
      assertThat(api.get("/api/risk/rk_nope", api.viewer).status()).isEqualTo(404);
    }
  }
}
