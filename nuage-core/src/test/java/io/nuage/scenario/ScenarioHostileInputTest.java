package io.nuage.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs found by review that once escaped as a stack trace or ran for long: each is now one
 * located problem, reported quickly.
 */
class ScenarioHostileInputTest {
  @TempDir Path dir;

  private List<String> problemsOf(Path file) {
    var e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                catchThrowableOfType(ValidationException.class, () -> ScenarioParser.parse(file)));
    assertThat(e).as("rejected").isNotNull();
    return e.problems().stream()
        .map(Problem::render)
        .map(s -> s.replace(file.toString(), "FILE"))
        .toList();
  }

  private List<String> problemsOf(String yaml) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml);
    return problemsOf(file);
  }

  @Test
  void deeplyNestedFlowList_isAProblemNotAStackOverflow() throws IOException {
    String yaml = "name: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n";
    assertThat(problemsOf(yaml))
        .containsExactly(
            "FILE: not valid YAML: nested too deeply (got more levels than can be read, expected"
                + " a scenario nested a few levels deep)");
  }

  /**
   * Issue 10, item 11: snakeyaml-engine's reader copied its window on every 1024 characters read,
   * so a long line took quadratic time (8 MB on one line: 26.6 s through the server). Now linear:
   * about 0.4 s here.
   */
  @Test
  void eightMegabytesOnOneLine_isReadInLinearTime() throws IOException {
    String yaml = "name: " + "a".repeat(8_000_000) + "\n";
    List<String> problems = problemsOf(yaml); // within problemsOf's 5 seconds
    assertThat(problems).isNotEmpty().allMatch(p -> p.length() < 500);
  }

  @Test
  void eightMegabytesOfQuotedText_isReadInLinearTime() throws IOException {
    String yaml = "name: \"" + "a".repeat(8_000_000) + "\"\n";
    assertThat(problemsOf(yaml)).isNotEmpty();
  }

  @Test
  void deeplyNestedBlockLists_isAProblemNotAStackOverflow() throws IOException {
    String yaml = "name: x\nhorizon:\n  " + "- ".repeat(100_000) + "x\n";
    assertThat(problemsOf(yaml))
        .containsExactly(
            "FILE: not valid YAML: nested too deeply (got more levels than can be read, expected"
                + " a scenario nested a few levels deep)");
  }

  @Test
  void directory_isNamedPlainly() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("folder.yaml"));
    assertThat(problemsOf(sub))
        .containsExactly(
            "FILE: cannot read the file (got a folder, expected a scenario YAML file)");
  }

  /** Without a horizon, growth demand once compounded up to the year 9999 (gigabytes, minutes). */
  @Test
  void missingHorizon_isReportedWithoutExpandingDemandForever() throws IOException {
    String yaml =
        ScenarioBadInputTest.BASE
            .replace("horizon: {start: 2027-01, end: 2028-12}\n", "")
            .replace("monthly-growth: 0.01", "monthly-growth: 1");
    assertThat(problemsOf(yaml))
        .containsExactly(
            "FILE:1:1: horizon: missing field (got nothing, expected a range {start: YYYY-MM, end:"
                + " YYYY-MM})");
  }

  @Test
  void horizonOfThousandsOfYears_isRejected() throws IOException {
    String yaml =
        ScenarioBadInputTest.BASE.replace(
            "horizon: {start: 2027-01, end: 2028-12}", "horizon: {start: 2027-01, end: 9999-12}");
    assertThat(problemsOf(yaml))
        .containsExactly(
            "FILE:2:10: horizon: too long (got 95676 months, expected at most 1200 months: 100"
                + " years)");
  }

  @Test
  void monthlyGrowthAboveOne_isRejectedAsTheDocsSay() throws IOException {
    String yaml = ScenarioBadInputTest.BASE.replace("monthly-growth: 0.01", "monthly-growth: 1000");
    assertThat(problemsOf(yaml))
        .containsExactly(
            "FILE:52:77: workloads[1].geographies[0].gpu-hours-per-month.monthly-growth: out of"
                + " range (got 1000, expected a fraction between 0 and 1)");
  }

  @Test
  void billionLaughs_isRejectedAtOnceWithAPlainMessage() throws IOException {
    var yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String prev = "*" + (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      yaml.append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
    }
    assertThat(problemsOf(yaml.toString()))
        .containsExactly(
            "FILE: not valid YAML: too many aliases (got more than 50 aliases of lists or"
                + " mappings, expected at most 50)");
  }
}
