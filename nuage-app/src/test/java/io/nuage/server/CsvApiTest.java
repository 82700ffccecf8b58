package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.testing.SharedData;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Accept: text/csv} on the list and table endpoints, through a real server on a random
 * loopback port: each CSV parses and holds the JSON answer's rows, its amounts the JSON's decimal
 * strings, summing to the JSON's totals exactly (docs/server.md, "CSV").
 */
class CsvApiTest {
  @TempDir Path folder;

  private static RunningServer.Response csv(RunningServer api, String path, String token) {
    return api.get(path, token, "text/csv");
  }

  private static List<CSVRecord> rows(RunningServer.Response a) throws Exception {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("text/csv");
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(a.body()))
        .getRecords();
  }

  private static BigDecimal sum(Iterable<CSVRecord> rows, String column) {
    BigDecimal s = BigDecimal.ZERO;
    for (CSVRecord r : rows) s = s.add(new BigDecimal(r.get(column)));
    return s;
  }

  private static BigDecimal sum(JsonNode list, String field) {
    BigDecimal s = BigDecimal.ZERO;
    for (JsonNode n : list) s = s.add(new BigDecimal(n.get(field).asText()));
    return s;
  }

  @Test
  void ledgerTables_areTheJsonsRows() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String yaml =
          Files.readString(
              SharedData.repo().resolve("nuage-app/src/test/resources/ledger/finops-sample.yaml"));
      String scenario =
          api.post("/api/scenarios?name=finops.yaml", api.planner, yaml, "application/yaml")
              .json()
              .get("id")
              .asText();
      String sample =
          Files.readString(
              SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv"));
      assertThat(
              api.post("/api/ledger/ingest?name=s.csv", api.planner, sample, "text/csv").status())
          .isEqualTo(200);

      JsonNode drawdown = api.get("/api/ledger/drawdown?scenario=" + scenario, api.viewer).json();
      List<CSVRecord> years =
          rows(csv(api, "/api/ledger/drawdown?scenario=" + scenario, api.viewer));
      int i = 0;
      for (JsonNode c : drawdown.get("contracts")) {
        if (c.get("years").isEmpty()) {
          assertThat(years.get(i).get("contract")).isEqualTo(c.get("contract").asText());
          assertThat(years.get(i).get("consumed")).isEqualTo(c.get("consumed").asText());
          i++;
        }
        for (JsonNode y : c.get("years")) {
          assertThat(years.get(i).get("contract")).isEqualTo(c.get("contract").asText());
          assertThat(years.get(i).get("consumed")).isEqualTo(y.get("consumed").asText());
          i++;
        }
      }
      assertThat(years).hasSize(i).isNotEmpty();

      JsonNode spend = api.get("/api/ledger/spend?scenario=" + scenario, api.viewer).json();
      List<CSVRecord> months = rows(csv(api, "/api/ledger/spend?scenario=" + scenario, api.viewer));
      assertThat(months).hasSize(spend.get("spend").size());
      assertThat(sum(months, "billed")).isEqualByComparingTo(sum(spend.get("spend"), "billed"));

      JsonNode rec = api.get("/api/ledger/reconciliation?scenario=" + scenario, api.viewer).json();
      List<CSVRecord> flagged =
          rows(csv(api, "/api/ledger/reconciliation?scenario=" + scenario, api.viewer));
      assertThat(flagged).hasSize(rec.get("overbilled").size());
      if (!flagged.isEmpty())
        assertThat(sum(flagged, "excess"))
            .isEqualByComparingTo(sum(rec.get("overbilled"), "excess"));
    }
  }

  @Test
  void plans_listAndPlacements_andA406ForAJobWithoutThem() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = PlanApiTest.upload(api);
      String plan = PlanApiTest.startPlan(api, scenario);
      JsonNode job = PlanApiTest.awaitFinished(api, plan);
      assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
      List<CSVRecord> placements = rows(csv(api, "/api/plans/" + plan, api.viewer));
      JsonNode json = job.at("/result/placements");
      assertThat(placements).hasSize(json.size()).isNotEmpty();
      assertThat(sum(placements, "cost_usd")).isEqualByComparingTo(sum(json, "cost"));
      assertThat(placements.getFirst().get("gpu_hours"))
          .isEqualTo(json.get(0).get("gpuHours").asText());

      String tooLarge = Examples.microLab().replace("gpus: 256", "gpus: 5_000");
      var big = api.post("/api/scenarios?name=big.yaml", api.planner, tooLarge, "application/yaml");
      String infeasible = PlanApiTest.startPlan(api, big.json().get("id").asText());
      assertThat(PlanApiTest.awaitFinished(api, infeasible).get("status").asText())
          .isEqualTo("INFEASIBLE");
      RunningServer.Response refused = csv(api, "/api/plans/" + infeasible, api.viewer);
      assertThat(refused.status()).isEqualTo(406);
      assertThat(refused.body()).contains("has no placements").contains("infeasible");

      List<CSVRecord> jobs = rows(csv(api, "/api/plans", api.viewer));
      assertThat(jobs).extracting(r -> r.get("id")).containsExactlyInAnyOrder(plan, infeasible);
      assertThat(jobs)
          .filteredOn(r -> r.get("id").equals(plan))
          .singleElement()
          .satisfies(
              r -> assertThat(r.get("total_cost")).isEqualTo(job.at("/result/totalCost").asText()));
      List<CSVRecord> scenarios = rows(csv(api, "/api/scenarios", api.viewer));
      assertThat(scenarios).extracting(r -> r.get("id")).contains(scenario);
      // the size, as the JSON list has it: two uploads of one file are told apart
      JsonNode listed = api.get("/api/scenarios", api.viewer).json().get("scenarios");
      for (JsonNode s : listed) {
        assertThat(scenarios)
            .filteredOn(r -> r.get("id").equals(s.get("id").asText()))
            .singleElement()
            .satisfies(r -> assertThat(r.get("bytes")).isEqualTo(s.get("bytes").asText()));
      }
    }
  }
}
