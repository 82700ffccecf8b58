package io.nuage.cli;

import static io.nuage.cli.FocusCsv.concat;
import static io.nuage.cli.FocusCsv.month;
import static io.nuage.cli.FocusCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The honest projection through the real CLI (docs/ledger-drawdown.md, sections 3 and 4): each year
 * as actuals plus the plan's rest (recomputed here from the plan file), the run rate beside it and
 * so labelled, and a year not started owing nothing. (vs-plan, which stops at the as-of date, is
 * LedgerVsPlanTest's: it needs a plan the scenario can bill.)
 */
class LedgerProjectionTest {
  @TempDir Path dir;
  Path db;
  Path scenario;
  Path plan;

  /** Three whole months billed on the deal's account, 5,000.00 each. */
  @BeforeEach
  void ledgerAndPlan() throws Exception {
    db = dir.resolve("l.duckdb");
    scenario =
        Files.writeString(
            dir.resolve("s.yaml"),
            LedgerMatchingTest.SCENARIO.formatted("")
                + """
                  - id: deal-2028
                    kind: committed-spend
                    provider: example-cloud
                    term: {start: 2028-01, end: 2028-12}
                    yearly-minimums: [50000]
                    discount: 0
                """);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String m : List.of("2027-01", "2027-02", "2027-03"))
      rows.add(
          row(
              concat(
                  month(m),
                  "ResourceId",
                  "vm-" + m,
                  "BilledCost",
                  "5000.00",
                  "EffectiveCost",
                  "5000.00",
                  "ContractedCost",
                  "5000.00",
                  "ListCost",
                  "5000.00")));
    Path bills = FocusCsv.write(dir.resolve("bills.csv"), rows);
    Cli in = Cli.run("ingest", "--db", db.toString(), bills.toString());
    assertThat(in.code()).as(in.err()).isZero();
    // a plan: 6,000.00 a month on the deal, 7,000 reserved GPU-hours a month at nebius, all 2027
    StringBuilder p = new StringBuilder("{\"placements\": [");
    for (int m = 1; m <= 12; m++) {
      String month = "2027-%02d".formatted(m);
      p.append(m > 1 ? "," : "")
          .append(
              """
              {"workload": "chat", "kind": "inference", "provider": "example-cloud",
               "region": "east-us-1", "accelerator": "H200", "month": "%s", "gpus": 2,
               "gpuHours": "1000.000", "pricing": "committed", "contract": "deal", "rate": "6",
               "cost": "6000.00"},
              {"workload": "chat", "kind": "inference", "provider": "nebius",
               "region": "us-central1", "accelerator": "H200", "month": "%s", "gpus": 10,
               "gpuHours": "7000.000", "pricing": "reserved", "contract": null, "rate": "0",
               "cost": "0.00"}
              """
                  .formatted(month, month));
    }
    plan = Files.writeString(dir.resolve("plan.json"), p.append("]}").toString());
  }

  /** {@code nuage ledger ARGS --scenario S --db D}, exit code and all. */
  private Cli ledger(String... args) {
    var all = new ArrayList<>(List.of("ledger"));
    all.addAll(List.of(args));
    all.addAll(List.of("--scenario", scenario.toString(), "--db", db.toString()));
    return Cli.run(all);
  }

  private JsonNode json(String... args) throws Exception {
    var all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--scenario", scenario.toString(), "--db", db.toString(), "--format", "json"));
    Cli run = Cli.run(all);
    assertThat(run.code()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  private static JsonNode year(JsonNode report, String contract, int index) {
    for (JsonNode c : report.get("contracts"))
      if (c.get("contract").asText().equals(contract)) return c.get("years").get(index);
    throw new AssertionError(contract);
  }

  /** Σ of a plan field over the placements matching, from the plan file (not the ledger's code). */
  private BigDecimal planned(String field, String pricing, String fromMonth) throws Exception {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode p : new ObjectMapper().readTree(plan.toFile()).get("placements"))
      if (p.get("pricing").asText().equals(pricing)
          && p.get("month").asText().compareTo(fromMonth) >= 0)
        sum = sum.add(new BigDecimal(p.get(field).asText()));
    return sum;
  }

  @Test
  void plan_projectsActualsPlusThePlansRestOfTheYear() throws Exception {
    JsonNode r = json("ledger", "--plan", plan.toString());

    assertThat(r.get("asOf").asText()).isEqualTo("2027-04-01");
    assertThat(r.get("projection").get("source").asText()).isEqualTo("plan");
    JsonNode deal = year(r, "deal", 0);
    BigDecimal actual = new BigDecimal("15000.00");
    assertThat(new BigDecimal(deal.get("consumed").asText())).isEqualByComparingTo(actual);
    BigDecimal projected = actual.add(planned("cost", "committed", "2027-04"));
    assertThat(new BigDecimal(deal.get("projected").asText())).isEqualByComparingTo(projected);
    assertThat(new BigDecimal(deal.get("projectedShortfall").asText()))
        .isEqualByComparingTo(new BigDecimal("100000").subtract(projected));
    assertThat(deal.get("projectionSource").asText()).isEqualTo("plan");
    // the run rate stays available: 15,000 over 90 days, 275 days to go
    BigDecimal perDay = actual.divide(BigDecimal.valueOf(90), 10, RoundingMode.HALF_EVEN);
    JsonNode rr = deal.get("runRate");
    assertThat(rr.get("label").asText()).isEqualTo("if spending stays at today's rate");
    assertThat(new BigDecimal(rr.get("projected").asText()))
        .isEqualByComparingTo(
            actual
                .add(perDay.multiply(BigDecimal.valueOf(275)))
                .setScale(2, RoundingMode.HALF_EVEN));
    // the reservation, in GPU-hours: nothing billed yet, the plan's reserved hours for the rest
    JsonNode res = year(r, "res", 0);
    BigDecimal hours = planned("gpuHours", "reserved", "2027-04");
    assertThat(new BigDecimal(res.get("projected").asText())).isEqualByComparingTo(hours);
    assertThat(new BigDecimal(res.get("projectedShortfall").asText()))
        .isEqualByComparingTo(BigDecimal.valueOf(10 * 24 * 365).subtract(hours));
    // 2028 has not started: no shortfall; the plan ends in 2027, so no projection either
    JsonNode next = year(r, "deal-2028", 0);
    assertThat(next.get("status").asText()).isEqualTo("not-started");
    assertThat(next.get("projectedShortfall").isNull()).isTrue();
    assertThat(next.get("projected").isNull()).isTrue();
  }

  @Test
  void runRate_isTheDefaultAndAYearNotStartedIsNotProjectedFromIt() throws Exception {
    JsonNode r = json("ledger");

    assertThat(r.get("projection").get("source").asText()).isEqualTo("run-rate");
    assertThat(r.get("projection").get("label").asText())
        .isEqualTo("if spending stays at today's rate");
    JsonNode next = year(r, "deal-2028", 0);
    assertThat(next.get("projected").isNull()).isTrue();
    assertThat(next.get("projectedShortfall").isNull()).isTrue();
    assertThat(next.get("projectionSource").isNull()).isTrue();
    Cli table = ledger();
    assertThat(table.out())
        .contains("Ledger as of 2027-04-01 (charges through 2027-03-31), in USD")
        .contains("not started");
  }

  @Test
  void storedPlan_isTheDefaultProjectionAndRunRateOverridesIt() throws Exception {
    String id;
    try (var store = io.nuage.store.Store.open(db)) {
      id =
          new io.nuage.store.plans.DuckDbPlans(store)
              .add(
                  "matching",
                  scenario.toString(),
                  io.nuage.plan.history.Plans.contentHash(Files.readAllBytes(scenario)),
                  io.nuage.plan.history.PlanKind.PLAN,
                  null,
                  "OPTIMAL",
                  new BigDecimal("72000.00"),
                  Files.readString(plan))
              .id();
    }

    JsonNode stored = json("ledger");
    JsonNode file = json("ledger", "--plan", plan.toString());
    JsonNode runRate = json("ledger", "--run-rate");

    assertThat(stored.get("projection").get("source").asText()).isEqualTo("plan");
    assertThat(stored.get("projection").get("plan").asText()).isEqualTo("stored plan " + id);
    assertThat(year(stored, "deal", 0).get("projected"))
        .isEqualTo(year(file, "deal", 0).get("projected"));
    assertThat(runRate.get("projection").get("source").asText()).isEqualTo("run-rate");
    assertThat(year(runRate, "deal", 0).get("projected"))
        .isEqualTo(year(file, "deal", 0).get("runRate").get("projected"));
    Cli both = ledger("--plan", plan.toString(), "--run-rate");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--plan and --run-rate: give one");
  }

  /** The plan file's text as a re-plan as of 2027-04-01: its placements from April, each dearer. */
  private String replanAsOfApril() throws Exception {
    var root =
        (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(plan.toFile());
    var kept = root.putArray("kept");
    for (JsonNode p : new ObjectMapper().readTree(plan.toFile()).get("placements"))
      if (p.get("month").asText().compareTo("2027-04") >= 0) {
        var q = (com.fasterxml.jackson.databind.node.ObjectNode) p.deepCopy();
        if (q.get("pricing").asText().equals("committed")) q.put("cost", "9000.00");
        kept.add(q);
      }
    root.set("placements", kept);
    root.remove("kept");
    root.put("scenario", "matching");
    root.putObject("fixedPast").put("asOf", "2027-04-01");
    return root.toString();
  }

  private String store(io.nuage.plan.history.PlanKind kind, String asOf, String json)
      throws Exception {
    try (var store = io.nuage.store.Store.open(db)) {
      return new io.nuage.store.plans.DuckDbPlans(store)
          .add(
              "matching",
              scenario.toString(),
              io.nuage.plan.history.Plans.contentHash(Files.readAllBytes(scenario)),
              kind,
              asOf == null ? null : java.time.LocalDate.parse(asOf),
              "OPTIMAL",
              new BigDecimal("72000.00"),
              json)
          .id();
    }
  }

  @Test
  void storedReplan_isPassedOverBeforeItsAsOfDate_forThePlanItReplanned() throws Exception {
    // regression: a re-plan as of April places nothing in March, so projecting the ledger as of
    // 2027-03-01 with it left March out (a shortfall nothing supports)
    String original = store(io.nuage.plan.history.PlanKind.PLAN, null, Files.readString(plan));
    String replan = store(io.nuage.plan.history.PlanKind.REPLAN, "2027-04-01", replanAsOfApril());

    JsonNode march = json("ledger", "--as-of", "2027-03-01");
    JsonNode april = json("ledger");

    assertThat(march.get("projection").get("plan").asText()).isEqualTo("stored plan " + original);
    // Jan and Feb billed, 5,000.00 each; the plan's March to December, 6,000.00 each
    assertThat(new BigDecimal(year(march, "deal", 0).get("projected").asText()))
        .isEqualByComparingTo(
            new BigDecimal("10000.00").add(planned("cost", "committed", "2027-03")));
    assertThat(april.get("projection").get("plan").asText()).isEqualTo("stored plan " + replan);
    // Jan to Mar billed, the re-plan's April to December at 9,000.00
    assertThat(new BigDecimal(year(april, "deal", 0).get("projected").asText()))
        .isEqualByComparingTo(new BigDecimal("15000.00").add(new BigDecimal(9 * 9000)));
  }

  @Test
  void replanFile_askedBeforeItsAsOfDate_isRefused() throws Exception {
    Path replan = Files.writeString(dir.resolve("replan.json"), replanAsOfApril());
    Cli run = ledger("--plan", replan.toString(), "--as-of", "2027-03-01");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(replan + " is a re-plan as of 2027-04-01")
        .contains("give an as-of date of 2027-04-01 or later, or the plan it re-planned")
        .doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void planOfAnotherScenario_isRefused() throws Exception {
    Path other =
        Files.writeString(
            dir.resolve("other.json"),
            Files.readString(plan).replaceFirst("\\{", "{\"scenario\": \"frontier-lab-2027\", "));
    Cli run = ledger("--plan", other.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(other + ": scenario: a plan of frontier-lab-2027, not of matching")
        .doesNotContain("Exception");
  }
}
