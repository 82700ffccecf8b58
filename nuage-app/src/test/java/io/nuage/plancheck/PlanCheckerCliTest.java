package io.nuage.plancheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.cli.Main;
import io.nuage.plan.verify.Rule;
import io.nuage.plan.verify.Violation;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plans made by the real CLI ({@code nuage plan --format json}) pass the plan checker (the
 * main-code verifier, reading the JSON): the shipped example, and generated scenarios ({@code nuage
 * generate}) of a few sizes and seeds.
 */
class PlanCheckerCliTest {
  private static int nuage(String... args) {
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as("nuage %s: %s", String.join(" ", args), err).isZero();
    return code;
  }

  private static JsonNode planAndCheck(Path scenario, Path json, String timeLimit)
      throws Exception {
    nuage(
        "plan",
        scenario.toString(),
        "--format",
        "json",
        "--out",
        json.toString(),
        "--time-limit",
        timeLimit);
    JsonNode plan = new ObjectMapper().readTree(json.toFile());
    assertThat(PlanChecker.check(ScenarioParser.parse(scenario), plan)).isEmpty();
    return plan;
  }

  @Test
  void shippedExample_planPassesTheCheckerAndBeatsBothBaselines(@TempDir Path dir)
      throws Exception {
    Path example = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");
    JsonNode plan = planAndCheck(example, dir.resolve("plan.json"), "120");
    BigDecimal total = new BigDecimal(plan.path("totalCost").asText());
    for (JsonNode baseline : plan.path("baselines")) {
      if (baseline.path("feasible").asBoolean()) {
        assertThat(total).isLessThan(new BigDecimal(baseline.path("totalCost").asText()));
      }
    }
    jsonFieldsAreRead(ScenarioParser.parse(example), (ObjectNode) plan);
  }

  /** The JSON is read field by field: a cent changed in the file is a violation. */
  private static void jsonFieldsAreRead(Scenario scenario, ObjectNode plan) {
    var row = (ObjectNode) plan.path("placements").get(0);
    String cost = row.path("cost").asText();
    row.put("cost", new BigDecimal(cost).add(new BigDecimal("0.01")).toPlainString());
    assertThat(PlanChecker.check(scenario, plan)).extracting(Violation::rule).contains(Rule.COST);
    row.put("cost", cost);
    String total = plan.path("totalCost").asText();
    plan.put("totalCost", new BigDecimal(total).add(new BigDecimal("0.01")).toPlainString());
    assertThat(PlanChecker.check(scenario, plan)).extracting(Violation::rule).contains(Rule.TOTAL);
    plan.put("totalCost", total);
    plan.remove("lowerBound");
    assertThat(PlanChecker.check(scenario, plan))
        .extracting(Violation::rule)
        .containsExactly(Rule.SHAPE);
  }

  @ParameterizedTest
  @CsvSource({"20, 3, 24, 7", "40, 6, 36, 11"})
  void generatedScenario_planPassesTheChecker(
      int runs, int fleets, int months, long seed, @TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("generated.yaml");
    nuage(
        "generate",
        "--training-runs",
        String.valueOf(runs),
        "--fleets",
        String.valueOf(fleets),
        "--months",
        String.valueOf(months),
        "--seed",
        String.valueOf(seed),
        "--data",
        SharedData.root().toString(),
        "--out",
        scenario.toString());
    JsonNode plan = planAndCheck(scenario, dir.resolve("plan.json"), "20");
    assertThat(plan.path("status").asText()).isIn("OPTIMAL", "FEASIBLE");
  }
}
