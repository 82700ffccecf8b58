package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.plan.history.Plans;
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

  /**
   * Review of issue 14, item 15: a store that does not open was found after the plan (12 s of
   * solving, then exit 2). The example takes seconds to plan; the store is refused before that.
   */
  @Test
  void report_withAStoreThatDoesNotOpen_refusesItBeforePlanning(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("broken.duckdb");
    Files.writeString(db, "not a DuckDB file, though not empty either\n".repeat(200));
    Path out = dir.resolve("report.html");
    Path example = io.nuage.testing.SharedData.repo().resolve("examples/frontier-lab-2027.yaml");
    long started = System.nanoTime();

    Run run = nuage("report", example.toString(), "--db", db.toString(), "--out", out.toString());

    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("--db: ").contains("broken.duckdb");
    assertThat(run.err()).doesNotContain("planning frontier-lab-2027");
    // planning the example alone takes about 10 s on the build machine
    assertThat(seconds).as("refused before the plan").isLessThan(5);
    assertThat(out).doesNotExist();
  }

  /**
   * Review of issue 14: a report only reads the ledger, yet it opened the store as every command
   * does and migrated it (the default store included, which the user never named). A store an older
   * nuage wrote is now refused with what to do, and its bytes are left as they were.
   */
  @Test
  void report_neverChangesTheStoreItReads_anOlderOneIsRefusedUnmigrated(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("older.duckdb");
    int latest;
    try (io.nuage.store.Store store = io.nuage.store.Store.open(db);
        java.sql.Statement s = store.connection().createStatement()) {
      latest = store.schemaVersion();
      s.execute("DELETE FROM schema_version WHERE version = " + latest);
    }
    byte[] before = Files.readAllBytes(db);
    Path out = dir.resolve("report.html");

    Run run =
        nuage(
            "report",
            resource("tiny-lab.yaml").toString(),
            "--db",
            db.toString(),
            "--out",
            out.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains("--db: ")
        .contains("older than this nuage's (" + latest + ")")
        .contains("nuage ingestions --db");
    assertThat(Files.readAllBytes(db)).as("the store's bytes").isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .as("nothing written beside the store, no report")
          .containsExactly("older.duckdb");
    }
  }

  /** A current store is read, not written: its bytes are the same after the report. */
  @Test
  void report_readsACurrentStore_andLeavesItsBytesAsTheyWere(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("ledger.duckdb");
    try (io.nuage.store.Store store = io.nuage.store.Store.open(db)) {
      assertThat(store.schemaVersion()).isPositive();
    }
    byte[] before = Files.readAllBytes(db);
    Path out = dir.resolve("report.html");

    Run run =
        nuage(
            "report",
            resource("tiny-lab.yaml").toString(),
            "--db",
            db.toString(),
            "--out",
            out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.readAllBytes(db)).as("the store's bytes").isEqualTo(before);
    assertThat(Files.exists(Path.of(db + ".wal"))).as("no write-ahead log").isFalse();
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

  /**
   * Issue 12 review, finding 1: a risk JSON of another version of the same scenario (same name,
   * another demand) was shown as this version's odds; it names the file's version and is refused.
   */
  @Test
  void report_riskOfAnotherVersionOfTheScenario_isRefusedWithBothHashes(@TempDir Path dir)
      throws Exception {
    Path scenario = Files.copy(RiskCommandTest.TWO_POINT, dir.resolve("two-point.yaml"));
    Path risk = dir.resolve("risk.json");
    Run computed =
        nuage(
            "risk",
            scenario.toString(),
            "--samples",
            "all",
            "--format",
            "json",
            "--quiet",
            "--out",
            risk.toString());
    assertThat(computed.code()).as(computed.err()).isZero();
    String before = Plans.contentHash(Files.readAllBytes(scenario));
    assertThat(new ObjectMapper().readTree(risk.toFile()).get("scenarioHash").asText())
        .isEqualTo(before);
    Path out = dir.resolve("report.html");
    Run same =
        nuage("report", scenario.toString(), "--risk", risk.toString(), "--out", out.toString());
    assertThat(same.code()).as(same.err()).isZero();
    Files.delete(out);

    Files.writeString(
        scenario, Files.readString(scenario).replace("initial: 100_000", "initial: 110_000"));
    String after = Plans.contentHash(Files.readAllBytes(scenario));
    assertThat(after).isNotEqualTo(before);
    Run run =
        nuage("report", scenario.toString(), "--risk", risk.toString(), "--out", out.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            risk
                + ":3: scenarioHash: the risk was computed from another version of "
                + scenario
                + " (got "
                + before
                + ", expected "
                + after
                + ", the SHA-256 of "
                + scenario
                + " as it is now); re-run `nuage risk "
                + scenario
                + " --format json` on this scenario")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  /** The same for a concentration JSON, and for one that names no version (an older file). */
  @Test
  void report_concentrationOfAnotherVersionOrOfNone_isRefused(@TempDir Path dir) throws Exception {
    Path scenario = Files.copy(WhatifCommandTest.TWO_CLOUDS, dir.resolve("two-clouds.yaml"));
    Path concentration = dir.resolve("concentration.json");
    Run computed =
        nuage(
            "whatif",
            scenario.toString(),
            "--concentration",
            "--format",
            "json",
            "--out",
            concentration.toString());
    assertThat(computed.code()).as(computed.err()).isZero();
    String before = Plans.contentHash(Files.readAllBytes(scenario));
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(concentration.toFile());
    assertThat(json.get("scenarioHash").asText()).isEqualTo(before);
    Path unversioned = dir.resolve("unversioned.json");
    json.remove("scenarioHash");
    Files.writeString(unversioned, json.toPrettyString());
    Path out = dir.resolve("report.html");

    Run none =
        nuage(
            "report",
            scenario.toString(),
            "--concentration",
            unversioned.toString(),
            "--out",
            out.toString());

    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err())
        .startsWith(
            unversioned
                + ": scenarioHash: the concentration does not say which version of the scenario"
                + " file it was computed from (got none, expected "
                + before)
        .contains(
            "re-run `nuage whatif "
                + scenario
                + " --concentration --format json` on this scenario");

    Files.writeString(
        scenario,
        Files.readString(scenario).replace("price-per-gpu-hour: 3.00", "price-per-gpu-hour: 3.50"));
    Run other =
        nuage(
            "report",
            scenario.toString(),
            "--concentration",
            concentration.toString(),
            "--out",
            out.toString());

    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err())
        .contains(
            ": scenarioHash: the concentration was computed from another version of " + scenario)
        .contains(
            "(got " + before + ", expected " + Plans.contentHash(Files.readAllBytes(scenario)));
    assertThat(out).doesNotExist();
  }

  @Test
  void report_withoutOut_isAUsageError() {
    Run run = nuage("report", resource("tiny-lab.yaml").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option: '--out=FILE'");
  }
}
