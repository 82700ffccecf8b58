package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nuage.cli.Main;
import io.nuage.store.server.ConnectionSource;
import io.nuage.store.server.PlanRuns;
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
 * {@code POST /api/deals} through a real server on a random loopback port (docs/server.md, "Deal
 * jobs"), on the closed-form instance two-point-tiers.yaml (its figures in its header): the job's
 * result is byte for byte what {@code nuage deal --format json} prints for the same inputs; bad
 * bodies are 400 naming the field and make no job; deal, risk and plan jobs do not answer for each
 * other.
 */
class DealApiTest {
  @TempDir Path folder;

  static final Path TIERS =
      SharedData.repo().resolve("nuage-core/src/test/resources/deal/two-point-tiers.yaml");

  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static String upload(RunningServer api, String name, String yaml) {
    var r = api.post("/api/scenarios?name=" + name, api.planner, yaml, "application/yaml");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static String upload(RunningServer api) throws Exception {
    return upload(api, "two-point-tiers.yaml", Files.readString(TIERS));
  }

  static String startDeal(RunningServer api, String body) {
    var r = api.post("/api/deals", api.planner, body, "application/json");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().get("id").asText()).startsWith("dl_");
    return r.json().get("id").asText();
  }

  static JsonNode awaitFinished(RunningServer api, String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline)) {
      JsonNode job = api.get("/api/deals/" + id, api.viewer).json();
      String status = job.get("status").asText();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) return job;
      Thread.sleep(200);
    }
    throw new AssertionError("deal job " + id + " did not finish in 180 s");
  }

  private static String cli(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  private static int jobs(RunningServer api) {
    return new PlanRuns(ConnectionSource.of(api.store)).list().size();
  }

  @Test
  void dealJob_answersTheCliJsonByteForByte() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api);
      String withBreakEven =
          startDeal(
              api,
              "{\"scenario\":\""
                  + scenario
                  + "\",\"contract\":\"deal\",\"scales\":[\"0.5\",\"1\",\"1.5\"],"
                  + "\"samples\":40,\"seed\":7}");
      String defaults =
          startDeal(
              api,
              "{\"scenario\":\""
                  + scenario
                  + "\",\"contract\":\"deal\",\"samples\":16,\"breakEven\":false}");

      JsonNode done = awaitFinished(api, withBreakEven);
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
      assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
      String expected =
          cli(
              "deal",
              TIERS.toString(),
              "--contract",
              "deal",
              "--scale",
              "0.5,1,1.5",
              "--samples",
              "40",
              "--seed",
              "7",
              "--format",
              "json",
              "--quiet");
      assertThat(PRETTY.writeValueAsString(done.get("result")) + "\n").isEqualTo(expected);
      // and it is a real answer: x1.5 costs its 1.5M minimum at both demand levels, and the
      // break-even is the header's 1/2.4 within the tolerance
      JsonNode result = done.get("result");
      assertThat(result.at("/sizes/2/meanCost/value").asText()).isEqualTo("1500000.00");
      assertThat(result.at("/sizes/2/commitment").asText()).isEqualTo("1500000.00");
      assertThat(result.at("/breakEven/outcome").asText()).isEqualTo("found");
      assertThat(result.at("/breakEven/demand").asDouble()).isCloseTo(1 / 2.4, within(0.005));

      JsonNode quick = awaitFinished(api, defaults);
      assertThat(quick.get("status").asText()).as(quick.toString()).isEqualTo("SUCCEEDED");
      String expectedQuick =
          cli(
              "deal",
              TIERS.toString(),
              "--contract",
              "deal",
              "--samples",
              "16",
              "--no-break-even",
              "--format",
              "json",
              "--quiet");
      assertThat(PRETTY.writeValueAsString(quick.get("result")) + "\n").isEqualTo(expectedQuick);
      assertThat(quick.at("/result/sizes").size()).as("the CLI's five default sizes").isEqualTo(5);
      assertThat(quick.at("/result/breakEven").isNull()).isTrue();

      // a deal job is neither a plan nor a risk job, and neither answers as a deal job
      assertThat(api.get("/api/plans/" + withBreakEven, api.viewer).status()).isEqualTo(404);
      assertThat(api.get("/api/risk/" + withBreakEven, api.viewer).status()).isEqualTo(404);
      assertThat(api.get("/api/plans", api.viewer).json().get("plans")).isEmpty();
      String risk = RiskApiTest.startRisk(api, "{\"scenario\":\"" + scenario + "\",\"samples\":1}");
      assertThat(api.get("/api/deals/" + risk, api.viewer).status()).isEqualTo(404);
      assertThat(api.delete("/api/deals/" + withBreakEven, api.planner).status()).isEqualTo(409);
    }
  }

  static final Path NEWSVENDOR =
      SharedData.repo().resolve("nuage-core/src/test/resources/deal/newsvendor-tiers.yaml");

  @Test
  void optimiseJob_answersTheCliJsonByteForByte() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api, "newsvendor-tiers.yaml", Files.readString(NEWSVENDOR));
      String limited =
          startDeal(
              api,
              "{\"scenario\":\""
                  + scenario
                  + "\",\"contract\":\"deal\",\"samples\":6,\"seed\":3,\"breakEven\":false,"
                  + "\"optimise\":{\"bounds\":\"0..3\",\"replications\":2,\"freshSamples\":8,"
                  + "\"gap\":\"0.0001\",\"risk\":\"cvar70\",\"max\":\"1300000\"}}");
      String defaults =
          startDeal(
              api,
              "{\"scenario\":\""
                  + scenario
                  + "\",\"contract\":\"deal\",\"samples\":4,\"optimise\":true}");
      JsonNode done = awaitFinished(api, limited);
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
      String expected =
          cli(
              "deal",
              NEWSVENDOR.toString(),
              "--contract",
              "deal",
              "--optimise",
              "--samples",
              "6",
              "--seed",
              "3",
              "--bounds",
              "0..3",
              "--replications",
              "2",
              "--fresh-samples",
              "8",
              "--gap",
              "0.0001",
              "--risk",
              "cvar70",
              "--max",
              "1300000",
              "--no-break-even",
              "--format",
              "json",
              "--quiet");
      assertThat(PRETTY.writeValueAsString(done.get("result")) + "\n").isEqualTo(expected);
      assertThat(done.at("/result/cvarLimit/measure").asText()).isEqualTo("CVaR70");

      JsonNode quick = awaitFinished(api, defaults);
      assertThat(quick.get("status").asText()).as(quick.toString()).isEqualTo("SUCCEEDED");
      String expectedQuick =
          cli(
              "deal",
              NEWSVENDOR.toString(),
              "--contract",
              "deal",
              "--optimise",
              "--samples",
              "4",
              "--format",
              "json",
              "--quiet");
      assertThat(PRETTY.writeValueAsString(quick.get("result")) + "\n").isEqualTo(expectedQuick);
      assertThat(quick.at("/result/breakEven/outcome").asText()).isEqualTo("found");
    }
  }

  @Test
  void optimiseJob_aReservation_answersTheCliJson_withoutABreakEven() throws Exception {
    Path reserved =
        SharedData.repo().resolve("nuage-core/src/test/resources/deal/newsvendor-reserved.yaml");
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api, "newsvendor-reserved.yaml", Files.readString(reserved));
      // breakEven defaults to true: a reservation has none, and the job still succeeds
      String job =
          startDeal(
              api,
              "{\"scenario\":\""
                  + scenario
                  + "\",\"contract\":\"reserved\",\"samples\":4,\"optimise\":true}");
      JsonNode done = awaitFinished(api, job);
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
      String expected =
          cli(
              "deal",
              reserved.toString(),
              "--contract",
              "reserved",
              "--optimise",
              "--samples",
              "4",
              "--format",
              "json",
              "--quiet");
      assertThat(PRETTY.writeValueAsString(done.get("result")) + "\n").isEqualTo(expected);
      assertThat(done.at("/result/breakEven").isNull()).isTrue();
      assertThat(done.at("/result/recommendation/reservation/gpus").isInt()).isTrue();
    }
  }

  @Test
  void optimiseJob_aLimitNoSizeMeets_failsSayingWhy() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api, "newsvendor-tiers.yaml", Files.readString(NEWSVENDOR));
      String id =
          startDeal(
              api,
              "{\"scenario\":\""
                  + scenario
                  + "\",\"contract\":\"deal\",\"samples\":4,\"breakEven\":false,"
                  + "\"optimise\":{\"bounds\":\"0..3\",\"risk\":\"cvar70\",\"max\":\"100\"}}");
      JsonNode done = awaitFinished(api, id);
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("FAILED");
      assertThat(done.toString())
          .contains("optimise.max: on the 4 futures of the main sample")
          .contains("widen optimise.bounds")
          .doesNotContain("--max")
          .doesNotContain("--bounds")
          .doesNotContain("Exception");
    }
  }

  @Test
  void cancelledRunningJob_stopsAndKeepsTheProgressItHadReached() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api);
      String id =
          startDeal(
              api, "{\"scenario\":\"" + scenario + "\",\"contract\":\"deal\",\"samples\":2000}");
      double seen = 0;
      Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
      while (seen == 0 && Instant.now().isBefore(deadline)) {
        seen = api.get("/api/deals/" + id, api.viewer).json().get("progress").asDouble();
        Thread.sleep(20);
      }
      assertThat(seen).as("the job served a future").isPositive();

      var cancelled = api.delete("/api/deals/" + id, api.planner);

      assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
      assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
      double reached = cancelled.json().get("progress").asDouble();
      assertThat(reached).isGreaterThanOrEqualTo(seen).isLessThan(0.9);
      JsonNode after = awaitFinished(api, id);
      assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
      assertThat(after.path("result").isObject()).as("no result").isFalse();
      Thread.sleep(300); // the worker stops at its next future; the answer does not move
      assertThat(api.get("/api/deals/" + id, api.viewer).json().get("progress").asDouble())
          .isEqualTo(reached);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"contract\":\"nope\"|contract|nope: no such contract in scenario two-point-tiers"
            + " (expected one of: deal)",
        "\"contract\":7|contract|required: the id of a committed-spend contract of the scenario"
            + " (got 7)",
        "\"contract\":\"deal\",\"scales\":[\"0\"]|scales[0]|must be a decimal string above 0",
        "\"contract\":\"deal\",\"scales\":[\"1\",\"-1\"]|scales[1]|(got \"-1\")",
        "\"contract\":\"deal\",\"scales\":[1.5]|scales[0]|such as \"0.75\" (got 1.5)",
        "\"contract\":\"deal\",\"scales\":[\"1e9\"]|scales[0]|(got \"1e9\")",
        "\"contract\":\"deal\",\"scales\":[\"1\",\"1.0\"]|scales[1]|is given twice",
        "\"contract\":\"deal\",\"scales\":[]|scales|must be a list of 1 to 10 sizes",
        "\"contract\":\"deal\",\"scales\":\"1\"|scales|must be a list of 1 to 10 sizes",
        "\"contract\":\"deal\",\"samples\":0|samples|must be a whole number from 1 to 2,000 (got 0)",
        "\"contract\":\"deal\",\"samples\":2001|samples|from 1 to 2,000 (got 2001)",
        "\"contract\":\"deal\",\"seed\":1.5|seed|must be a whole number (got 1.5",
        "\"contract\":\"deal\",\"breakEven\":\"yes\"|breakEven|must be true or false (got \"yes\")",
        "\"contract\":\"deal\",\"sample\":10|sample|unknown field (expected one of scenario,"
            + " contract, scales, samples, seed, breakEven, optimise)",
        "\"contract\":\"deal\",\"optimise\":true,\"scales\":[\"1\"]|scales|not used with"
            + " optimise",
        "\"contract\":\"deal\",\"optimise\":\"yes\"|optimise|must be true, false or an object",
        "\"contract\":\"deal\",\"optimise\":{\"bounds\":\"2..1\"}|optimise.bounds|must be"
            + " \"LOW..HIGH\", multiples of the written minimums with 0 ≤ LOW ≤ HIGH",
        "\"contract\":\"deal\",\"optimise\":{\"replications\":1}|optimise.replications|must be"
            + " a whole number from 2 to 20 (got 1)",
        "\"contract\":\"deal\",\"optimise\":{\"gap\":\"1\"}|optimise.gap|between 0 and 1",
        "\"contract\":\"deal\",\"optimise\":{\"risk\":\"var95\",\"max\":\"1\"}|optimise.risk"
            + "|must be \"cvarNN\"",
        "\"contract\":\"deal\",\"optimise\":{\"risk\":\"cvar95\"}|optimise.risk|risk and max go"
            + " together",
        "\"contract\":\"deal\",\"optimise\":{\"risk\":\"cvar0\",\"max\":\"1\"}|optimise.risk|a"
            + " CVaR level must be strictly between 0 and 1",
        "\"contract\":\"deal\",\"optimise\":{\"risk\":\"cvar95\",\"max\":\"0\"}|optimise.max"
            + "|must be a decimal string above 0",
        "\"contract\":\"deal\",\"optimise\":{\"bounds\":\"0..1\",\"cuts\":1}|optimise.cuts"
            + "|unknown field (expected one of bounds, replications",
      })
  void badBody_is400NamingTheFieldAndMakesNoJob(String fields, String path, String message)
      throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api);
      var r =
          api.post(
              "/api/deals",
              api.planner,
              "{\"scenario\":\"" + scenario + "\"," + fields + "}",
              "application/json");
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      JsonNode problem = r.json().get("problems").get(0);
      assertThat(problem.get("path").asText()).isEqualTo(path);
      assertThat(problem.get("message").asText()).contains(message);
      assertThat(r.json().get("detail").asText()).contains(path + ": ").contains(message);
      assertThat(r.body()).doesNotContain(folder.toString()).doesNotContain("Exception");
      assertThat(jobs(api)).as("no job was made").isZero();
    }
  }

  /** What only the scenario can tell: a contract of another kind, a size below the first tier. */
  @Test
  void contractAndSizesAreCheckedAgainstTheScenario_400AndNoJob() throws Exception {
    String tiers = Files.readString(TIERS);
    try (RunningServer api = RunningServer.start(folder)) {
      String reserved =
          upload(
              api,
              "reserved.yaml",
              tiers.replace(
                  "workloads:",
                  """
                    - id: reserved
                      kind: reserved-capacity
                      provider: cloud
                      region: cloud/us-1
                      accelerator: H100
                      gpus: 10
                      term: {start: 2027-01, end: 2027-12}
                      price-per-gpu-hour: 1.50
                  workloads:"""));
      var r =
          api.post(
              "/api/deals",
              api.planner,
              "{\"scenario\":\"" + reserved + "\",\"contract\":\"reserved\"}",
              "application/json");
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().at("/problems/0/path").asText()).isEqualTo("contract");
      assertThat(r.json().at("/problems/0/message").asText())
          .isEqualTo(
              "reserved: not a committed-spend contract (expected one of: deal), but a"
                  + " reserved-capacity one, which deal sizes only with optimise (its GPUs,"
                  + " docs/deals.md section 5.1): add optimise");

      String below =
          upload(
              api,
              "below.yaml",
              tiers.replace("- {from: 0, discount: 0.3}", "- {from: 600_000, discount: 0.3}"));
      r =
          api.post(
              "/api/deals",
              api.planner,
              "{\"scenario\":\"" + below + "\",\"contract\":\"deal\",\"scales\":[\"1\",\"0.5\"]}",
              "application/json");
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().at("/problems/0/path").asText()).isEqualTo("scales");
      assertThat(r.json().at("/problems/0/message").asText())
          .contains("x0.5 commits 500000.00 in total, below its smallest discount tier (600000)");
      assertThat(jobs(api)).as("no job was made").isZero();
    }
  }

  /**
   * Review of issue 13, item 2: bounds no discount tier can be reached within, and a reservation's
   * bounds that straddle the capacity schedule's kink, are 400s before any job exists (they were
   * accepted as a job that then failed).
   */
  @Test
  void boundsNoTierReaches_andBoundsAcrossAKink_are400s_beforeAnyJob() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String far =
          upload(
              api,
              "far.yaml",
              Files.readString(TIERS)
                  .replace("- {from: 0, discount: 0.3}", "- {from: 500_000, discount: 0.3}"));
      var r =
          api.post(
              "/api/deals",
              api.planner,
              "{\"scenario\":\""
                  + far
                  + "\",\"contract\":\"deal\",\"samples\":4,\"optimise\":{\"bounds\":\"0..0.2\"}}",
              "application/json");
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().at("/problems/0/path").asText()).isEqualTo("optimise.bounds");
      assertThat(r.json().at("/problems/0/message").asText())
          .contains("no discount tier of deal can be reached between the bounds");
      String reserved =
          upload(
              api,
              "newsvendor-reserved.yaml",
              Files.readString(
                  SharedData.repo()
                      .resolve("nuage-core/src/test/resources/deal/newsvendor-reserved.yaml")));
      r =
          api.post(
              "/api/deals",
              api.planner,
              "{\"scenario\":\""
                  + reserved
                  + "\",\"contract\":\"reserved\",\"samples\":4,\"optimise\":{\"bounds\":\"0..20\"}}",
              "application/json");
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().at("/problems/0/path").asText()).isEqualTo("optimise.bounds");
      assertThat(r.json().at("/problems/0/message").asText())
          .contains("the capacity schedule of cloud/us-1 H100 offers 1000 GPUs beyond the other");
      assertThat(jobs(api)).as("no job was made").isZero();
    }
  }

  @Test
  void everyBadFieldAtOnce_andOtherRefusals() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      var r =
          api.post(
              "/api/deals",
              api.planner,
              "{\"samples\":0,\"scales\":[\"x\"],\"colour\":1}",
              "application/json");
      assertThat(r.status()).isEqualTo(400);
      List<String> paths = new ArrayList<>();
      r.json().get("problems").forEach(p -> paths.add(p.get("path").asText()));
      assertThat(paths)
          .containsExactlyInAnyOrder("colour", "scenario", "contract", "scales[0]", "samples");
      assertThat(api.post("/api/deals", api.planner, "[1]", "application/json").status())
          .isEqualTo(400);
      assertThat(
              api.post(
                      "/api/deals",
                      api.planner,
                      "{\"scenario\":\"sc_nope\",\"contract\":\"deal\"}",
                      "application/json")
                  .status())
          .isEqualTo(404);
      assertThat(api.get("/api/deals/dl_nope", api.viewer).status()).isEqualTo(404);
      assertThat(
              api.post("/api/deals", api.viewer, "{\"scenario\":\"x\"}", "application/json")
                  .status())
          .as("a viewer cannot start one")
          .isEqualTo(403);
      assertThat(jobs(api)).isZero();
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
