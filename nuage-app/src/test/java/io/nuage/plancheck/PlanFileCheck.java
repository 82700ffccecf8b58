package io.nuage.plancheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.scenario.ScenarioParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Checks any plan file on demand, e.g. the benchmark's plans: {@code mvn -o -pl nuage-app -am test
 * -Dtest=PlanFileCheck -Dsurefire.failIfNoSpecifiedTests=false -Dplancheck.scenario=S.yaml
 * -Dplancheck.plan=P.json}. Its name does not end in Test, so the suite never runs (or skips) it.
 */
class PlanFileCheck {
  @Test
  void givenPlanFile_passesTheChecker() throws Exception {
    var scenario = ScenarioParser.parse(Path.of(System.getProperty("plancheck.scenario")));
    var plan = new ObjectMapper().readTree(Path.of(System.getProperty("plancheck.plan")).toFile());
    var violations = PlanChecker.check(scenario, plan);
    violations.stream().limit(50).forEach(System.out::println);
    assertThat(violations).isEmpty();
  }
}
