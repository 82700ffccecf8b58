package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.contract.BillingIds;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's loop on the shipped example: plan it, bill the plan through 2027-06 as FOCUS 1.3
 * ({@code generate-billing --from-plan}, the bills carrying the ids the scenario's {@code billing:}
 * names), ingest, and draw down: each contract's consumption equals what the generated rows apply
 * to it, summed here from the CSV text; nothing is unmatched, and the on-demand spend no contract
 * takes is listed as outside contracts, to the cent.
 */
class LedgerBillsFromPlanTest {
  static final Path EXAMPLE = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");

  @TempDir static Path dir;
  static JsonNode ledger;
  static List<Map<String, String>> rows;

  @BeforeAll
  static void planBillIngestDrawDown() throws Exception {
    Path plan = dir.resolve("plan.json");
    Cli p = Cli.run("plan", EXAMPLE.toString(), "--format", "json", "--out", plan.toString());
    assertThat(p.code()).as(p.err()).isZero();
    Path bills = dir.resolve("bills.csv");
    Path commitments = dir.resolve("commitments.csv");
    Cli g =
        Cli.run(
            "generate-billing",
            "--from-plan",
            plan.toString(),
            "--scenario",
            EXAMPLE.toString(),
            "--until",
            "2027-06",
            "--focus-version",
            "1.3",
            "--out",
            bills.toString(),
            "--commitments-out",
            commitments.toString());
    assertThat(g.code()).as(g.err()).isZero();
    Path db = dir.resolve("l.duckdb");
    Cli in = Cli.run("ingest", "--db", db.toString(), commitments.toString(), bills.toString());
    assertThat(in.code()).as(in.err()).isZero();
    Cli l =
        Cli.run(
            "ledger", "--scenario", EXAMPLE.toString(), "--db", db.toString(), "--format", "json");
    assertThat(l.code()).as(l.err()).isZero();
    ledger = BillingFixture.jsonText(l.out());
    rows = GeneratedBills.read(bills).rows();
  }

  private static JsonNode contract(String id) {
    for (JsonNode c : ledger.get("contracts")) if (c.get("contract").asText().equals(id)) return c;
    throw new AssertionError(id);
  }

  /** Σ applied cost (or quantity) of the file's elements naming the contract's ids. */
  private static BigDecimal applied(String contract, boolean quantity) throws Exception {
    Scenario s = ScenarioParser.parse(EXAMPLE);
    BillingIds ids = s.billingOf(contract);
    BigDecimal sum = BigDecimal.ZERO;
    for (Map<String, String> r : rows) {
      String ca = r.get("ContractApplied");
      if (ca == null || ca.isEmpty()) continue;
      for (JsonNode e : BillingFixture.jsonText(ca).get("Elements")) {
        boolean mine =
            ids.contractIds().contains(e.path("ContractId").asText())
                || ids.commitmentIds().contains(e.path("ContractCommitmentId").asText());
        JsonNode v =
            e.get(quantity ? "ContractCommitmentAppliedQuantity" : "ContractCommitmentAppliedCost");
        if (mine && v != null && !v.isNull()) sum = sum.add(v.decimalValue());
      }
    }
    return sum;
  }

  @Test
  void eachContract_consumesWhatTheGeneratedRowsApplyToIt() throws Exception {
    BigDecimal oci = applied("oci-committed-300b", false);
    BigDecimal storage = applied("gcp-storage-200pb", false);
    BigDecimal hours = applied("nebius-reserved-h200", true);
    assertThat(oci).isPositive();
    assertThat(storage).isPositive();
    assertThat(hours).isPositive();

    assertThat(new BigDecimal(contract("oci-committed-300b").get("consumed").asText()))
        .isEqualByComparingTo(oci);
    assertThat(
            new BigDecimal(
                contract("oci-committed-300b").get("matched").get("contract-applied").asText()))
        .isEqualByComparingTo(oci);
    assertThat(new BigDecimal(contract("gcp-storage-200pb").get("consumed").asText()))
        .isEqualByComparingTo(storage);
    assertThat(new BigDecimal(contract("nebius-reserved-h200").get("consumed").asText()))
        .isEqualByComparingTo(hours);
    // the rate card: every row of its billing account, matched by that id
    BigDecimal azure = BigDecimal.ZERO;
    for (Map<String, String> r : rows)
      if (r.get("BillingAccountId").equals("azure-frontier-lab"))
        azure = azure.add(new BigDecimal(r.get("BilledCost")));
    assertThat(new BigDecimal(contract("azure-rate-card").get("matched").get("ids").asText()))
        .isEqualByComparingTo(azure);
    // as of the end of June: the first contract year in progress, the next ones not started
    assertThat(ledger.get("asOf").asText()).isEqualTo("2027-07-01");
    JsonNode years = contract("oci-committed-300b").get("years");
    assertThat(years.get(0).get("status").asText()).isEqualTo("in-progress");
    for (int y = 1; y < years.size(); y++) {
      assertThat(years.get(y).get("status").asText()).isEqualTo("not-started");
      assertThat(years.get(y).get("projectedShortfall").isNull()).isTrue();
    }
  }

  @Test
  void nothingIsUnmatched_theOnDemandSpendIsOutsideContracts() {
    // rows no id names and no contract of their provider takes: on-demand GPUs and egress
    Map<String, String> provider =
        Map.of("Google Cloud", "gcp", "Lambda", "lambda", "Nebius", "nebius");
    Map<String, BigDecimal> expected = new TreeMap<>();
    for (Map<String, String> r : rows) {
      boolean named =
          !r.get("ContractApplied").isEmpty() || !r.get("CommitmentDiscountId").isEmpty();
      if (named || r.get("BillingAccountId").equals("azure-frontier-lab")) continue;
      expected.merge(
          provider.get(r.get("ProviderName")),
          new BigDecimal(r.get("BilledCost")),
          BigDecimal::add);
    }
    assertThat(expected).isNotEmpty(); // the plan buys on demand: the split is exercised
    Map<String, BigDecimal> listed = new HashMap<>();
    for (JsonNode u : ledger.get("outsideContracts"))
      listed.put(u.get("provider").asText(), new BigDecimal(u.get("billed").asText()));
    assertThat(listed.keySet()).isEqualTo(expected.keySet());
    expected.forEach((p, v) -> assertThat(listed.get(p)).as(p).isEqualByComparingTo(v));
    assertThat(ledger.get("unmatched")).isEmpty();
  }
}
