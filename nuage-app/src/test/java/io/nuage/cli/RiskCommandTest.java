package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nuage risk} through the real CLI (docs/risk.md, docs/risk-json.md): the closed-form
 * instance of issue 12 exactly, the same JSON whatever the threads, a breach priced and never
 * dropped, adapt from a plan file, and bad input as located messages with exit 2.
 */
class RiskCommandTest {
  @TempDir Path dir;

  /** The two-point instance: its figures are worked out in the file's comment. */
  static final Path TWO_POINT =
      SharedData.repo().resolve("nuage-core/src/test/resources/risk/two-point-demand.yaml");

  static final Path SHORT =
      SharedData.repo().resolve("nuage-core/src/test/resources/risk/short-of-capacity.yaml");

  static final Path EXAMPLE = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");

  static JsonNode json(Cli r) throws Exception {
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  /**
   * Issue 12 review, finding 2: one future cannot estimate any standard error; the JSON says null
   * and the table n/a, where both printed 0.00.
   */
  @Test
  void risk_oneFuture_saysItsStandardErrorsAreUnknown() throws Exception {
    JsonNode j =
        json(
            Cli.run("risk", TWO_POINT.toString(), "--samples", "1", "--format", "json", "--quiet"));
    assertThat(j.get("futures").asLong()).isEqualTo(1);
    for (String estimate :
        List.of(
            "/cost/mean",
            "/cost/cvar95",
            "/breach",
            "/years/0/mean",
            "/contractYears/0/shortfallProbability",
            "/contractYears/0/expectedShortfall",
            "/sources/0/meanCost")) {
      assertThat(j.at(estimate + "/value").isTextual()).as(estimate).isTrue();
      assertThat(j.at(estimate + "/standardError").isNull()).as(estimate).isTrue();
    }
    Cli table = Cli.run("risk", TWO_POINT.toString(), "--samples", "1", "--quiet");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("± n/a").doesNotContain("± 0.00").doesNotContain("± 0.00%");
    // two futures estimate the mean's error again
    JsonNode two =
        json(
            Cli.run("risk", TWO_POINT.toString(), "--samples", "2", "--format", "json", "--quiet"));
    assertThat(two.at("/cost/mean/standardError").isTextual()).isTrue();
  }

  @Test
  void risk_samplesAll_isTheClosedFormToTheCent() throws Exception {
    JsonNode j =
        json(
            Cli.run(
                "risk", TWO_POINT.toString(), "--samples", "all", "--format", "json", "--quiet"));
    // E[cost] = 0.25 x 1,000,000 + 0.75 x 1,800,000; P(shortfall) = 0.25; E[shortfall] = 100,000
    assertThat(j.get("exact").asBoolean()).isTrue();
    assertThat(j.get("futures").asLong()).isEqualTo(2);
    assertThat(j.get("asWritten").asText()).isEqualTo("1200000.00");
    // the as-written figure is nuage plan's total; here the recourse finds the same
    Cli plan = Cli.run("plan", TWO_POINT.toString(), "--format", "json");
    assertThat(j.get("asWritten").asText())
        .isEqualTo(new ObjectMapper().readTree(plan.out()).get("totalCost").asText());
    assertThat(j.get("asWrittenByRecourse").asText()).isEqualTo("1200000.00");
    assertThat(j.at("/cost/mean/value").asText()).isEqualTo("1600000.00");
    assertThat(j.at("/cost/mean/standardError").asText()).isEqualTo("0.00");
    // nothing unmet: every dollar of the mean is billed
    assertThat(j.at("/cost/meanUnmetPenalty/value").asText()).isEqualTo("0.00");
    assertThat(j.at("/cost/meanBilled/value").asText()).isEqualTo("1600000.00");
    assertThat(j.at("/cost/meanBilled/standardError").asText()).isEqualTo("0.00");
    JsonNode deal = j.get("contractYears").get(0);
    assertThat(deal.get("contract").asText()).isEqualTo("deal");
    // the JSON indexes contract years from 0, as the plan JSON does (docs/risk-json.md)
    assertThat(deal.get("year").asInt()).isZero();
    assertThat(deal.at("/shortfallProbability/value").asText()).isEqualTo("0.250000");
    assertThat(deal.at("/expectedShortfall/value").asText()).isEqualTo("100000.00");
    assertThat(j.at("/breach/value").asText()).isEqualTo("0.000000");
    // the price every unmet reference GPU-hour carries is stated beside the figures
    assertThat(j.get("unmetPenaltyPerGpuHour").asText()).isNotEmpty();
    assertThat(new BigDecimal(j.get("unmetPenaltyPerGpuHour").asText())).isPositive();
    // one calendar year: its cost is the total's; P5 and P25 the low future (weight 0.25), the
    // median and above the high one
    JsonNode year = j.get("years").get(0);
    assertThat(j.get("years")).hasSize(1);
    assertThat(year.get("year").asInt()).isEqualTo(2027);
    assertThat(year.get("asWritten").asText()).isEqualTo("1200000.00");
    assertThat(year.at("/mean/value").asText()).isEqualTo("1600000.00");
    List<String> fan = new ArrayList<>();
    year.get("quantiles")
        .forEach(q -> fan.add(q.get("p").asText() + "=" + q.get("value").asText()));
    assertThat(fan)
        .containsExactly(
            "0.05=1000000.00",
            "0.25=1000000.00",
            "0.50=1800000.00",
            "0.75=1800000.00",
            "0.95=1800000.00");
  }

  @Test
  void risk_table_countsContractYearsFromOne() {
    Cli r = Cli.run("risk", TWO_POINT.toString(), "--samples", "all", "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    // the term's first (and only) year, year 0 in the JSON, is year 1 for a person
    assertThat(r.out())
        .contains("per contract year (1 = the term's first twelve months)")
        .containsPattern("(?m)^  deal +1 +25\\.00% ± 0\\.00%")
        .doesNotContainPattern("(?m)^  deal +0 ");
  }

  @Test
  void risk_monteCarlo_agreesWithTheClosedFormWithinFourErrors() throws Exception {
    JsonNode j =
        json(
            Cli.run(
                "risk",
                TWO_POINT.toString(),
                "--samples",
                "40",
                "--seed",
                "9",
                "--format",
                "json",
                "--quiet"));
    double mean = Double.parseDouble(j.at("/cost/mean/value").asText());
    double error = Double.parseDouble(j.at("/cost/mean/standardError").asText());
    assertThat(error).isPositive();
    assertThat(Math.abs(mean - 1_600_000)).isLessThanOrEqualTo(4 * error);
  }

  @Test
  void risk_sameSeed_oneAndTwoThreads_sameBytes() {
    String[] args = {
      "risk",
      EXAMPLE.toString(),
      "--samples",
      "4",
      "--source-samples",
      "1",
      "--seed",
      "5",
      "--format",
      "json",
      "--quiet",
      "--threads"
    };
    Cli one = Cli.run(append(args, "1"));
    Cli two = Cli.run(append(args, "2"));
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(two.code()).as(two.err()).isZero();
    assertThat(one.out()).contains("\"futures\" : 4").contains("\"source\" : \"demand\"");
    assertThat(two.out()).isEqualTo(one.out());
  }

  private static String[] append(String[] args, String last) {
    String[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = last;
    return out;
  }

  @Test
  void risk_moreDemandThanCapacity_isABreachAtThePenalty() throws Exception {
    // 876,000 used + 124,000 shortfall + 924,000 fleet and 200,000 run GPU-hours unmet at $4.00
    JsonNode j =
        json(Cli.run("risk", SHORT.toString(), "--samples", "all", "--format", "json", "--quiet"));
    assertThat(j.at("/breach/value").asText()).isEqualTo("1.000000");
    assertThat(j.at("/cost/mean/value").asText()).isEqualTo("5496000.00");
    // the $4.00 every unmet reference GPU-hour is priced at, stated beside the figures
    assertThat(new BigDecimal(j.get("unmetPenaltyPerGpuHour").asText())).isEqualByComparingTo("4");
    assertThat(j.get("asWritten").asText()).isEqualTo("5496000.00");
    // no plan serves it as written: the recourse's figure stands for it
    assertThat(j.get("asWrittenByRecourse").asText()).isEqualTo("5496000.00");
    // of the mean, 1,124,000 reference GPU-hours at $4.00 are the penalty; the rest is billed
    assertThat(j.at("/cost/meanUnmetPenalty/value").asText()).isEqualTo("4496000.00");
    assertThat(j.at("/cost/meanBilled/value").asText()).isEqualTo("1000000.00");
    Cli table = Cli.run("risk", SHORT.toString(), "--samples", "all", "--quiet");
    assertThat(table.out())
        .containsPattern("billed \\(no penalty\\) +1,000,000\\.00 ± 0\\.00")
        .containsPattern("unmet demand at penalty +4,496,000\\.00 ± 0\\.00");
  }

  @Test
  void risk_adapt_keepsThePlanFilesRuns() throws Exception {
    Path generated = dir.resolve("generated.yaml");
    Cli gen =
        Cli.run(
            "generate",
            "--training-runs",
            "4",
            "--fleets",
            "1",
            "--months",
            "24",
            "--seed",
            "2",
            "--data",
            SharedData.root().toString(),
            "--out",
            generated.toString());
    assertThat(gen.code()).as(gen.err()).isZero();
    Files.writeString(
        generated,
        Files.readString(generated)
            + "\nuncertainty:\n  training-runs: {slip-months: {0: 0.5, 2: 0.5}}\n");
    Path plan = dir.resolve("plan.json");
    Cli planned =
        Cli.run("plan", generated.toString(), "--format", "json", "--out", plan.toString());
    assertThat(planned.code()).as(planned.err()).isZero();
    JsonNode adapt =
        json(
            Cli.run(
                "risk",
                generated.toString(),
                "--policy",
                "adapt",
                "--plan",
                plan.toString(),
                "--samples",
                "all",
                "--format",
                "json",
                "--quiet"));
    JsonNode replan =
        json(
            Cli.run(
                "risk",
                generated.toString(),
                "--samples",
                "all",
                "--format",
                "json",
                "--quiet",
                "--recourse",
                "mip"));
    assertThat(adapt.get("policy").asText()).isEqualTo("adapt");
    assertThat(adapt.get("exact").asBoolean()).isTrue();
    // a slipped run loses its base placement (its window moved) and is re-placed: every future
    // has a plan, none cheaper than replan's (a MIP here)
    assertThat(new java.math.BigDecimal(adapt.at("/cost/mean/value").asText()))
        .isGreaterThanOrEqualTo(
            new java.math.BigDecimal(replan.at("/cost/mean/value").asText())
                .multiply(new java.math.BigDecimal("0.9999")));
  }

  @Test
  void risk_recourseMip_inAFreshProcess_servesItsFirstFuture() {
    // regression: the MIP recourse read a solver status before any solver had loaded OR-Tools'
    // natives (UnsatisfiedLinkError in a process whose first solve it was)
    CliProcess r =
        CliProcess.run(
            java.util.Map.of(),
            "risk",
            TWO_POINT.toString(),
            "--samples",
            "all",
            "--recourse",
            "mip",
            "--format",
            "json",
            "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"value\" : \"1600000.00\"");
  }

  @Test
  void risk_samplesZero_isAUserError() {
    Cli r = Cli.run("risk", TWO_POINT.toString(), "--samples", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--samples").contains("got 0").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void risk_samplesMany_isAUserError() {
    Cli r = Cli.run("risk", TWO_POINT.toString(), "--samples", "many");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--samples").contains("got many").doesNotContain("\tat ");
  }

  @Test
  void risk_invalidUncertainty_isLocated() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        Files.readString(TWO_POINT)
            .replace("levels: {0.5: 0.25, 1.5: 0.75}", "levels: {0.5: 0.25, 1.5: 0.65}"));
    Cli r = Cli.run("risk", bad.toString(), "--samples", "3");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("bad.yaml:")
        .contains("uncertainty.demand.levels")
        .contains("do not sum to 1")
        .doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void risk_planWithoutAdapt_isRefused() {
    Cli r = Cli.run("risk", TWO_POINT.toString(), "--plan", "plan.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--plan").contains("--policy adapt").doesNotContain("\tat ");
  }

  @Test
  void risk_adaptWithAPlanOfAnotherScenario_isRefused() throws Exception {
    Path plan = dir.resolve("other.json");
    Files.writeString(
        plan,
        """
        {"placements": [{"workload": "no-such-run", "kind": "training", "provider": "cloud",
          "region": "cloud/us-1", "accelerator": "H100", "month": "2027-01"}]}
        """);
    Cli r = Cli.run("risk", TWO_POINT.toString(), "--policy", "adapt", "--plan", plan.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-run").contains("other.json").doesNotContain("\tat ");
  }
}
