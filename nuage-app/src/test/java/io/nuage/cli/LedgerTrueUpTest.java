package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.contract.BillingIds;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewer's repro (a take-or-pay true-up counted as consumption): the shipped example planned,
 * billed through 2027-12 at half the demand with monthly charge periods, ingested. oci's first
 * contract year falls short and its bills end with a true-up; the ledger must show the year short
 * by the shortfall, paid by the true-up, and agree with the re-plan on the same store. Every
 * expected figure is summed here from the CSV text.
 */
class LedgerTrueUpTest {
  private static final String OCI = "oci-committed-300b";
  @TempDir static Path dir;
  static Path db;
  static Path plan;
  static JsonNode ledger;
  static GeneratedBills bills;

  @BeforeAll
  static void planBillLowIngest() throws Exception {
    String scenario = LedgerBillsFromPlanTest.EXAMPLE.toString();
    plan = dir.resolve("P.json");
    Cli p = Cli.run("plan", scenario, "--format", "json", "--out", plan.toString());
    assertThat(p.code()).as(p.err()).isZero();
    Path low = dir.resolve("low.csv");
    Cli g =
        Cli.run(
            "generate-billing",
            "--from-plan",
            plan.toString(),
            "--scenario", // ./nuage finds it in examples/; the tests run elsewhere
            scenario,
            "--until",
            "2027-12",
            "--drift",
            "demand=-50%",
            "--charge-period",
            "month",
            "--out",
            low.toString());
    assertThat(g.code()).as(g.err()).isZero();
    db = dir.resolve("low.duckdb");
    Cli in = Cli.run("ingest", low.toString(), "--db", db.toString());
    assertThat(in.code()).as(in.err()).isZero();
    Cli l = Cli.run("ledger", "--scenario", scenario, "--db", db.toString(), "--format", "json");
    assertThat(l.code()).as(l.err()).isZero();
    ledger = BillingFixture.jsonText(l.out());
    bills = GeneratedBills.read(low);
  }

  private static boolean isTrueUp(Map<String, String> row) {
    String tags = row.get("Tags");
    if (tags == null || tags.isEmpty()) return false;
    try {
      return "true-up".equals(BillingFixture.jsonText(tags).path("nuage-kind").asText());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Σ ContractApplied cost the 2027 rows apply to oci's deal, true-ups or not. */
  private static BigDecimal appliedToOci2027(boolean trueUps) throws Exception {
    BillingIds ids = ScenarioParser.parse(LedgerBillsFromPlanTest.EXAMPLE).billingOf(OCI);
    Set<String> contractIds = new HashSet<>(ids.contractIds());
    contractIds.add(OCI);
    BigDecimal sum = BigDecimal.ZERO;
    for (Map<String, String> r : bills.rows()) {
      if (!GeneratedBills.month(r).startsWith("2027") || isTrueUp(r) != trueUps) continue;
      for (JsonNode e : GeneratedBills.elements(r))
        if (contractIds.contains(e.path("ContractId").asText()))
          sum = sum.add(GeneratedBills.amount(e, "ContractCommitmentAppliedCost"));
    }
    return sum;
  }

  private static JsonNode ociYear1() {
    for (JsonNode c : ledger.get("contracts"))
      if (c.get("contract").asText().equals(OCI)) return c.get("years").get(0);
    throw new AssertionError(OCI);
  }

  private static BigDecimal dec(JsonNode n, String field) {
    return new BigDecimal(n.get(field).asText());
  }

  @Test
  void ociYear1_closedShortByTheShortfall_paidByTheTrueUp_notMet() throws Exception {
    BigDecimal consumed = appliedToOci2027(false);
    BigDecimal trueUp = appliedToOci2027(true);
    // the true-up row: one, billed what it applies
    var trueUpRows = bills.rows(LedgerTrueUpTest::isTrueUp);
    assertThat(trueUpRows).hasSize(1);
    assertThat(GeneratedBills.decimal(trueUpRows.get(0), "BilledCost"))
        .isEqualByComparingTo(trueUp);
    assertThat(trueUp).isPositive();

    JsonNode y1 = ociYear1();
    BigDecimal committed = dec(y1, "committed");
    assertThat(y1.get("status").asText()).isEqualTo("closed");
    assertThat(dec(y1, "consumed")).isEqualByComparingTo(consumed);
    assertThat(dec(y1, "trueUp")).isEqualByComparingTo(trueUp);
    assertThat(dec(y1, "projectedShortfall"))
        .isEqualByComparingTo(committed.subtract(consumed))
        .isEqualByComparingTo(trueUp);
    assertThat(y1.get("settlement").asText()).isEqualTo("short-paid");
    assertThat(dec(y1, "trueUpDifference")).isEqualByComparingTo("0");

    // the true-up is matched (by ContractApplied), not dropped and not unmatched
    JsonNode oci = null;
    for (JsonNode c : ledger.get("contracts")) if (c.get("contract").asText().equals(OCI)) oci = c;
    assertThat(new BigDecimal(oci.get("matched").get("contract-applied").asText()))
        .isEqualByComparingTo(consumed.add(trueUp));
    assertThat(ledger.get("unmatched")).isEmpty();
  }

  @Test
  void ledgerAndReplan_agreeOnTheYearsConsumptionAndShortfall() throws Exception {
    Cli r =
        Cli.run(
            "replan",
            LedgerBillsFromPlanTest.EXAMPLE.toString(),
            "--db",
            db.toString(),
            "--plan",
            plan.toString(),
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode year0 = null;
    for (JsonNode c : BillingFixture.jsonText(r.out()).path("contracts"))
      if (c.path("contract").asText().equals(OCI) && c.path("year").asInt() == 0) year0 = c;
    assertThat(year0).isNotNull();
    JsonNode y1 = ociYear1();
    assertThat(dec(year0, "consumedToDate")).isEqualByComparingTo(dec(y1, "consumed"));
    assertThat(dec(year0, "shortfall")).isEqualByComparingTo(dec(y1, "projectedShortfall"));
  }
}
