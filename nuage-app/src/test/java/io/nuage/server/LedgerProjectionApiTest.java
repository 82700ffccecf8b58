package io.nuage.server;

import static io.nuage.cli.FocusCsv.concat;
import static io.nuage.cli.FocusCsv.month;
import static io.nuage.cli.FocusCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.cli.FocusCsv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's honest figures through a real server (docs/ledger-drawdown.md, sections 1 to 4): the
 * as-of date, the projection of a year as actuals plus a plan job's rest of the year (recomputed
 * here from the plan's placements), matched and unmatched spend, and a currency without a rate
 * refused with 422.
 */
class LedgerProjectionApiTest {
  @TempDir Path folder;

  /** Oracle usage billed for each month given, {@code billed} each, in {@code currency}. */
  private String oracleBills(String currency, String billed, String... months) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    for (String m : months)
      rows.add(
          row(
              concat(
                  month(m),
                  "ProviderName",
                  "Oracle",
                  "PublisherName",
                  "Oracle",
                  "InvoiceIssuerName",
                  "Oracle",
                  "ServiceProviderName",
                  "Oracle",
                  "HostProviderName",
                  "Oracle",
                  "BillingCurrency",
                  currency,
                  "BilledCost",
                  billed,
                  "EffectiveCost",
                  billed,
                  "ContractedCost",
                  billed,
                  "ListCost",
                  billed)));
    return Files.readString(FocusCsv.write(folder.resolve("bills.csv"), rows));
  }

  private static String upload(RunningServer api, String yaml) {
    var r = api.post("/api/scenarios", api.planner, yaml, "application/yaml");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static void ingest(RunningServer api, String csv) {
    var r = api.post("/api/ledger/ingest?name=bills.csv", api.planner, csv, "text/csv");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void drawdown_withAPlanJobIsActualsPlusThePlansRestOfTheYear() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api, Examples.microLab());
      ingest(api, oracleBills("USD", "150000.00", "2027-01"));
      String plan = PlanApiTest.startPlan(api, scenario);
      JsonNode job = PlanApiTest.awaitFinished(api, plan);
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");

      var r = api.get("/api/ledger/drawdown?scenario=" + scenario + "&plan=" + plan, api.viewer);

      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode d = r.json();
      assertThat(d.get("asOf").asText()).isEqualTo("2027-02-01"); // January billed in one line
      assertThat(d.get("projection").get("source").asText()).isEqualTo("plan");
      assertThat(d.get("projection").get("plan").asText()).isEqualTo("plan job " + plan);
      JsonNode y1 = d.get("contracts").get(0).get("years").get(0);
      assertThat(y1.get("status").asText()).isEqualTo("in-progress");
      assertThat(y1.get("projectionSource").asText()).isEqualTo("plan");
      // independently: the plan's committed placements of oci-commit from February on
      BigDecimal rest = BigDecimal.ZERO;
      for (JsonNode p : job.get("result").get("placements")) {
        if (p.get("pricing").asText().equals("committed")
            && p.get("contract").asText().equals("oci-commit")
            && p.get("month").asText().compareTo("2027-02") >= 0)
          rest = rest.add(new BigDecimal(p.get("cost").asText()));
      }
      assertThat(rest).isPositive();
      BigDecimal projected = new BigDecimal("150000.00").add(rest);
      assertThat(new BigDecimal(y1.get("projected").asText())).isEqualByComparingTo(projected);
      assertThat(new BigDecimal(y1.get("projectedShortfall").asText()))
          .isEqualByComparingTo(new BigDecimal("2000000").subtract(projected).max(BigDecimal.ZERO));
      // the run rate stays beside it: 150,000 over 31 days, for the term's 181 days
      BigDecimal perDay =
          new BigDecimal("150000.00").divide(BigDecimal.valueOf(31), 10, RoundingMode.HALF_EVEN);
      assertThat(y1.get("runRate").get("label").asText())
          .isEqualTo("if spending stays at today's rate");
      assertThat(new BigDecimal(y1.get("runRate").get("projected").asText()))
          .isEqualByComparingTo(
              new BigDecimal("150000.00")
                  .add(perDay.multiply(BigDecimal.valueOf(181 - 31)))
                  .setScale(2, RoundingMode.HALF_EVEN));
      assertThat(d.get("contracts").get(0).get("matched").get("provider-name").asText())
          .isEqualTo("150000.00");
      // plan=none: the run rate, so labelled
      JsonNode plain =
          api.get("/api/ledger/drawdown?scenario=" + scenario + "&plan=none", api.viewer).json();
      assertThat(plain.get("projection").get("source").asText()).isEqualTo("run-rate");
      assertThat(plain.get("contracts").get(0).get("years").get(0).get("projected"))
          .isEqualTo(y1.get("runRate").get("projected"));
      // no plan named: the scenario's latest plan in the store, which the job kept
      JsonNode latest = api.get("/api/ledger/drawdown?scenario=" + scenario, api.viewer).json();
      assertThat(latest.get("projection").get("plan").asText()).startsWith("stored plan ");
      assertThat(latest.get("contracts").get(0).get("years").get(0).get("projected"))
          .isEqualTo(y1.get("projected"));
    }
  }

  @Test
  void drawdown_withAnUnknownPlanJobIs404() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api, Examples.microLab());
      var r = api.get("/api/ledger/drawdown?scenario=" + scenario + "&plan=pl_nope", api.viewer);
      assertThat(r.status()).as(r.body()).isEqualTo(404);
      assertThat(r.json().get("detail").asText()).contains("pl_nope");
    }
  }

  @Test
  void drawdown_aCurrencyWithoutARateIs422NamingItAndItsMonths() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario = upload(api, Examples.microLab());
      ingest(api, oracleBills("EUR", "1000.00", "2027-01", "2027-03"));

      var r = api.get("/api/ledger/drawdown?scenario=" + scenario, api.viewer);
      var spend = api.get("/api/ledger/spend?scenario=" + scenario, api.viewer);

      assertThat(r.status()).as(r.body()).isEqualTo(422);
      JsonNode problem = r.json().get("problems").get(0);
      assertThat(problem.get("path").asText()).isEqualTo("exchange-rates");
      assertThat(problem.get("message").asText())
          .startsWith("no rate for EUR in 2027-01, 2027-03 (the ledger holds EUR charges");
      assertThat(spend.status()).isEqualTo(422);
    }
  }

  @Test
  void drawdown_convertsWithTheScenariosRatesAndShowsTheConversion() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario =
          upload(
              api,
              Examples.microLab()
                  + "\nexchange-rates:\n  - {currency: EUR, month: 2027-01, rate: 1.0835}\n");
      ingest(api, oracleBills("EUR", "1000.01", "2027-01"));

      JsonNode d = api.get("/api/ledger/drawdown?scenario=" + scenario, api.viewer).json();

      // 1000.01 x 1.0835 = 1083.510835 -> 1083.51
      BigDecimal converted =
          new BigDecimal("1000.01")
              .multiply(new BigDecimal("1.0835"))
              .setScale(2, RoundingMode.HALF_EVEN);
      assertThat(new BigDecimal(d.get("contracts").get(0).get("consumed").asText()))
          .isEqualByComparingTo(converted);
      assertThat(d.get("conversions").get(0).get("converted").asText())
          .isEqualTo(converted.toPlainString());
      assertThat(d.get("unmatched")).isEmpty();
    }
  }
}
