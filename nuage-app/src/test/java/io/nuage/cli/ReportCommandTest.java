package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  static Path resource(String name) {
    try {
      return Path.of(ReportCommandTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  record Run(int code, String out, String err) {}

  static Run nuage(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void report_withoutPlan_plansTheScenarioAndInlinesThePlan(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("report.html");

    Run run = nuage("report", resource("tiny-lab.yaml").toString(), "--out", out.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("report: " + out.toAbsolutePath() + System.lineSeparator());
    String html = Files.readString(out);
    assertThat(html.contains("<title>Nuage report: tiny-lab</title>")).isTrue();
    JsonNode bundle = inlinedBundle(html);
    assertThat(bundle.at("/plan/status").asText()).isEqualTo("OPTIMAL");
    assertThat(bundle.at("/plan/placements").size()).isPositive();
    assertThat(bundle.at("/policy/maxShareByProvider/lambda").asText()).isEqualTo("0.5");
    assertThat(bundle.get("ledger").isNull()).isTrue();
  }

  /** The data the report inlines, as its page reads it. */
  static JsonNode inlinedBundle(String html) throws Exception {
    String open = "<script type=\"application/json\" id=\"nuage-bundle\">";
    int start = html.indexOf(open) + open.length();
    return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
  }

  @Test
  void report_withMalformedPlanFile_saysWhereAndWritesNothing(@TempDir Path dir) throws Exception {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, "{\n  \"status\": \"OPTIMAL\",\n  \"totalCost\": \n}");
    Path out = dir.resolve("report.html");

    Run run =
        nuage(
            "report",
            resource("tiny-lab.yaml").toString(),
            "--plan",
            plan.toString(),
            "--out",
            out.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(plan + ":4:1: not JSON (")
        .contains("expected the plan JSON of `nuage plan --format json`")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void report_withJsonThatIsNotAPlan_namesTheMissingField(@TempDir Path dir) throws Exception {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, "[1, 2]");
    Path out = dir.resolve("report.html");

    Run run =
        nuage(
            "report",
            resource("tiny-lab.yaml").toString(),
            "--plan",
            plan.toString(),
            "--out",
            out.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            plan
                + ": status: missing (got array, expected the plan JSON of `nuage plan --format"
                + " json`, with a \"status\" field)"
                + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @Test
  void report_withInvalidScenario_printsTheLocatedProblem(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("bad.yaml");
    Files.writeString(
        scenario,
        Files.readString(resource("tiny-lab.yaml")).replace("max-share: 0.9", "max-share: 1.9"));
    Path out = dir.resolve("report.html");

    Run run = nuage("report", scenario.toString(), "--out", out.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(scenario.getFileName().toString()).contains("max-share");
    assertThat(out).doesNotExist();
  }

  @Test
  void report_withoutOut_isAUsageError() {
    Run run = nuage("report", resource("tiny-lab.yaml").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option: '--out=FILE'");
  }
}
