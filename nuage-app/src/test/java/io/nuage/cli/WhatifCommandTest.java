package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code nuage whatif} through the real CLI (docs/risk.md section 5, docs/risk-json.md "What-ifs"):
 * the figures worked out by hand in whatif-two-clouds.yaml's comment, every total and delta
 * recomputed from the JSON's own parts, the shipped example's acceptance, and bad options as
 * located messages with exit 2.
 */
class WhatifCommandTest {
  static final Path TWO_CLOUDS =
      SharedData.repo().resolve("nuage-core/src/test/resources/risk/whatif-two-clouds.yaml");

  static final Path EXAMPLE = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");

  static JsonNode json(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("whatif"));
    all.addAll(List.of(args));
    all.addAll(List.of("--format", "json"));
    Cli r = Cli.run(all);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    consistent(j);
    return j;
  }

  static BigDecimal money(JsonNode n, String field) {
    String text = n.path(field).asText();
    assertThat(text).as(field).matches("-?\\d+\\.\\d{2}");
    return new BigDecimal(text);
  }

  /**
   * The JSON's own arithmetic: delta = future total - base total to the cent; each side's parts sum
   * to its total; the parts' deltas sum to the delta; each contract year's delta is its shortfalls'
   * difference and the years sum to the shortfall component.
   */
  static void consistent(JsonNode j) {
    assertThat(j.path("verified").asBoolean()).isTrue();
    BigDecimal base = money(j.path("base"), "totalCost");
    BigDecimal future = money(j.path("future"), "totalCost");
    BigDecimal delta = money(j, "delta");
    assertThat(delta).isEqualByComparingTo(future.subtract(base));
    BigDecimal b = BigDecimal.ZERO, f = BigDecimal.ZERO, d = BigDecimal.ZERO;
    BigDecimal shortfallBase = null, shortfallFuture = null;
    for (JsonNode c : j.path("components")) {
      b = b.add(money(c, "base"));
      f = f.add(money(c, "future"));
      d = d.add(money(c, "delta"));
      assertThat(money(c, "delta"))
          .isEqualByComparingTo(money(c, "future").subtract(money(c, "base")));
      if (c.path("name").asText().equals("shortfall")) {
        shortfallBase = money(c, "base");
        shortfallFuture = money(c, "future");
      }
      if (c.path("name").asText().equals("unmet"))
        assertThat(money(c, "future")).isEqualByComparingTo(money(j.path("future"), "unmetCost"));
    }
    assertThat(j.path("components")).hasSize(6);
    assertThat(b).isEqualByComparingTo(base);
    assertThat(f).isEqualByComparingTo(future);
    assertThat(d).isEqualByComparingTo(delta);
    BigDecimal yb = BigDecimal.ZERO, yf = BigDecimal.ZERO;
    for (JsonNode y : j.path("contractYears")) {
      yb = yb.add(money(y, "baseShortfall"));
      yf = yf.add(money(y, "futureShortfall"));
      assertThat(money(y, "delta"))
          .isEqualByComparingTo(money(y, "futureShortfall").subtract(money(y, "baseShortfall")));
    }
    assertThat(yb).isEqualByComparingTo(shortfallBase);
    assertThat(yf).isEqualByComparingTo(shortfallFuture);
    BigDecimal unmet = BigDecimal.ZERO;
    for (JsonNode u : j.path("future").path("unmet")) unmet = unmet.add(money(u, "cost"));
    assertThat(unmet).isEqualByComparingTo(money(j.path("future"), "unmetCost"));
    gpuHoursHaveThreeDecimals(j, "");
    for (String side : List.of("base", "future")) {
      JsonNode p = j.path(side);
      // the bound is on the objective (cost and steering), beside it, never on totalCost alone
      assertThat(p.has("lowerBound")).as(side + ".lowerBound is gone").isFalse();
      assertThat(money(p, "objective"))
          .isEqualByComparingTo(money(p, "totalCost").add(money(p, "steering")));
      assertThat(money(p, "objectiveLowerBound")).isLessThanOrEqualTo(money(p, "objective"));
    }
  }

  /** Every GPU-hour figure of a what-if or concentration JSON has three decimals (plan-json.md). */
  static void gpuHoursHaveThreeDecimals(JsonNode n, String at) {
    n.properties()
        .forEach(
            e -> {
              if (e.getKey().endsWith("GpuHours") || e.getKey().endsWith("gpuHours"))
                assertThat(e.getValue().asText())
                    .as(at + "/" + e.getKey())
                    .matches("-?\\d+\\.\\d{3}");
              gpuHoursHaveThreeDecimals(e.getValue(), at + "/" + e.getKey());
            });
    if (n.isArray())
      for (int i = 0; i < n.size(); i++) gpuHoursHaveThreeDecimals(n.get(i), at + "/" + i);
  }

  @Test
  void loseProvider_isTheDeltaWorkedOutByHand() throws Exception {
    JsonNode j = json(TWO_CLOUDS.toString(), "--lose-provider", "a", "--from", "2028-01");
    assertThat(j.at("/base/totalCost").asText()).isEqualTo("2401000.00");
    assertThat(j.at("/future/totalCost").asText()).isEqualTo("5801000.00");
    assertThat(j.path("delta").asText()).isEqualTo("3400000.00");
    assertThat(j.at("/whatIf/changes/0").asText()).isEqualTo("losing a from 2028-01");
    JsonNode year2 = j.path("contractYears").get(1);
    assertThat(year2.path("year").asInt()).isEqualTo(1);
    assertThat(year2.path("firstMonth").asText()).isEqualTo("2028-01");
    assertThat(year2.path("futureShortfall").asText()).isEqualTo("1000000.00");
    JsonNode b = j.path("providers").get(1);
    assertThat(b.path("provider").asText()).isEqualTo("b");
    assertThat(b.path("futureGpuHours").asText()).isEqualTo("1200000.000");
    assertThat(b.path("futureCost").asText()).isEqualTo("3600000.00");
  }

  @Test
  void table_saysTheAnswerInOneSentence() {
    Cli r = Cli.run("whatif", TWO_CLOUDS.toString(), "--lose-provider", "a", "--from", "2028-01");
    assertThat(r.code()).as(r.err()).isZero();
    // one sentence, broken within 100 columns
    assertThat(r.out().replace("\n  ", " "))
        .startsWith(
            "Losing a from 2028-01 costs $3,400,000.00 more over 2027-01 to 2028-12:"
                + " $5,801,000.00 instead of $2,401,000.00 as written.");
    assertThat(r.out())
        .contains("take-or-pay minimums paid for compute not used (shortfall)")
        .contains("deal                 2 (2028-01)")
        .contains("checked by the plan verifier");
  }

  @Test
  void delayCapacity_csv_isTheDeltaWorkedOutByHand() {
    Cli r =
        Cli.run(
            "whatif",
            TWO_CLOUDS.toString(),
            "--delay-capacity",
            "a/us-1/H100@2027-01",
            "--months",
            "6",
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("section,item,month,base,future,delta\r\n")
        .contains("total,total cost,,2401000.00,4000000.00,1599000.00\r\n")
        .contains("shortfall,deal year 1,2027-01,0.00,399000.00,399000.00\r\n")
        .contains("provider-gpu-hours,b,,0.000,600000.000,600000.000\r\n");
  }

  @Test
  void demandAndCancelAndPrice_combineIntoOneFuture() throws Exception {
    // 150,000 GPU-hours a month on a at the committed $1.00 (the deal is active the whole horizon,
    // so H100's list price -30% does not move its rate), the run gone: $3,600,000.00
    JsonNode j =
        json(TWO_CLOUDS.toString(), "--demand", "x1.5", "--cancel", "run", "--price", "H100-30%");
    assertThat(j.at("/future/totalCost").asText()).isEqualTo("3600000.00");
    assertThat(j.path("delta").asText()).isEqualTo("1199000.00");
    assertThat(j.at("/whatIf/prices/0/factor").asText()).isEqualTo("0.70");
  }

  @Test
  void concentration_isOneWhatIfPerProviderFromTheMiddle() throws Exception {
    Cli r = Cli.run("whatif", TWO_CLOUDS.toString(), "--concentration", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("from").asText()).isEqualTo("2028-01");
    BigDecimal base = money(j.path("base"), "totalCost");
    assertThat(base).isEqualByComparingTo("2401000.00");
    Cli plan = Cli.run("plan", TWO_CLOUDS.toString(), "--format", "json");
    assertThat(j.path("asWritten").asText())
        .isEqualTo(new ObjectMapper().readTree(plan.out()).path("totalCost").asText());
    JsonNode rows = j.path("providers");
    assertThat(rows).hasSize(2);
    for (JsonNode row : rows)
      assertThat(money(row, "extraCost"))
          .isEqualByComparingTo(money(row, "totalCost").subtract(base));
    assertThat(rows.get(0).path("provider").asText()).isEqualTo("a");
    assertThat(rows.get(0).path("extraCost").asText()).isEqualTo("3400000.00");
    assertThat(rows.get(0).path("shortfallChange").asText()).isEqualTo("1000000.00");
    assertThat(rows.get(1).path("extraCost").asText()).isEqualTo("0.00");
    gpuHoursHaveThreeDecimals(j, "");
    assertThat(j.at("/base/objectiveLowerBound").isTextual()).isTrue();
    Cli csv = Cli.run("whatif", TWO_CLOUDS.toString(), "--concentration", "--format", "csv");
    assertThat(csv.out())
        .startsWith("provider,from,extraCost,shortfallChange,unmetGpuHours,unmetCost,margin\r\n")
        .contains("a,2028-01,3400000.00,1000000.00,0.000,0.00,");
    // each row states how far its re-plan is proven from the best plan of its future
    for (JsonNode row : rows) assertThat(money(row, "margin").signum()).isGreaterThanOrEqualTo(0);
    // each row is the what-if of that provider
    JsonNode one = json(TWO_CLOUDS.toString(), "--lose-provider", "a", "--from", "2028-01");
    assertThat(one.path("delta").asText()).isEqualTo(rows.get(0).path("extraCost").asText());
  }

  @Test
  void example_losingOciFrom2029_isExplainedAndAddsUp() throws Exception {
    Cli r = Cli.run("whatif", EXAMPLE.toString(), "--lose-provider", "oci", "--from", "2029-01");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Losing oci from 2029-01 costs $")
        .contains("Take-or-pay shortfall per contract year")
        .contains("oci-committed-300b   3 (2029-01)")
        .contains("What moved");
    JsonNode j = json(EXAMPLE.toString(), "--lose-provider", "oci", "--from", "2029-01");
    assertThat(money(j, "delta").signum()).isPositive();
    // regression: the as-written cost was the MIP recourse's, 11 cents above nuage plan's total;
    // it is the plan's to the cent, and the delta is still against the base of the same recourse
    Cli plan = Cli.run("plan", EXAMPLE.toString(), "--format", "json");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(j.path("asWritten").asText())
        .isEqualTo(new ObjectMapper().readTree(plan.out()).path("totalCost").asText());
    assertThat(money(j, "delta"))
        .isEqualByComparingTo(
            money(j.path("future"), "totalCost").subtract(money(j.path("base"), "totalCost")));
    // oci's minimums from 2029 on are owed whatever happens: at least its years 3 to 5 rise
    for (JsonNode y : j.path("contractYears"))
      if (y.path("year").asInt() >= 2)
        assertThat(money(y, "futureShortfall")).isGreaterThan(money(y, "baseShortfall"));
    // oci carries nothing from 2029 in the future: its usage falls
    for (JsonNode p : j.path("providers"))
      if (p.path("provider").asText().equals("oci"))
        assertThat(money(p, "costDelta").signum()).isNegative();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--lose-provider zz --from 2028-01|--lose-provider: unknown provider (got zz, expected one of a, b)",
        "--lose-provider a --from 2030-01|--from: outside the horizon (got 2030-01",
        "--lose-provider a --from 2028-13|--from: expected a month YYYY-MM",
        "--lose-provider a|--lose-provider a needs --from YYYY-MM",
        "--from 2028-01|--from: only with --lose-provider",
        "--delay-capacity a/us-1/H100@2027-02 --months 6|--delay-capacity: unknown capacity step (got a/us-1/H100@2027-02",
        "--delay-capacity a-us-1 --months 6|--delay-capacity: expected REGION/ACCELERATOR@YYYY-MM",
        "--delay-capacity a/us-1/H100@2027-01 --months -1|--months: a capacity step cannot arrive early",
        "--price H100|--price: expected ACCELERATOR or FAMILY, a sign and a percentage",
        "--price H100-100%|--price: a list price cannot fall by 100% or more",
        "--price Z99+10%|--price: unknown accelerator or family (got Z99",
        "--demand 1.5|--demand: expected x and a factor above 0",
        "--demand x0|--demand: expected x and a factor above 0",
        "--cancel nope|--cancel: unknown training run (got nope, expected one of run)",
        "--concentration --demand x2|--concentration: loses each provider in turn",
        "--format json|whatif: name a future",
      })
  void badOption_isALocatedMessageAndExitTwo(String options, String message) {
    List<String> args = new ArrayList<>(List.of("whatif", TWO_CLOUDS.toString()));
    args.addAll(List.of(options.split(" ")));
    Cli r = Cli.run(args);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void planFile_isTheBaseOnceTheVerifierAcceptsIt(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Cli planned = Cli.run("plan", TWO_CLOUDS.toString(), "--format", "json");
    assertThat(planned.code()).as(planned.err()).isZero();
    Path plan = java.nio.file.Files.writeString(dir.resolve("plan.json"), planned.out());
    JsonNode p = new ObjectMapper().readTree(planned.out());
    JsonNode j =
        json(
            TWO_CLOUDS.toString(),
            "--plan",
            plan.toString(),
            "--lose-provider",
            "a",
            "--from",
            "2028-01");
    assertThat(j.at("/base/fromPlanFile").asBoolean()).isTrue();
    assertThat(j.at("/future/fromPlanFile").asBoolean()).isFalse();
    assertThat(j.at("/base/totalCost").asText()).isEqualTo(p.path("totalCost").asText());
    assertThat(j.path("delta").asText()).isEqualTo("3400000.00");

    // a plan changed by hand (a placement's GPU-hours) is refused before anything is solved
    Path changed =
        java.nio.file.Files.writeString(
            dir.resolve("changed.json"),
            planned.out().replaceFirst("\"gpuHours\": \"[0-9.]+\"", "\"gpuHours\": \"1.000\""));
    Cli r =
        Cli.run("whatif", TWO_CLOUDS.toString(), "--plan", changed.toString(), "--demand", "x2");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains("--plan: " + changed + " does not hold for whatif-two-clouds");
    // a plan of another scenario
    Cli other =
        Cli.run(
            "whatif",
            RiskCommandTest.TWO_POINT.toString(),
            "--plan",
            plan.toString(),
            "--demand",
            "x2");
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("is a plan of whatif-two-clouds, not of two-point-demand");
  }

  @Test
  void help_showsExamples() {
    Cli r = Cli.run("whatif", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("nuage whatif lab.yaml --lose-provider oci --from 2029-01\n")
        .contains("--price=ACC±X%  ")
        .contains("--price H100-30% --format json")
        .contains("--delay-capacity")
        .contains("--concentration");
  }

  /**
   * Issue 12 review, finding 4: an unplaced training run's unmet hours were written "200000" where
   * every other GPU-hour figure has three decimals; the JSON and the CSV now agree.
   */
  @Test
  void unmetTrainingRun_itsHoursHaveThreeDecimals_inTheJsonAndTheCsv() throws Exception {
    JsonNode j = json(RiskCommandTest.SHORT.toString(), "--demand", "x1.5");
    JsonNode run = null;
    for (JsonNode u : j.at("/future/unmet"))
      if (u.path("referenceGpuHours").asText().equals("200000.000")) run = u;
    assertThat(run).as(j.at("/future/unmet").toString()).isNotNull();
    Cli csv =
        Cli.run("whatif", RiskCommandTest.SHORT.toString(), "--demand", "x1.5", "--format", "csv");
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.out())
        .contains(
            "unmet-reference-gpu-hours,"
                + run.path("workload").asText()
                + ",,200000.000,200000.000,0.000");
  }

  @Test
  void unmetDemand_theHeadlineSaysHowMuchIsThePenaltyAndThatItIsAnAssumption() throws Exception {
    // regression: 82% of a what-if's headline could be the unmet penalty without a word of it
    JsonNode j = json(TWO_CLOUDS.toString(), "--demand", "x100");
    BigDecimal unmet =
        money(j.path("future"), "unmetCost").subtract(money(j.path("base"), "unmetCost"));
    assertThat(unmet).isPositive();
    Cli r = Cli.run("whatif", TWO_CLOUDS.toString(), "--demand", "x100");
    assertThat(r.code()).as(r.err()).isZero();
    String second = r.out().replace("\n  ", " ").lines().skip(1).findFirst().orElseThrow();
    assertThat(second)
        .startsWith("Of that, " + WhatifTable.money("USD", unmet) + " is demand no provider")
        .contains("penalty of $6.00 per reference GPU-hour: an assumption");
  }
}
