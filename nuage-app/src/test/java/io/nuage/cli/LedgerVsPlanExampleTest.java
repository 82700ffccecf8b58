package io.nuage.cli;

import static io.nuage.cli.LedgerVsPlanTest.byKey;
import static io.nuage.cli.LedgerVsPlanTest.dec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.contract.ReservedCapacity;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewer's reproduction on the shipped example: plan it, bill the plan through 2027-06
 * without drift, ingest, and compare. Before, nebius showed its reservation fee (+23.96% a month),
 * gcp its storage commitment and June's egress, azure its storage, and a month cut at 2027-06-16 a
 * full month's plan against half a month's bills. Every line is 0.00 now, planned equal to the CSV.
 */
class LedgerVsPlanExampleTest {
  @TempDir static Path dir;
  static Path plan;
  static Path db;
  static GeneratedBills bills;

  @BeforeAll
  static void planBillIngest() throws Exception {
    plan = dir.resolve("plan.json");
    Cli p =
        Cli.run(
            "plan",
            LedgerBillsFromPlanTest.EXAMPLE.toString(),
            "--format",
            "json",
            "--out",
            plan.toString());
    assertThat(p.code()).as(p.err()).isZero();
    Path csv = dir.resolve("bills.csv");
    Cli g =
        Cli.run(
            "generate-billing",
            "--from-plan",
            plan.toString(),
            "--scenario",
            LedgerBillsFromPlanTest.EXAMPLE.toString(),
            "--until",
            "2027-06",
            "--out",
            csv.toString());
    assertThat(g.code()).as(g.err()).isZero();
    db = dir.resolve("s0.duckdb");
    Cli in = Cli.run("ingest", csv.toString(), "--db", db.toString());
    assertThat(in.code()).as(in.err()).isZero();
    bills = GeneratedBills.read(csv);
  }

  static JsonNode vsPlan(String... more) throws Exception {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "ledger",
                "vs-plan",
                "--plan",
                plan.toString(),
                "--scenario",
                LedgerBillsFromPlanTest.EXAMPLE.toString(),
                "--db",
                db.toString(),
                "--format",
                "json"));
    args.addAll(java.util.List.of(more));
    Cli r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return BillingFixture.jsonText(r.out());
  }

  @Test
  void billsThatFollowThePlan_showNoVariance() throws Exception {
    check(vsPlan(), r -> true);
  }

  @Test
  void aMonthCutAt20270616_isComparedWithThePlansShareOfIt() throws Exception {
    JsonNode answer = vsPlan("--as-of", "2027-06-16");
    check(answer, r -> r.get("ChargePeriodStart").compareTo("2027-06-16") < 0);
    Map<String, JsonNode> lines = byKey(answer);
    assertThat(lines.get("oci 2027-06").get("partial").asBoolean()).isTrue();
    // the fee of 15 of June's 30 days
    Scenario s = ScenarioParser.parse(LedgerBillsFromPlanTest.EXAMPLE);
    BigDecimal fee = BigDecimal.ZERO;
    for (ReservedCapacity k : s.contracts(ReservedCapacity.class))
      if (k.provider().equals("nebius") && k.term().contains(YearMonth.of(2027, 6)))
        fee = fee.add(BigDecimal.valueOf(k.gpus() * 24L * 15).multiply(k.pricePerGpuHour()));
    assertThat(fee.signum()).isPositive();
    assertThat(dec(lines.get("nebius 2027-06").get("planned"), "reservedFees"))
        .isEqualByComparingTo(fee);
  }

  private static void check(JsonNode answer, Predicate<Map<String, String>> which) {
    Map<String, JsonNode> lines = byKey(answer);
    SortedMap<String, BigDecimal> billed = bills.sum("BilledCost", which, LedgerVsPlanTest::key);
    assertThat(lines.keySet()).isEqualTo(billed.keySet());
    for (var e : lines.entrySet()) {
      JsonNode v = e.getValue();
      assertThat(v.get("spendVariance").asText()).as(e.getKey()).isEqualTo("0.00");
      assertThat(v.get("gpuHoursVariance").asText()).as(e.getKey()).isEqualTo("0.00");
      assertThat(dec(v, "plannedSpend"))
          .as(e.getKey())
          .isEqualByComparingTo(billed.get(e.getKey()));
    }
    // the parts the old comparison left out are there
    for (String k : new String[] {"nebius 2027-01", "gcp 2027-01", "azure 2027-01"}) {
      JsonNode parts = lines.get(k).get("planned");
      assertThat(dec(parts, "reservedFees").add(dec(parts, "storage")).signum()).as(k).isPositive();
    }
  }
}
