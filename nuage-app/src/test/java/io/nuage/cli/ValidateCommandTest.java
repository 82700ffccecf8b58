package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.Repo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nuage validate} through the real entry point, in-process. */
class ValidateCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A copy of the shipped example (and its catalog file) with {@code edits} applied. */
  private Path exampleCopy(String... edits) throws IOException {
    Path root = Repo.root().resolve("examples");
    Files.createDirectories(dir.resolve("catalog"));
    Files.copy(
        root.resolve("catalog/frontier-lab-2027-prices.yaml"),
        dir.resolve("catalog/frontier-lab-2027-prices.yaml"));
    String text = Files.readString(root.resolve("frontier-lab-2027.yaml"));
    for (int i = 0; i < edits.length; i += 2) {
      assertThat(text).contains(edits[i]);
      text = text.replaceFirst(java.util.regex.Pattern.quote(edits[i]), edits[i + 1]);
    }
    Path file = dir.resolve("frontier-lab-2027.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
    throw new AssertionError(text + " not in " + file);
  }

  @Test
  void shippedExample_isValidWithOneSummaryLine() {
    Path example = Repo.root().resolve("examples/frontier-lab-2027.yaml");
    Run r = run("validate", example.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    // the summary is one line, broken within 100 columns on the terminal
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    assertThat(r.out().replace("\n  ", " ").lines().toList())
        .containsExactly(
            example
                + ": valid: 5 providers, 15 regions, 3 accelerators, 32 offerings, 45 capacity"
                + " steps, 5 contracts, 19 workloads (11 training runs, 5 inference fleets, 3"
                + " storage)");
  }

  @Test
  void badMonthUnknownProviderAndNegativeAmount_exitTwoNamingAllThreeWithLines()
      throws IOException {
    Path file =
        exampleCopy(
            "earliest-start: 2027-08", "earliest-start: 2027-13",
            "provider: nebius", "provider: nebulus",
            "committed-tb: 200_000", "committed-tb: -200_000");
    Run r = run("validate", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    int month = lineOf(file, "earliest-start: 2027-13");
    int provider = lineOf(file, "provider: nebulus");
    int amount = lineOf(file, "committed-tb: -200_000");
    assertThat(r.err().lines().toList())
        .containsExactly(
            file
                + ":"
                + amount
                + ":19: contracts[3].committed-tb: negative amount (got -200_000,"
                + " expected an amount of 0 or more)",
            file
                + ":"
                + provider
                + ":15: contracts[4].provider: unknown provider (got nebulus,"
                + " expected one of azure, gcp, lambda, nebius, oci)",
            file
                + ":"
                + month
                + ":44: workloads[2].earliest-start: impossible month (got"
                + " 2027-13, expected YYYY-MM with a month 01 to 12)");
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void jsonFormat_listsProblemsWithTheirLocations() throws IOException {
    Path file = exampleCopy("max-share: 0.80", "max-share: 1.5");
    Run r = run("validate", "--format", "json", file.toString());
    assertThat(r.code()).isEqualTo(2);
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode entry = json.get("files").get(0);
    assertThat(entry.get("valid").asBoolean()).isFalse();
    JsonNode problem = entry.get("problems").get(0);
    assertThat(problem.get("line").asInt()).isEqualTo(lineOf(file, "max-share: 1.5"));
    assertThat(problem.get("path").asText()).isEqualTo("policy.max-share");
    assertThat(problem.get("message").asText())
        .isEqualTo("out of range (got 1.5, expected a fraction between 0 and 1)");
  }

  @Test
  void jsonFormat_summarisesAValidFile() throws IOException {
    Run r = run("validate", "--format", "json", exampleCopy().toString());
    assertThat(r.code()).isZero();
    JsonNode summary = new ObjectMapper().readTree(r.out()).get("files").get(0).get("summary");
    assertThat(summary.get("offerings").asInt()).isEqualTo(32);
    assertThat(summary.get("contracts").asInt()).isEqualTo(5);
  }

  @Test
  void severalFiles_reportEachAndExitTwoIfAnyIsBad() throws IOException {
    Path good = Repo.root().resolve("examples/frontier-lab-2027.yaml");
    Path missing = dir.resolve("missing.yaml");
    Run r = run("validate", good.toString(), missing.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains(good + ": valid: ");
    assertThat(r.err().strip()).isEqualTo(missing + ": cannot read the file (it does not exist)");
  }

  @Test
  void unknownFormat_isAUsageError() {
    Run r = run("validate", "--format", "xml", "x.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("got xml, expected text or json");
  }
}
