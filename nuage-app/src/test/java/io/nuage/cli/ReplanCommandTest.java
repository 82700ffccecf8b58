package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.plan.history.PlanKind;
import io.nuage.plancheck.PlanChecker;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.store.Store;
import io.nuage.store.plans.DuckDbPlans;
import io.nuage.testing.SharedData;
import io.nuage.workload.StorageDemand;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nuage plan --db}, bills that follow the plan ingested, then {@code nuage replan}: the
 * store-based version of issue 11's equality test, on the shipped example. The bills are written
 * here from the plan JSON and the scenario (one Usage row per provider and month).
 */
class ReplanCommandTest {
  static final Path EXAMPLE = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");
  static final YearMonth AS_OF = YearMonth.of(2027, 7);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> BILLING_NAMES =
      Map.of(
          "oci",
          "Oracle",
          "azure",
          "Microsoft",
          "gcp",
          "Google Cloud",
          "nebius",
          "Nebius",
          "lambda",
          "Lambda");

  @TempDir Path dir;

  @Test
  void replan_onBillsThatFollowThePlan_isThePlanAndPassesThePlanChecker() throws Exception {
    Path db = dir.resolve("nuage.duckdb");
    Path planFile = dir.resolve("plan.json");
    Cli plan =
        Cli.run(
            "plan",
            EXAMPLE.toString(),
            "--db",
            db.toString(),
            "--format",
            "json",
            "--out",
            planFile.toString());
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.err()).contains("kept in");
    JsonNode planned = JSON.readTree(planFile.toFile());
    Scenario scenario = ScenarioParser.parse(EXAMPLE);

    Path bills =
        FocusBills.write(dir.resolve("bills.csv"), billsFollowing(scenario, planned, AS_OF));
    Cli ingest = Cli.run("ingest", "--db", db.toString(), bills.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();

    Path replanFile = dir.resolve("replan.json");
    Cli replan =
        Cli.run(
            "replan",
            EXAMPLE.toString(),
            "--db",
            db.toString(),
            "--format",
            "json",
            "--out",
            replanFile.toString());
    assertThat(replan.code()).as(replan.err()).isZero();
    JsonNode r = JSON.readTree(replanFile.toFile());

    assertThat(r.path("fixedPast").path("asOf").asText()).isEqualTo("2027-07-01");
    List<JsonNode> kept = new ArrayList<>();
    planned
        .path("placements")
        .forEach(
            p -> {
              if (!YearMonth.parse(p.path("month").asText()).isBefore(AS_OF)) kept.add(p);
            });
    List<JsonNode> got = new ArrayList<>();
    r.path("placements").forEach(got::add);
    assertThat(got).containsExactlyElementsOf(kept);
    assertThat(new BigDecimal(r.path("totalCost").asText()))
        .isEqualByComparingTo(planned.path("totalCost").asText());
    assertThat(r.path("changes").path("runs")).isEmpty();
    assertThat(r.path("changes").path("fleets")).isEmpty();
    assertThat(PlanChecker.check(scenario, r)).isEmpty();

    // the true-up of oci's first contract year: its minimum less what the bills consumed, which
    // is every oci bill of 2027 before July (oci charges nothing but its committed usage then)
    JsonNode year0 = r.path("trueUp").get(0);
    BigDecimal billed = BigDecimal.ZERO;
    for (JsonNode p : planned.path("placements")) {
      if (p.path("provider").asText().equals("oci")
          && YearMonth.parse(p.path("month").asText()).isBefore(AS_OF))
        billed = billed.add(new BigDecimal(p.path("cost").asText()));
    }
    assertThat(year0.path("contract").asText()).isEqualTo("oci-committed-300b");
    // the plan JSON's year is 0-based; the commitment is the bills' own name of that year
    assertThat(year0.path("year").asInt()).isZero();
    assertThat(year0.path("commitment").asText()).isEqualTo("OCI-CSA-300B-Y1");
    assertThat(new BigDecimal(year0.path("consumedToDate").asText())).isEqualByComparingTo(billed);
    assertThat(new BigDecimal(year0.path("stillNeeded").asText()))
        .isEqualByComparingTo(new BigDecimal("20000000000").subtract(billed));
    assertThat(year0.path("met").asBoolean()).isTrue();

    try (Store store = Store.open(db)) {
      var plans = new DuckDbPlans(store);
      assertThat(plans.of("frontier-lab-2027")).hasSize(2);
      assertThat(plans.latest("frontier-lab-2027").orElseThrow().kind()).isEqualTo(PlanKind.REPLAN);
    }

    // the text a person reads: the same re-plan, from the re-plan just kept
    Cli text = Cli.run("replan", EXAMPLE.toString(), "--db", db.toString());
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("Re-plan as of 2027-07-01")
        .contains("Training runs moved\n  none")
        .contains("True-up ahead")
        .contains("oci-committed-300b")
        // years numbered from 1 in the text, as the ledger and the bills (-Y1) number them
        .containsPattern("oci-committed-300b +year 1 \\(2027-01\\.\\.2027-12\\)")
        .contains("oci-committed-300b year 1 (2027-01..2027-12, OCI-CSA-300B-Y1) met: yes")
        .doesNotContainPattern("oci-committed-300b +year 0 ");
  }

  @Test
  void replan_onGeneratedBillsThatDrift_passesThePlanCheckerWithEveryBilledDollar()
      throws Exception {
    Path db = dir.resolve("nuage.duckdb");
    Path planFile = dir.resolve("plan.json");
    Cli plan =
        Cli.run(
            "plan",
            EXAMPLE.toString(),
            "--db",
            db.toString(),
            "--format",
            "json",
            "--out",
            planFile.toString());
    assertThat(plan.code()).as(plan.err()).isZero();
    // demand 15% above the plan from April, oci's prices 3% up from May: FOCUS 1.3 bills
    Path bills = dir.resolve("bills.csv");
    Path commitments = dir.resolve("commitments.csv");
    Cli generate =
        Cli.run(
            "generate-billing",
            "--from-plan",
            planFile.toString(),
            "--scenario",
            EXAMPLE.toString(),
            "--until",
            "2027-06",
            "--focus-version",
            "1.3",
            "--drift",
            "demand=+15%@2027-04",
            "--drift",
            "price:oci=+3%@2027-05",
            "--out",
            bills.toString(),
            "--commitments-out",
            commitments.toString());
    assertThat(generate.code()).as(generate.err()).isZero();
    Cli ingest = Cli.run("ingest", "--db", db.toString(), commitments.toString(), bills.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();

    Cli replan = Cli.run("replan", EXAMPLE.toString(), "--db", db.toString(), "--format", "json");
    assertThat(replan.code()).as(replan.err()).isZero();
    JsonNode r = JSON.readTree(replan.out());
    Scenario scenario = ScenarioParser.parse(EXAMPLE);
    assertThat(PlanChecker.check(scenario, r)).isEmpty();
    // every billed dollar is in the re-plan's total: the sum of the file's BilledCost
    BigDecimal billed;
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT sum(CAST(BilledCost AS DECIMAL(38, 10))) FROM read_csv('"
                    + bills.toString().replace("'", "''")
                    + "', all_varchar = true)")) {
      rs.next();
      billed = rs.getBigDecimal(1);
    }
    assertThat(new BigDecimal(r.path("costBreakdown").path("actual").asText()))
        .isEqualByComparingTo(billed.setScale(2, java.math.RoundingMode.HALF_EVEN));
    assertThat(new BigDecimal(r.path("costBreakdown").path("actual").asText()))
        .isGreaterThan(
            new BigDecimal(r.path("changes").path("costs").get(0).path("previous").asText()));
  }

  /**
   * Each provider's bill per month before {@code asOf}: its placements and the egress it charges
   * (from the plan JSON), its reservations' fees and its storage (from the scenario).
   */
  static List<FocusBills.Bill> billsFollowing(Scenario scenario, JsonNode plan, YearMonth asOf) {
    Map<String, BigDecimal> spend = new TreeMap<>();
    for (String list : List.of("placements", "egress")) {
      for (JsonNode p : plan.path(list)) {
        YearMonth m = YearMonth.parse(p.path("month").asText());
        if (m.isBefore(asOf))
          spend.merge(
              p.path("provider").asText() + "|" + m,
              new BigDecimal(p.path("cost").asText()),
              BigDecimal::add);
      }
    }
    for (YearMonth m = scenario.horizon().start(); m.isBefore(asOf); m = m.plusMonths(1)) {
      BigDecimal hours = BigDecimal.valueOf(24L * m.lengthOfMonth());
      for (ReservedCapacity r : scenario.contracts(ReservedCapacity.class))
        if (r.term().contains(m))
          spend.merge(
              r.provider() + "|" + m,
              BigDecimal.valueOf(r.gpus()).multiply(hours).multiply(r.pricePerGpuHour()),
              BigDecimal::add);
      for (String provider : List.of("gcp", "azure")) {
        BigDecimal stored = BigDecimal.ZERO;
        for (StorageDemand d : scenario.workloads(StorageDemand.class))
          if (d.provider().equals(provider) && d.months().contains(m)) stored = stored.add(d.tb());
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (StorageCommitment c : scenario.contracts(StorageCommitment.class))
          if (c.provider().equals(provider) && c.term().contains(m)) {
            committed = committed.add(c.committedTb());
            cost = cost.add(c.committedTb().multiply(c.pricePerTbMonth()));
          }
        BigDecimal list =
            scenario.catalog().storagePrices().stream()
                .filter(s -> s.provider().equals(provider))
                .map(s -> s.pricePerTbMonth())
                .findFirst()
                .orElse(BigDecimal.ZERO);
        cost = cost.add(stored.subtract(committed).max(BigDecimal.ZERO).multiply(list));
        if (cost.signum() != 0) spend.merge(provider + "|" + m, cost, BigDecimal::add);
      }
    }
    List<FocusBills.Bill> bills = new ArrayList<>();
    spend.forEach(
        (k, v) -> {
          String[] key = k.split("\\|");
          bills.add(new FocusBills.Bill(BILLING_NAMES.get(key[0]), YearMonth.parse(key[1]), v));
        });
    return bills;
  }
}
