package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.cli.FocusBills;
import io.nuage.plancheck.PlanChecker;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/replans} on a real server: bills ingested through the API, a plan job, then a
 * re-plan job as of 2027-04-01 whose result passes the plan checker with its fixed months; bad
 * input is refused before any job exists.
 */
class ReplanApiTest {
  @TempDir Path folder;

  /** oci and lambda bills of 2027-01..2027-03, as a CSV body. */
  private String bills() throws Exception {
    List<FocusBills.Bill> bills = new ArrayList<>();
    for (int m = 1; m <= 3; m++) {
      bills.add(new FocusBills.Bill("Oracle", YearMonth.of(2027, m), new BigDecimal("9000000.00")));
      bills.add(new FocusBills.Bill("lambda", YearMonth.of(2027, m), new BigDecimal("2500000.50")));
    }
    return Files.readString(FocusBills.write(folder.resolve("bills.csv"), bills));
  }

  private static RunningServer.Response replan(RunningServer api, String body) {
    return api.post("/api/replans", api.planner, body, "application/json");
  }

  @Test
  void replan_runsAsAJobOnTheBillsAndFollowsTheLatestPlan() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = PlanApiTest.upload(api);
      var ingest = api.post("/api/ledger/ingest?name=bills.csv", api.planner, bills(), "text/csv");
      assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);
      // nothing to follow yet
      var none = replan(api, "{\"scenario\": \"" + scenario + "\", \"asOf\": \"2027-04-01\"}");
      assertThat(none.status()).isEqualTo(400);
      assertThat(none.json().path("detail").asText())
          .contains("no plan of scenario tiny-lab")
          .contains("POST /api/plans");

      String plan = PlanApiTest.startPlan(api, scenario);
      assertThat(PlanApiTest.awaitFinished(api, plan).path("status").asText())
          .isEqualTo("SUCCEEDED");

      var started = replan(api, "{\"scenario\": \"" + scenario + "\", \"asOf\": \"2027-04-01\"}");
      assertThat(started.status()).as(started.body()).isEqualTo(202);
      JsonNode done = PlanApiTest.awaitFinished(api, started.json().path("id").asText());
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
      JsonNode result = done.path("result");
      assertThat(result.path("fixedPast").path("asOf").asText()).isEqualTo("2027-04-01");
      // the bills are the actuals: 3 x (9,000,000.00 + 2,500,000.50)
      assertThat(new BigDecimal(result.path("costBreakdown").path("actual").asText()))
          .isEqualByComparingTo("34500001.50");
      result
          .path("placements")
          .forEach(
              p ->
                  assertThat(YearMonth.parse(p.path("month").asText()))
                      .isAfterOrEqualTo(YearMonth.of(2027, 4)));
      assertThat(result.path("trueUp")).isNotEmpty();
      assertThat(result.path("previousPlan").path("origin").asText())
          .contains("the plan stored in");

      Path yaml = Files.writeString(folder.resolve("tiny-lab.yaml"), Examples.tinyLab());
      Scenario parsed = ScenarioParser.parse(yaml);
      assertThat(PlanChecker.check(parsed, result)).isEmpty();
    }
  }

  @Test
  void replan_badInput_isRefusedBeforeAnyJob() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = PlanApiTest.upload(api);
      var noBills = replan(api, "{\"scenario\": \"" + scenario + "\"}");
      assertThat(noBills.status()).isEqualTo(400);
      assertThat(noBills.json().path("detail").asText()).contains("no bills in this store");

      var ingest = api.post("/api/ledger/ingest?name=bills.csv", api.planner, bills(), "text/csv");
      assertThat(ingest.status()).isEqualTo(200);
      var midMonth = replan(api, "{\"scenario\": \"" + scenario + "\", \"asOf\": \"2027-04-15\"}");
      assertThat(midMonth.status()).isEqualTo(400);
      assertThat(midMonth.json().path("detail").asText())
          .contains("asOf 2027-04-15: a re-plan fixes whole months");
      var notADate = replan(api, "{\"scenario\": \"" + scenario + "\", \"asOf\": 20270401}");
      assertThat(notADate.status()).isEqualTo(400);
      assertThat(notADate.json().path("detail").asText()).contains("field 'asOf' must be a date");
      var outside = replan(api, "{\"scenario\": \"" + scenario + "\", \"asOf\": \"2029-01-01\"}");
      assertThat(outside.status()).isEqualTo(400);
      assertThat(outside.json().path("detail").asText()).contains("outside the horizon");
      assertThat(replan(api, "{\"scenario\": \"sc_nosuch\"}").status()).isEqualTo(404);
      var viewer =
          api.post(
              "/api/replans",
              api.viewer,
              "{\"scenario\": \"" + scenario + "\"}",
              "application/json");
      assertThat(viewer.status()).isEqualTo(403);
      assertThat(api.get("/api/plans", api.viewer).json().path("plans")).isEmpty();
    }
  }

  @Test
  void replan_providerMissingAMonth_isRefusedUnlessTheBodyAllowsIt() throws Exception {
    // Oracle's March is not billed, though the plan followed places work there: it would count
    // as $0
    List<FocusBills.Bill> bills = new ArrayList<>();
    for (int m = 1; m <= 3; m++) {
      if (m < 3)
        bills.add(
            new FocusBills.Bill("Oracle", YearMonth.of(2027, m), new BigDecimal("9000000.00")));
      bills.add(new FocusBills.Bill("lambda", YearMonth.of(2027, m), new BigDecimal("2500000.50")));
    }
    String csv = Files.readString(FocusBills.write(folder.resolve("gaps.csv"), bills));
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = PlanApiTest.upload(api);
      var ingest = api.post("/api/ledger/ingest?name=gaps.csv", api.planner, csv, "text/csv");
      assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);
      String plan = PlanApiTest.startPlan(api, scenario);
      assertThat(PlanApiTest.awaitFinished(api, plan).path("status").asText())
          .isEqualTo("SUCCEEDED");
      String asOf = "\"scenario\": \"" + scenario + "\", \"asOf\": \"2027-04-01\"";

      var refused = replan(api, "{" + asOf + "}");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().path("detail").asText())
          .contains("do not cover every month before 2027-04-01")
          .contains("Oracle (no bills in 2027-03")
          .contains("or \"allowMissing\": true to re-plan with them counted as $0")
          .doesNotContain("--allow-missing");
      var notABoolean = replan(api, "{" + asOf + ", \"allowMissing\": \"yes\"}");
      assertThat(notABoolean.status()).isEqualTo(400);
      assertThat(notABoolean.json().path("detail").asText())
          .contains("field 'allowMissing' must be true or false")
          .contains("(got \"yes\")");

      var allowed = replan(api, "{" + asOf + ", \"allowMissing\": true}");
      assertThat(allowed.status()).as(allowed.body()).isEqualTo(202);
      JsonNode done = PlanApiTest.awaitFinished(api, allowed.json().path("id").asText());
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
      JsonNode result = done.path("result");
      assertThat(result.path("replanNotes").toString())
          .contains("Oracle (no bills in 2027-03")
          .contains("counted as billed $0");
      // the actuals are what was billed: 2 x 9,000,000.00 + 3 x 2,500,000.50
      assertThat(new BigDecimal(result.path("costBreakdown").path("actual").asText()))
          .isEqualByComparingTo("25500001.50");
    }
  }
}
