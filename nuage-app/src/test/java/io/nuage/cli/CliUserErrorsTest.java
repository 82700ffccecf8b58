package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 15: each of the walk-through's CLI surprises, as a user meets it. */
class CliUserErrorsTest {
  @TempDir Path dir;

  static final Path FINOPS_SCENARIO =
      SharedData.repo().resolve("nuage-app/src/test/resources/ledger/finops-sample.yaml");

  static Path sample() {
    return SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv");
  }

  /** {@code ledger reconcile} of the FinOps scenario on a store not made, with more options. */
  private Cli reconcileWithNoStore(String... more) {
    return Cli.reconcile(FINOPS_SCENARIO, dir.resolve("none.duckdb"), more);
  }

  @Test
  void reconcileAsOf_isRefusedNotIgnored() {
    Cli r = reconcileWithNoStore("--as-of", "2024-01-01");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown options: '--as-of'").doesNotContain("\tat ");
  }

  @Test
  void reconcileWithANegativeLimit_isAUserError() {
    Cli r = reconcileWithNoStore("--limit", "-3");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--limit").contains("-3").contains("0 or more");
    assertThat(dir.resolve("none.duckdb")).doesNotExist();
  }

  @Test
  void generateIntoAFolder_isRefusedBeforeGenerating() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("scenarios"));
    Cli r =
        Cli.run(
            "generate",
            "--training-runs",
            "5",
            "--fleets",
            "1",
            "--months",
            "12",
            "--out",
            folder + "/");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--out").contains("is a folder").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void demoIntoAPlaceItCannotCreate_isRefusedBeforePlanning() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Cli r = Cli.run("demo", "--out-dir", file.resolve("demo").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--out-dir").contains("cannot create").doesNotContain("\tat ");
    assertThat(r.out()).doesNotContain("Planning");
  }

  @Test
  void infeasibleFleet_eachReasonOnceInTheJson() throws IOException {
    Path scenario = infeasibleTinyLab();
    Cli r = Cli.run("plan", scenario.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    var reasons = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    var messages = new java.util.ArrayList<String>();
    reasons.get("infeasibility").forEach(x -> messages.add(x.get("message").asText()));
    assertThat(messages).isNotEmpty().doesNotHaveDuplicates();
  }

  @Test
  void infeasiblePlanTable_printsEachReasonOnceOnTheTerminal() throws IOException {
    Path scenario = infeasibleTinyLab();
    Cli r = Cli.run("plan", scenario.toString());
    assertThat(r.code()).isEqualTo(3);
    String both = r.out() + r.err();
    String reason = "inference fleet chat has demand in EU but none of its allowed regions";
    assertThat(both.split(Pattern.quote(reason), -1)).as(both).hasSize(2);
    assertThat(r.err()).contains("has no feasible plan");
  }

  /** tiny-lab whose EU fleet may use only H100, which Frankfurt lacks: two months unplaceable. */
  private Path infeasibleTinyLab() throws IOException {
    String text =
        Files.readString(ReportCommandTest.resource("tiny-lab.yaml"))
            .replace(
                "kind: inference-fleet\n    accelerators: [H100, B200]",
                "kind: inference-fleet\n    accelerators: [H100]");
    assertThat(text).contains("inference-fleet\n    accelerators: [H100]\n");
    return Files.writeString(dir.resolve("tiny-lab.yaml"), text);
  }

  @Test
  void ingestAFolder_saysItIsAFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("exports"));
    Path db = dir.resolve("nuage.duckdb");
    Cli r = Cli.run("ingest", "--db", db.toString(), folder.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            folder + ": a folder, not a file (expected FOCUS files: give them, e.g. " + folder)
        .doesNotContain("no such file");
    assertThat(db).as("nothing is created for a command that cannot run").doesNotExist();
  }

  @Test
  void reportWithThePlanOfAnotherScenario_isRefused() throws IOException {
    Path plan =
        Files.writeString(
            dir.resolve("plan.json"), "{\"scenario\": \"other-lab\", \"status\": \"OPTIMAL\"}");
    Path out = dir.resolve("report.html");
    Cli r =
        Cli.run(
            "report",
            ReportCommandTest.resource("tiny-lab.yaml").toString(),
            "--plan",
            plan.toString(),
            "--out",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            plan
                + ": scenario: the plan is of another scenario (got other-lab, expected tiny-lab,"
                + " the scenario given)"
                + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @Test
  void reportHonoursNuageDb() throws Exception {
    Path db = dir.resolve("ledger.duckdb");
    Cli ingest = Cli.run("ingest", "--db", db.toString(), sample().toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    Path plan =
        Files.writeString(
            dir.resolve("plan.json"),
            "{\"scenario\": \"finops-sample\", \"status\": \"OPTIMAL\", \"placements\": [],"
                + " \"egress\": [], \"storage\": [], \"reservations\": [], \"contracts\": []}");
    Path out = dir.resolve("report.html");
    var env = new HashMap<String, String>();
    env.put("NUAGE_DB", db.toString());
    env.put("HOME", dir.resolve("home").toString());
    CliProcess r =
        CliProcess.run(
            env,
            "report",
            FINOPS_SCENARIO.toString(),
            "--plan",
            plan.toString(),
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    var bundle = ReportCommandTest.inlinedBundle(Files.readString(out));
    assertThat(bundle.get("ledger").isNull())
        .as("the ledger of NUAGE_DB is in the report")
        .isFalse();
  }

  @Test
  void defaultStore_isUnderHomeFromTheEnvironment() {
    Path home = dir.resolve("home");
    var env = new HashMap<String, String>();
    env.put("HOME", home.toString());
    env.put("NUAGE_DB", null);
    CliProcess r = CliProcess.run(env, "token", "create", "--role", "viewer");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(home.resolve(".nuage/nuage.duckdb")).isRegularFile();
  }

  @Test
  void wrongNuageSharedData_isAnErrorNotAFallback() {
    var env = new HashMap<String, String>();
    env.put("NUAGE_SHARED_DATA", dir.resolve("nowhere").toString());
    // from the repository's root, ../shared/data exists: the fallback the variable must not take
    CliProcess r =
        CliProcess.runIn(
            SharedData.repo(),
            Main.class,
            env,
            "generate",
            "--training-runs",
            "1",
            "--fleets",
            "1",
            "--months",
            "3");
    assertThat(r.code()).as(r.out()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "nuage generate: NUAGE_SHARED_DATA: no shared data folder at "
                + dir.resolve("nowhere")
                + " (expected a folder holding gpu_prices/ and gpu_traces/)"
                + System.lineSeparator());
  }

  @Test
  void version_isTheBuildsVersion() throws IOException {
    String pom = Files.readString(SharedData.repo().resolve("pom.xml"));
    var m =
        Pattern.compile("<artifactId>nuage-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(m.find()).isTrue();
    Cli r = Cli.run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("nuage " + m.group(1) + System.lineSeparator());
  }

  /** On a terminal the table and the line after it share one stream's order: table first. */
  @Test
  void infeasiblePlanTable_theLineAfterTheTableComesAfterIt() throws IOException {
    Path scenario = infeasibleTinyLab();
    var both = new java.io.StringWriter();
    // as on a terminal: standard output buffered, standard error written at once
    var out = new java.io.PrintWriter(new java.io.BufferedWriter(both), true);
    var err = new java.io.PrintWriter(both, true);
    int code = Main.run(new String[] {"plan", scenario.toString()}, out, err);
    assertThat(code).isEqualTo(3);
    String text = both.toString();
    assertThat(text.indexOf("Plan for tiny-lab: INFEASIBLE"))
        .as(text)
        .isNotNegative()
        .isLessThan(text.indexOf("the reasons are above"));
  }

  @Test
  void subcommandVersion_printsTheVersionAsTheRootDoes() {
    Cli root = Cli.run("--version");
    for (String[] args :
        new String[][] {{"plan", "--version"}, {"ledger", "reconcile", "-V"}, {"serve", "-V"}}) {
      Cli r = Cli.run(args);
      assertThat(r.code()).isZero();
      assertThat(r.out()).as(String.join(" ", args)).isEqualTo(root.out());
    }
  }

  @Test
  void ingestAMissingFile_createsNoStore() {
    Path db = dir.resolve("nuage.duckdb");
    Cli r = Cli.run("ingest", "--db", db.toString(), dir.resolve("nosuch.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nosuch.csv: no such file");
    assertThat(db).as("nothing is created for a command that cannot run").doesNotExist();
  }

  @Test
  void serverNotAUrl_isAPlainMessageWithoutJavaNames() {
    Cli r =
        Cli.run("ledger", "--server", "127.0.0.1:8080", "--scenario", FINOPS_SCENARIO.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("--server: not a server URL (got 127.0.0.1:8080, expected e.g.")
        .doesNotContain("java.")
        .doesNotContain("Exception");
  }

  /** The server reads its own store: an engine or export given with it was silently ignored. */
  @Test
  void serverWithAnEngineOrAnExport_isRefusedByName() {
    String scenario = FINOPS_SCENARIO.toString();
    String server = "http://127.0.0.1:1";
    Cli spark =
        Cli.run(
            "ledger",
            "--server",
            server,
            "--scenario",
            scenario,
            "--engine",
            "spark",
            "--parquet",
            dir.toString());
    assertThat(spark.code()).isEqualTo(2);
    assertThat(spark.err()).contains("--engine spark: not with --server");
    Cli parquet =
        Cli.run(
            "ledger",
            "reconcile",
            "--server",
            server,
            "--scenario",
            scenario,
            "--parquet",
            dir.toString());
    assertThat(parquet.code()).isEqualTo(2);
    assertThat(parquet.err()).contains("--parquet: not with --server");
  }

  /** A directory that is no export is refused before a Spark session would start (seconds). */
  @Test
  void engineSpark_aMissingExport_isRefusedBeforeAnyEngineIsLookedFor() {
    Cli r =
        Cli.run(
            "ledger",
            "--engine",
            "spark",
            "--parquet",
            dir.resolve("none").toString(),
            "--scenario",
            FINOPS_SCENARIO.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--parquet " + dir.resolve("none") + ": no such directory");
  }

  @Test
  void reportTimeLimitNotPositive_exitsTwoNamingTheOption() {
    Path out = dir.resolve("report.html");
    var env = new HashMap<String, String>();
    env.put("HOME", dir.resolve("home").toString()); // no default store: the report plans alone
    env.put("NUAGE_DB", null);
    CliProcess r =
        CliProcess.run(
            env,
            "report",
            ReportCommandTest.resource("tiny-lab.yaml").toString(),
            "--time-limit",
            "0",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "--time-limit 0: expected a number of seconds greater than 0 and at most 1000000 (about 11.6 days)"
                + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @Test
  void reportPlanMissing_saysSoInWords() {
    Path plan = dir.resolve("nosuch.json");
    Cli r =
        Cli.run(
            "report",
            ReportCommandTest.resource("tiny-lab.yaml").toString(),
            "--plan",
            plan.toString(),
            "--out",
            dir.resolve("report.html").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            plan + ": cannot read the plan file (no such file or folder)" + System.lineSeparator());
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
