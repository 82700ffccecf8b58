package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioApiTest {
  @TempDir static Path folder;
  static RunningServer api;

  @BeforeAll
  static void start() {
    api = RunningServer.start(folder);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void upload_storesTheScenarioAndListsAndGetsIt() {
    var created =
        api.post(
            "/api/scenarios?name=tiny-lab.yaml",
            api.planner,
            Examples.tinyLab(),
            "application/yaml");
    assertThat(created.status()).isEqualTo(201);
    var body = created.json();
    assertThat(body.get("name").asText()).isEqualTo("tiny-lab");
    assertThat(body.get("fileName").asText()).isEqualTo("tiny-lab.yaml");
    assertThat(body.at("/summary/workloads").asInt()).isEqualTo(3);
    assertThat(body.at("/summary/contracts").asInt()).isEqualTo(5);
    String id = body.get("id").asText();

    var one = api.get("/api/scenarios/" + id, api.viewer);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("yaml").asText()).isEqualTo(Examples.tinyLab());

    var all = api.get("/api/scenarios", api.viewer);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().get("scenarios").findValuesAsText("id")).contains(id);
  }

  /** Issue 10, item 11: a scenario is read and parsed in memory, so it has its own, lower limit. */
  @Test
  void scenarioAboveTheScenarioLimit_is413NamingIt() {
    String big = "name: " + "a".repeat((int) Bodies.MAX_SCENARIO_BYTES);

    var upload = api.post("/api/scenarios", api.planner, big, "application/yaml");

    assertThat(upload.status()).isEqualTo(413);
    assertThat(upload.json().get("detail").asText())
        .contains(String.valueOf(Bodies.MAX_SCENARIO_BYTES))
        .contains("scenario");
  }

  @Test
  void malformedYaml_is422WithALocatedProblemAndNothingStored() {
    int before = api.get("/api/scenarios", api.viewer).json().get("scenarios").size();
    var r =
        api.post(
            "/api/scenarios?name=broken.yaml",
            api.planner,
            "name: broken\nhorizon: {start: 2027-01, end: [\n",
            "application/yaml");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    var problem = r.json().get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo("broken.yaml");
    assertThat(problem.get("line").asInt()).isPositive();
    assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(api.get("/api/scenarios", api.viewer).json().get("scenarios").size())
        .isEqualTo(before);
  }

  @Test
  void scenarioFailingValidation_is422NamingLineFieldAndValue() {
    String bad = Examples.tinyLab().replace("gpus: 2_048", "gpus: -5");
    var r = api.post("/api/scenarios?name=lab.yaml", api.planner, bad, "application/yaml");
    assertThat(r.status()).isEqualTo(422);
    var problem = r.json().get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo("lab.yaml");
    assertThat(problem.get("line").asInt())
        .isEqualTo(
            bad.lines()
                    .toList()
                    .indexOf(
                        bad.lines().filter(l -> l.contains("gpus: -5")).findFirst().orElseThrow())
                + 1);
    assertThat(problem.get("path").asText()).isEqualTo("workloads[0].gpus");
    assertThat(problem.get("message").asText()).contains("-5");
    assertThat(r.json().get("detail").asText()).startsWith("lab.yaml:");
  }

  @Test
  void unknownScenario_is404() {
    var r = api.get("/api/scenarios/sc_nope", api.viewer);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("detail").asText()).contains("sc_nope");
    assertThat(api.get("/metrics", api.viewer).body())
        .as("latency by route template (not by id) and status")
        .containsPattern(
            "http_server_requests_seconds_count\\{method=\"GET\",route=\"/api/scenarios/\\{id}\","
                + "status=\"404\"} [1-9]")
        .contains(
            "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/scenarios/{id}\"")
        .doesNotContain("sc_nope");
  }

  @Test
  void wrongMethod_is405() {
    var r = api.send("PUT", "/api/scenarios", api.admin, "x".getBytes(), "text/plain");
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.json().get("type").asText()).isEqualTo("urn:nuage:problem:method-not-allowed");
  }

  @Test
  void badFileName_is400NamingTheParameter() {
    var r = api.post("/api/scenarios?name=../etc/passwd", api.planner, "x", "application/yaml");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).contains("'name'").contains("../etc/passwd");
  }
}
