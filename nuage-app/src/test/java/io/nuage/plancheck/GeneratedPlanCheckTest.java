package io.nuage.plancheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.PlanJson;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.scenario.ScenarioParser;
import io.nuage.scenario.generate.GenerateSpec;
import io.nuage.scenario.generate.ScenarioGenerator;
import io.nuage.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generated scenarios are feasible, and the planner's plans of them pass the checker. */
class GeneratedPlanCheckTest {
  @ParameterizedTest
  @CsvSource({"20, 3, 24, 7", "40, 6, 36, 11"})
  void generatedScenario_isPlannedAndThePlanPassesTheChecker(
      int runs, int fleets, int months, long seed) {
    String yaml =
        ScenarioGenerator.generate(
            new GenerateSpec(runs, fleets, months, seed, 2), SharedData.root());
    var scenario = ScenarioParser.parse(yaml, "generated.yaml", Path.of("."));
    String json = PlanJson.write(Planner.plan(scenario, PlanOptions.defaults().withTimeLimit(20)));
    assertThat(json).doesNotContain("\"status\": \"INFEASIBLE\"");
    assertThat(PlanChecker.check(scenario, json)).isEmpty();
  }
}
