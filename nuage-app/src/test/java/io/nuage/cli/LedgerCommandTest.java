package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nuage ledger} end to end: ingest the real FinOps sample, then draw it down. */
class LedgerCommandTest {
  @TempDir Path dir;
  private Path db;
  private Path scenario;
  private Path sample;

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }
  }

  static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void ingestTheSample() {
    db = dir.resolve("ledger.duckdb");
    scenario = SharedData.repo().resolve("nuage-app/src/test/resources/ledger/finops-sample.yaml");
    sample = SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv");
  }

  private void ingest(Path file) {
    Run r = run("ingest", "--db", db.toString(), file.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  /** Σ BilledCost of a provider's rows in the given categories, from the CSV text. */
  private static BigDecimal raw(Path csv, String provider, String... categories) throws Exception {
    BigDecimal sum = BigDecimal.ZERO;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT ChargeCategory, BilledCost FROM read_csv('"
                    + csv
                    + "', all_varchar = true) WHERE ProviderName = '"
                    + provider
                    + "'")) {
      while (r.next()) {
        if (java.util.List.of(categories).contains(r.getString(1))) {
          sum = sum.add(new BigDecimal(r.getString(2)));
        }
      }
    }
    return sum;
  }

  @Test
  void ledger_jsonDrawsTheAwsDealDownByItsBilledUsage() throws Exception {
    ingest(sample);

    Run r =
        run("ledger", "--scenario", scenario.toString(), "--db", db.toString(), "--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("asOf").asText()).isEqualTo("2024-10-01");
    JsonNode aws = json.get("contracts").get(0);
    assertThat(aws.get("contract").asText()).isEqualTo("aws-commit");
    JsonNode y1 = aws.get("years").get(0);
    assertThat(y1.get("consumed").isTextual()).isTrue();
    assertThat(new BigDecimal(y1.get("consumed").asText()))
        .isEqualByComparingTo(raw(sample, "AWS", "Usage", "Purchase"));
    assertThat(y1.get("elapsedDays").asInt()).isEqualTo(274);
    // spend includes the AWS credit (-2.6137), the draw-down does not
    BigDecimal awsSpend = new BigDecimal(json.get("spend").get(0).get("billed").asText());
    assertThat(awsSpend).isEqualByComparingTo(raw(sample, "AWS", "Usage", "Credit"));
    assertThat(json.get("shares").get(0).get("share").asText()).isEqualTo("0.8775");
    assertThat(json.get("balanced").asBoolean()).isTrue();
  }

  @Test
  void ledger_asOfCutsTheCharges() throws Exception {
    ingest(sample);

    Run r =
        run(
            "ledger",
            "--scenario",
            scenario.toString(),
            "--db",
            db.toString(),
            "--as-of",
            "2024-09-16",
            "--format",
            "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode y1 = r.json().get("contracts").get(0).get("years").get(0);
    assertThat(y1.get("elapsedDays").asInt()).isEqualTo(259);
    assertThat(new BigDecimal(y1.get("consumed").asText()))
        .isLessThan(raw(sample, "AWS", "Usage", "Purchase"));
  }

  @Test
  void ledger_tableNamesEveryContractAndTheBalanceCheck() {
    ingest(sample);

    Run r = run("ledger", "--scenario", scenario.toString(), "--db", db.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("aws-commit", "oci-commit", "Spend by provider and month", "2024-09")
        .contains("Commitment balance");
    assertThat(r.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    Run reconcile =
        run("ledger", "reconcile", "--scenario", scenario.toString(), "--db", db.toString());
    assertThat(reconcile.code()).as(reconcile.err()).isZero();
    assertThat(reconcile.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
  }

  @Test
  void ledger_csvIsTheJsonsContractYearsExactly() throws Exception {
    ingest(sample);
    JsonNode json =
        run("ledger", "--scenario", scenario.toString(), "--db", db.toString(), "--format", "json")
            .json();
    Run csv =
        run("ledger", "--scenario", scenario.toString(), "--db", db.toString(), "--format", "csv");
    assertThat(csv.code()).as(csv.err()).isZero();
    var records =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(csv.out()))
            .getRecords();
    int i = 0;
    BigDecimal csvConsumed = BigDecimal.ZERO;
    BigDecimal jsonConsumed = BigDecimal.ZERO;
    for (JsonNode c : json.get("contracts")) {
      if (c.get("years").isEmpty()) {
        // a contract without minimums: one row of what it drew
        var rec = records.get(i++);
        assertThat(rec.get("contract")).isEqualTo(c.get("contract").asText());
        assertThat(rec.get("year")).isEmpty();
        assertThat(rec.get("consumed")).isEqualTo(c.get("consumed").asText());
        continue;
      }
      for (JsonNode y : c.get("years")) {
        var rec = records.get(i++);
        assertThat(rec.get("contract")).isEqualTo(c.get("contract").asText());
        assertThat(rec.get("consumed")).isEqualTo(y.get("consumed").asText());
        assertThat(rec.get("committed")).isEqualTo(y.get("committed").asText());
        csvConsumed = csvConsumed.add(new BigDecimal(rec.get("consumed")));
        jsonConsumed = jsonConsumed.add(new BigDecimal(y.get("consumed").asText()));
      }
    }
    assertThat(records).hasSize(i).isNotEmpty();
    assertThat(csvConsumed).isEqualByComparingTo(jsonConsumed).isPositive();
  }

  @Test
  void reconcile_flagsTheRowOverbilledOnPurpose() throws Exception {
    String row = "\"us-east-1f\",0.34000000000,";
    Path tampered = dir.resolve("overbilled.csv");
    Files.writeString(
        tampered, Files.readString(sample).replace(row, "\"us-east-1f\",5.34000000000,"));
    ingest(tampered);

    Run r =
        run(
            "ledger",
            "reconcile",
            "--scenario",
            scenario.toString(),
            "--db",
            db.toString(),
            "--format",
            "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("overbilled")).hasSize(1);
    assertThat(json.get("overbilled").get(0).get("excess").asText()).isEqualTo("5.00");
    JsonNode aws = json.get("totals").get(0);
    assertThat(aws.get("provider").asText()).isEqualTo("aws");
    assertThat(aws.get("rowsFlagged").asInt()).isEqualTo(1);
    assertThat(aws.get("excess").asText()).isEqualTo("5.00");
  }

  @Test
  void vsPlan_refusesAPlanItCannotBill() throws Exception {
    ingest(sample);
    // placements alone, no scenario, no rates: not what nuage plan writes, so what it bills
    // (fees, storage, egress) cannot be known (LedgerVsPlanTest compares real plans)
    Path plan = dir.resolve("plan.json");
    Files.writeString(
        plan,
        """
        {"status": "OPTIMAL", "placements": [
          {"workload": "w", "provider": "aws", "region": "us-east-1", "accelerator": "H100",
           "month": "2024-09", "gpus": 1, "gpuHours": "10.000", "cost": "20.00"}]}
        """);

    Run r =
        run(
            "ledger",
            "vs-plan",
            "--plan",
            plan.toString(),
            "--scenario",
            scenario.toString(),
            "--db",
            db.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(plan + ": scenario: missing").doesNotContain("\tat ");
  }

  @Test
  void badInput_exitsTwoWithAClearMessageAndNoStackTrace() throws Exception {
    Run noScenario = run("ledger", "--db", db.toString());
    assertThat(noScenario.code()).isEqualTo(2);
    assertThat(noScenario.err()).contains("--scenario FILE is required");

    Run badDate =
        run(
            "ledger",
            "--scenario",
            scenario.toString(),
            "--db",
            db.toString(),
            "--as-of",
            "2024-13-01");
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("--as-of", "2024-13-01", "YYYY-MM-DD");

    Path plan = dir.resolve("bad-plan.json");
    Files.writeString(
        plan,
        "{\"status\": \"OPTIMAL\", \"scenario\": \"finops-sample\", \"placements\": [{\"provider\": \"aws\", \"month\": \"2024-09\", \"cost\": \"1O.00\", \"gpuHours\": \"1\"}]}");
    Run badPlan =
        run(
            "ledger",
            "vs-plan",
            "--plan",
            plan.toString(),
            "--scenario",
            scenario.toString(),
            "--db",
            db.toString());
    assertThat(badPlan.code()).isEqualTo(2);
    assertThat(badPlan.err()).contains(plan.toString(), "placements[0].cost", "1O.00", "decimal");

    Path badScenario = dir.resolve("bad.yaml");
    Files.writeString(badScenario, "name: x\nhorizon: {start: 2027-13, end: 2028-01}\n");
    Run invalid = run("ledger", "--scenario", badScenario.toString(), "--db", db.toString());
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err()).contains(badScenario + ":2:18: horizon.start", "2027-13");

    Path missing = dir.resolve("missing.duckdb");
    Run noLedger = run("ledger", "--scenario", scenario.toString(), "--db", missing.toString());
    assertThat(noLedger.code()).isEqualTo(2);
    assertThat(noLedger.err()).contains(missing + ": no ledger here");
    assertThat(missing).doesNotExist();

    for (Run r : new Run[] {noScenario, badDate, badPlan, invalid, noLedger}) {
      assertThat(r.err()).doesNotContain("\tat ", "Exception");
    }
  }
}
