package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input to {@code generate-billing --from-plan}: a located message on stderr,
 * exit 2, no stack trace, and no file written.
 */
class GenerateBillingFromPlanBadInputTest {
  @TempDir static Path dir;
  static Path plan;
  static String planText;

  @BeforeAll
  static void plan() throws Exception {
    plan = BillingFixture.plan(dir);
    planText = Files.readString(plan);
  }

  /** Runs the command with {@code --out} in a fresh folder; checks exit 2 and nothing written. */
  private static String refused(List<String> args) throws Exception {
    Path out = Files.createTempDirectory(dir, "out").resolve("bills.csv");
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--out", out.toString()));
    Cli r = Cli.run(all);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("Exception", "\tat ", "internal error");
    assertThat(out).doesNotExist();
    try (var left = Files.list(out.getParent())) {
      assertThat(left).as("no temporary file left").isEmpty();
    }
    return r.err();
  }

  private static List<String> with(Path planFile, String until, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate-billing",
                "--from-plan",
                planFile.toString(),
                "--scenario",
                BillingFixture.SCENARIO.toString(),
                "--until",
                until));
    args.addAll(List.of(more));
    return args;
  }

  private static Path planFile(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void plan_missingNotJsonNotAPlanOrInfeasible_isNamed() throws Exception {
    assertThat(refused(with(dir.resolve("nope.json"), "2027-03")))
        .contains("nope.json: no such plan file");
    assertThat(
            refused(
                with(
                    planFile("broken.json", "{\"status\": \"OPTIMAL\",\n  \"placements\": [}"),
                    "2027-03")))
        .containsPattern("broken.json:2:\\d+: not JSON")
        .contains("expected the plan JSON of `nuage plan --format json`");
    assertThat(
            refused(with(planFile("scenario.json", "{\"name\": \"five-providers\"}"), "2027-03")))
        .contains("scenario.json: status: missing");
    assertThat(
            refused(
                with(
                    planFile(
                        "infeasible.json",
                        "{\"status\": \"INFEASIBLE\", \"scenario\": \"five-providers\", \"placements\": []}"),
                    "2027-03")))
        .contains("status: INFEASIBLE: an infeasible plan places nothing to bill");
  }

  @Test
  void plan_aReplan_isRefusedNamingItsAsOfDate() throws Exception {
    String replan =
        planText.replaceFirst(
            "\\{",
            "{\"fixedPast\": {\"asOf\": \"2027-07-01\", \"firstOpenMonth\": \"2027-07\","
                + " \"runningRuns\": [], \"finishedRuns\": []},");
    assertThat(refused(with(planFile("replan.json", replan), "2027-12")))
        .contains("replan.json: fixedPast: this is a re-plan as of 2027-07-01, not a plan")
        .contains("bill from the plan it followed");
  }

  @Test
  void plan_aBadPlacementField_isLocated() throws Exception {
    String text = planText.replaceFirst("\"gpuHours\": \"[0-9.]+\"", "\"gpuHours\": \"lots\"");
    assertThat(refused(with(planFile("hours.json", text), "2027-03")))
        .contains(
            "hours.json: placements[0].gpuHours: not a decimal (got \"lots\", expected e.g. \"12.50\")");
    String month = planText.replaceFirst("\"month\": \"2027-[0-9]+\"", "\"month\": \"2027-13\"");
    assertThat(refused(with(planFile("month.json", month), "2027-03")))
        .contains("placements[0].month: not a month (got \"2027-13\", expected YYYY-MM)");
  }

  @Test
  void plan_ofAnotherVersionOfTheScenario_isRefusedAtItsFirstPlacement() throws Exception {
    // azure's on-demand rate is 6.10 less the rate card's 15%: 5.185
    String text = planText.replace("\"rate\": \"5.185\"", "\"rate\": \"5.2\"");
    assertThat(text).isNotEqualTo(planText);
    assertThat(refused(with(planFile("rate.json", text), "2027-03")))
        .containsPattern(
            "placements\\[\\d+\\] \\(chat azure/eastus2 H100 2027-01\\)\\.rate: 5.2 is not the list price 6.10 less the rate card's discount 0.15 \\(expected 5.185\\)")
        .contains("plan it again");
    String otherName =
        planText.replace("\"scenario\": \"five-providers\"", "\"scenario\": \"tiny-lab\"");
    assertThat(refused(with(planFile("other.json", otherName), "2027-03")))
        .contains("the plan is of scenario 'tiny-lab'");
  }

  @Test
  void until_notAMonthOrOutsideThePlan_isRefused() throws Exception {
    assertThat(refused(with(plan, "2027-1")))
        .contains("--until: '2027-1' is not a month (expected YYYY-MM");
    assertThat(refused(with(plan, "2026-12")))
        .contains(
            "--until 2026-12 is before the plan's first month 2027-01 (expected 2027-01 to 2027-12");
    assertThat(refused(with(plan, "2028-01")))
        .contains("--until 2028-01 is after the plan's last month 2027-12");
    List<String> noUntil =
        new ArrayList<>(List.of("generate-billing", "--from-plan", plan.toString()));
    assertThat(refused(noUntil)).contains("--from-plan needs --until YYYY-MM");
  }

  @Test
  void drift_eachBadSpec_namesTheDriftAndWhatWasExpected() throws Exception {
    assertThat(refused(with(plan, "2027-06", "--drift", "demand+15%")))
        .contains(
            "--drift 'demand+15%': expected KIND[:PROVIDER]=PERCENT[@YYYY-MM], e.g. demand=+15%@2027-04");
    assertThat(refused(with(plan, "2027-06", "--drift", "price:ocii=+3%")))
        .contains("unknown provider 'ocii' (expected one of azure, gcp, lambda, nebius, oci)");
    assertThat(refused(with(plan, "2027-06", "--drift", "demand=+99999999999999999999%")))
        .contains("'+99999999999999999999%' is too large (expected at most +1000%");
    assertThat(refused(with(plan, "2027-06", "--drift", "overbill:azure=-2%")))
        .contains("an overbill is billed above the contract (got -2%, expected above 0%)");
    assertThat(refused(with(plan, "2027-06", "--drift", "demand=+15%@2027-07")))
        .contains("2027-07 is after --until 2027-06 (the drift would change nothing)");
  }

  @Test
  void scenario_notFoundOrOfAnotherName_isRefused() throws Exception {
    // without --scenario, the plan's scenario name is looked up beside the plan: not there
    Path alone = Files.createDirectories(dir.resolve("alone")).resolve("plan.json");
    Files.writeString(alone, planText);
    List<String> args =
        List.of("generate-billing", "--from-plan", alone.toString(), "--until", "2027-03");
    assertThat(refused(args))
        .contains("scenario: 'five-providers' names no scenario file (looked for")
        .contains("give it with --scenario FILE");
    Path tiny =
        Files.writeString(
            dir.resolve("tiny.yaml"),
            Files.readString(BillingFixture.SCENARIO)
                .replace("name: five-providers", "name: tiny"));
    assertThat(
            refused(
                List.of(
                    "generate-billing",
                    "--from-plan",
                    plan.toString(),
                    "--until",
                    "2027-03",
                    "--scenario",
                    tiny.toString())))
        .contains("the plan is of scenario 'five-providers', not of " + tiny);
  }

  @Test
  void options_thatDoNotGoTogether_areRefused() throws Exception {
    assertThat(refused(with(plan, "2027-03", "--rows", "10")))
        .contains("--rows and --from-plan are exclusive");
    assertThat(
            refused(
                List.of(
                    "generate-billing",
                    "--rows",
                    "10",
                    "--until",
                    "2027-03",
                    "--drift",
                    "demand=+1%")))
        .contains("--until, --drift go with --from-plan");
    assertThat(refused(List.of("generate-billing")))
        .contains("give --from-plan PLAN.json --until YYYY-MM");
    assertThat(
            refused(
                with(
                    plan,
                    "2027-03",
                    "--focus-version",
                    "1.2",
                    "--commitments-out",
                    dir.resolve("c.csv").toString())))
        .contains("--commitments-out: the Contract Commitment dataset is FOCUS 1.3");
    assertThat(dir.resolve("c.csv")).doesNotExist();
    assertThat(refused(with(plan, "2027-03", "--focus-version", "1.1")))
        .contains("--focus-version: '1.1' (expected 1.2 or 1.3");
    assertThat(refused(with(plan, "2027-03", "--charge-period", "hour")))
        .contains("--charge-period: 'hour' (expected day");
  }

  @Test
  void help_rendersEveryLineAndTheDriftSyntax() {
    Cli help = Cli.run("generate-billing", "--help");
    assertThat(help.code()).isZero();
    // a % not doubled in a picocli text makes it print the raw text, %n and all
    assertThat(help.out().replaceAll("\\s+", " "))
        .doesNotContain("%n")
        .contains("demand=+15%@2027-04")
        .contains("--from-plan=PLAN.json")
        .contains("default: 1.3");
  }

  @Test
  void outputs_theSameFileOrAFolder_areRefusedBeforeAnyWork() throws Exception {
    Path same = dir.resolve("same.csv");
    Cli r =
        Cli.run(
            with(plan, "2027-03", "--out", same.toString(), "--commitments-out", same.toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--out and --commitments-out are the same file");
    assertThat(same).doesNotExist();
    Cli folder = Cli.run(with(plan, "2027-03", "--out", dir.toString()));
    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err()).contains("--out: " + dir + " is a folder");
  }
}
