package io.nuage.cli;

import static io.nuage.cli.GeneratedBills.month;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.contract.StorageCommitment;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.SharedData;
import io.nuage.workload.StorageDemand;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example, as issue 11's acceptance runs it: its plan billed through 2027-06 in FOCUS
 * 1.3 (the scenario found from the plan's name in the checkout's examples/), ingested whole, each
 * contract's applied amounts those of the plan, with the example's own billing ids.
 */
class GenerateBillingExampleTest {
  @TempDir Path dir;

  @Test
  void example_billsThrough2027_06FollowThePlanWithTheScenariosIds() throws Exception {
    Path example = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");
    Path plan = dir.resolve("plan.json");
    Cli planned = Cli.run("plan", example.toString(), "--format", "json", "--out", plan.toString());
    assertThat(planned.code()).as(planned.err()).isZero();
    Path bills = dir.resolve("bills.csv");
    Path commitments = dir.resolve("commitments.csv");
    String home = System.getProperty("nuage.home");
    System.setProperty("nuage.home", SharedData.repo().toString());
    Cli r;
    try {
      r =
          Cli.run(
              "generate-billing",
              "--from-plan",
              plan.toString(),
              "--until",
              "2027-06",
              "--focus-version",
              "1.3",
              "--out",
              bills.toString(),
              "--commitments-out",
              commitments.toString());
    } finally {
      if (home == null) System.clearProperty("nuage.home");
      else System.setProperty("nuage.home", home);
    }
    assertThat(r.code()).as(r.err()).isZero();

    var in =
        LedgerCommandTest.run(
            "ingest",
            "--db",
            dir.resolve("lab.duckdb").toString(),
            "--format",
            "json",
            commitments.toString(),
            bills.toString());
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.json().at("/files/1/focusVersion").asText()).isEqualTo("1.3");
    assertThat(in.json().at("/files/0/rejected").asLong()).isZero();
    assertThat(in.json().at("/files/1/rejected").asLong()).isZero();

    GeneratedBills rows = GeneratedBills.read(bills);
    assertThat(rows.rows()).allSatisfy(x -> assertThat(month(x)).isBetween("2027-01", "2027-06"));
    TreeSet<String> providers = new TreeSet<>();
    rows.rows().forEach(x -> providers.add(x.get("ProviderName")));
    assertThat(providers)
        .containsExactly("Google Cloud", "Lambda", "Microsoft", "Nebius", "Oracle");

    // what the rows apply to each contract, from the CSV alone, against the plan JSON
    JsonNode p = BillingFixture.json(plan);
    BigDecimal committed = BigDecimal.ZERO;
    BigDecimal reserved = BigDecimal.ZERO;
    for (JsonNode x : p.get("placements")) {
      if (x.get("month").asText().compareTo("2027-06") > 0) continue;
      if (x.get("pricing").asText().equals("committed"))
        committed = committed.add(new BigDecimal(x.get("cost").asText()));
      if (x.get("pricing").asText().equals("reserved"))
        reserved = reserved.add(new BigDecimal(x.get("gpuHours").asText()));
    }
    var applied = rows.applied();
    assertThat(applied.keySet())
        .containsExactly("GCP-STG-200PB", "NEB-RSV-H200-20K", "OCI-CSA-300B");
    assertThat(applied.get("OCI-CSA-300B").cost()).isEqualByComparingTo(committed);
    assertThat(applied.get("NEB-RSV-H200-20K").hours()).isEqualByComparingTo(reserved);
    // the data lake: what gcp stores, at the commitment's price up to its TB, above it at list
    Scenario s = ScenarioParser.parse(example);
    StorageCommitment lake = s.contracts(StorageCommitment.class).getFirst();
    BigDecimal list =
        s.catalog().storagePrices().stream()
            .filter(x -> x.provider().equals("gcp"))
            .findFirst()
            .orElseThrow()
            .pricePerTbMonth();
    BigDecimal lakeCost = BigDecimal.ZERO;
    for (YearMonth m = YearMonth.of(2027, 1);
        !m.isAfter(YearMonth.of(2027, 6));
        m = m.plusMonths(1)) {
      BigDecimal stored = BigDecimal.ZERO;
      for (StorageDemand d : s.workloads(StorageDemand.class))
        if (d.provider().equals("gcp") && d.months().contains(m)) stored = stored.add(d.tb());
      lakeCost =
          lakeCost
              .add(stored.min(lake.committedTb()).multiply(lake.pricePerTbMonth()))
              .add(stored.subtract(lake.committedTb()).max(BigDecimal.ZERO).multiply(list));
    }
    assertThat(lakeCost).isPositive();
    assertThat(applied.get("GCP-STG-200PB").cost()).isEqualByComparingTo(lakeCost);
    for (Map<String, String> x : rows.rows(x -> "Oracle".equals(x.get("ProviderName"))))
      assertThat(x.get("BillingAccountId")).isEqualTo("oci-frontier-lab");
    for (Map<String, String> x :
        rows.rows(
            x -> !GeneratedBills.elements(x).isEmpty() && "Oracle".equals(x.get("ProviderName"))))
      assertThat(GeneratedBills.elements(x).getFirst().get("ContractCommitmentId").asText())
          .isEqualTo("OCI-CSA-300B-Y1");
  }
}
