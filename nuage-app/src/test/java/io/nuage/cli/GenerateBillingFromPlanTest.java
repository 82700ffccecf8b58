package io.nuage.cli;

import static io.nuage.cli.GeneratedBills.decimal;
import static io.nuage.cli.GeneratedBills.month;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.workload.StorageDemand;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nuage generate-billing --from-plan} on a plan of the five-provider scenario: the bills
 * follow the plan to the cent (recomputed here from the plan JSON and the scenario, not from the
 * generator), ingest whole as FOCUS 1.3 (or 1.2), and every ContractApplied equals its row's cost.
 */
class GenerateBillingFromPlanTest {
  @TempDir static Path dir;
  static Path plan;
  static JsonNode planJson;
  static Scenario scenario;
  static Path bills;
  static Path commitments;
  static GeneratedBills rows;

  @BeforeAll
  static void billThePlan() throws Exception {
    plan = BillingFixture.plan(dir);
    planJson = BillingFixture.json(plan);
    scenario = ScenarioParser.parse(BillingFixture.SCENARIO);
    bills = dir.resolve("bills.csv");
    commitments = dir.resolve("commitments.csv");
    Cli r =
        BillingFixture.generate(
            plan,
            "2027-12",
            "--out",
            bills.toString(),
            "--commitments-out",
            commitments.toString());
    assertThat(r.code()).as(r.err()).isZero();
    rows = GeneratedBills.read(bills);
  }

  @Test
  void gpuRows_sumToThePlansPlacementsPerProviderAndMonth() {
    SortedMap<String, BigDecimal> planned = new TreeMap<>();
    SortedMap<String, BigDecimal> plannedHours = new TreeMap<>();
    SortedMap<String, BigDecimal> plannedReserved = new TreeMap<>();
    for (JsonNode p : planJson.get("placements")) {
      String key = p.get("provider").asText() + " " + p.get("month").asText();
      planned.merge(key, new BigDecimal(p.get("cost").asText()), BigDecimal::add);
      plannedHours.merge(key, new BigDecimal(p.get("gpuHours").asText()), BigDecimal::add);
      if (p.get("pricing").asText().equals("reserved"))
        plannedReserved.merge(key, new BigDecimal(p.get("gpuHours").asText()), BigDecimal::add);
    }
    var gpu =
        (java.util.function.Predicate<Map<String, String>>)
            r -> "GPU Hours".equals(r.get("ConsumedUnit"));
    var key =
        (java.util.function.Function<Map<String, String>, String>)
            r -> provider(r) + " " + month(r);

    assertThat(planned).isNotEmpty();
    assertThat(rows.sum("BilledCost", gpu, key)).isEqualTo(normal(planned));
    assertThat(rows.sum("ConsumedQuantity", gpu, key)).isEqualTo(normal(plannedHours));
    assertThat(
            rows.sum(
                "ConsumedQuantity",
                gpu.and(r -> "Used".equals(r.get("CommitmentDiscountStatus"))),
                key))
        .isEqualTo(normal(plannedReserved));
  }

  @Test
  void everyPlacement_isBilledItsPlanCostExactly() {
    // the rows of one placement (workload, region, accelerator, month, pricing) sum to its cost
    SortedMap<String, BigDecimal> planned = new TreeMap<>();
    for (JsonNode p : planJson.get("placements")) {
      planned.merge(
          p.get("workload").asText()
              + " "
              + p.get("region").asText().replaceFirst("^[a-z]+/", "")
              + " "
              + p.get("accelerator").asText()
              + " "
              + p.get("month").asText()
              + " "
              + p.get("pricing").asText(),
          new BigDecimal(p.get("cost").asText()),
          BigDecimal::add);
    }
    SortedMap<String, BigDecimal> billed =
        rows.sum(
            "BilledCost",
            r -> "GPU Hours".equals(r.get("ConsumedUnit")),
            r ->
                tag(r, "nuage-workload")
                    + " "
                    + r.get("RegionId")
                    + " "
                    + accelerator(r)
                    + " "
                    + month(r)
                    + " "
                    + tag(r, "nuage-pricing"));
    assertThat(billed).isEqualTo(normal(planned));
  }

  @Test
  void fixedCosts_areTheReservationFeesStorageAndEgressOfThePlan() {
    // reservation purchases: GPUs x hours of the month x price, recomputed from the scenario
    ReservedCapacity r = scenario.contracts(ReservedCapacity.class).getFirst();
    BigDecimal fees = BigDecimal.ZERO;
    SortedMap<String, BigDecimal> expectedFees = new TreeMap<>();
    for (YearMonth m : r.term().months()) {
      BigDecimal fee =
          BigDecimal.valueOf((long) r.gpus() * 24 * m.lengthOfMonth())
              .multiply(r.pricePerGpuHour());
      expectedFees.put(m.toString(), fee);
      fees = fees.add(fee);
    }
    assertThat(
            rows.sum(
                "BilledCost",
                r2 ->
                    "Purchase".equals(r2.get("ChargeCategory"))
                        && "Compute".equals(r2.get("ServiceCategory")),
                GeneratedBills::month))
        .isEqualTo(normal(expectedFees));
    assertThat(fees).isEqualByComparingTo(planJson.at("/costBreakdown/reserved").asText());

    // storage: committed TB x price, plus what is stored above it at list, per provider and month
    BigDecimal storage = BigDecimal.ZERO;
    SortedMap<String, BigDecimal> expectedStorage = new TreeMap<>();
    for (YearMonth m : scenario.horizon().months()) {
      for (String p : Set.of("gcp", "azure")) {
        BigDecimal stored = BigDecimal.ZERO;
        for (StorageDemand d : scenario.workloads(StorageDemand.class))
          if (d.provider().equals(p) && d.months().contains(m)) stored = stored.add(d.tb());
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (StorageCommitment c : scenario.contracts(StorageCommitment.class)) {
          if (c.provider().equals(p) && c.term().contains(m)) {
            committed = committed.add(c.committedTb());
            cost = cost.add(c.committedTb().multiply(c.pricePerTbMonth()));
          }
        }
        BigDecimal list =
            scenario.catalog().storagePrices().stream()
                .filter(x -> x.provider().equals(p))
                .findFirst()
                .orElseThrow()
                .pricePerTbMonth();
        cost = cost.add(stored.subtract(committed).max(BigDecimal.ZERO).multiply(list));
        expectedStorage.put(p + " " + m, cost);
        storage = storage.add(cost);
      }
    }
    assertThat(
            rows.sum(
                "BilledCost",
                r2 -> "Storage".equals(r2.get("ServiceCategory")),
                r2 -> provider(r2) + " " + month(r2)))
        .isEqualTo(normal(expectedStorage));
    assertThat(storage).isEqualByComparingTo(planJson.at("/costBreakdown/storage").asText());

    // egress: the plan's egress entries, billed by the home provider in their month
    SortedMap<String, BigDecimal> egress = new TreeMap<>();
    for (JsonNode e : planJson.get("egress"))
      egress.merge(
          e.get("provider").asText() + " " + e.get("month").asText(),
          new BigDecimal(e.get("cost").asText()),
          BigDecimal::add);
    assertThat(egress).isNotEmpty();
    assertThat(
            rows.sum(
                "BilledCost",
                r2 -> "Networking".equals(r2.get("ServiceCategory")),
                r2 -> provider(r2) + " " + month(r2)))
        .isEqualTo(normal(egress));
  }

  @Test
  void everyRow_keepsTheFocusCostIdentitiesExactly() {
    for (Map<String, String> r : rows.rows()) {
      BigDecimal q = decimal(r, "PricingQuantity");
      assertThat(decimal(r, "ListCost"))
          .as(r.toString())
          .isEqualByComparingTo(q.multiply(decimal(r, "ListUnitPrice")));
      assertThat(decimal(r, "ContractedCost"))
          .as(r.toString())
          .isEqualByComparingTo(q.multiply(decimal(r, "ContractedUnitPrice")));
      if (!"Purchase".equals(r.get("ChargeCategory"))
          && r.get("CommitmentDiscountStatus").isEmpty())
        assertThat(decimal(r, "BilledCost")).isEqualByComparingTo(decimal(r, "EffectiveCost"));
      // a billed row is within half a cent of its quantity at its contracted price
      if (!"Committed".equals(r.get("PricingCategory"))
          && !"Purchase".equals(r.get("ChargeCategory")))
        assertThat(decimal(r, "BilledCost").subtract(decimal(r, "ContractedCost")).abs())
            .as(r.toString())
            .isLessThanOrEqualTo(new BigDecimal("0.005"));
    }
  }

  @Test
  void contractApplied_equalsEachRowsEffectiveCostAndNamesOnlyKnownCommitments() throws Exception {
    Set<String> known = new HashSet<>();
    for (var c : GeneratedBills.read(commitments).rows()) known.add(c.get("ContractCommitmentId"));
    int applied = 0;
    for (Map<String, String> r : rows.rows()) {
      var elements = GeneratedBills.elements(r);
      if (elements.isEmpty()) continue;
      applied++;
      BigDecimal cost = BigDecimal.ZERO;
      for (JsonNode e : elements) {
        assertThat(known).contains(e.get("ContractCommitmentId").asText());
        assertThat(e.has("ContractId") && e.has("ContractCommitmentAppliedUnit")).isTrue();
        cost = cost.add(GeneratedBills.amount(e, "ContractCommitmentAppliedCost"));
        if (!e.get("ContractCommitmentAppliedQuantity").isNull()) {
          assertThat(e.get("ContractCommitmentAppliedUnit").asText()).isEqualTo("Hours");
          assertThat(GeneratedBills.amount(e, "ContractCommitmentAppliedQuantity"))
              .isEqualByComparingTo(decimal(r, "ConsumedQuantity"));
        }
      }
      if (elements.stream().anyMatch(e -> !e.get("ContractCommitmentAppliedCost").isNull()))
        assertThat(cost).as(r.toString()).isEqualByComparingTo(decimal(r, "EffectiveCost"));
    }
    assertThat(applied).isGreaterThan(100);
    // committed rows apply to the deal's year, reserved rows their hours, storage its cost
    var byContract = rows.applied();
    assertThat(byContract.keySet())
        .containsExactlyInAnyOrder("oci-commit", "nebius-h200", "gcp-lake");
    BigDecimal committedPlan = BigDecimal.ZERO;
    BigDecimal reservedPlan = BigDecimal.ZERO;
    for (JsonNode p : planJson.get("placements")) {
      if (p.get("pricing").asText().equals("committed"))
        committedPlan = committedPlan.add(new BigDecimal(p.get("cost").asText()));
      if (p.get("pricing").asText().equals("reserved"))
        reservedPlan = reservedPlan.add(new BigDecimal(p.get("gpuHours").asText()));
    }
    assertThat(byContract.get("oci-commit").cost()).isEqualByComparingTo(committedPlan);
    assertThat(byContract.get("oci-commit").cost())
        .isEqualByComparingTo(planJson.at("/contracts/0/consumed").asText());
    assertThat(byContract.get("nebius-h200").hours()).isEqualByComparingTo(reservedPlan);
  }

  @Test
  void ingest_takesEveryRowAsFocus13AndTheCommitmentsAsTheirDataset() throws Exception {
    Path db = dir.resolve("ingest13.duckdb");
    var r =
        LedgerCommandTest.run(
            "ingest",
            "--db",
            db.toString(),
            "--format",
            "json",
            commitments.toString(),
            bills.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode files = r.json().get("files");
    assertThat(files.get(0).get("dataset").asText()).isEqualTo("ContractCommitment");
    assertThat(files.get(0).get("rejected").asLong()).isZero();
    assertThat(files.get(0).get("accepted").asLong())
        .isEqualTo(GeneratedBills.read(commitments).rows().size());
    assertThat(files.get(1).get("focusVersion").asText()).isEqualTo("1.3");
    assertThat(files.get(1).get("rejected").asLong()).isZero();
    assertThat(files.get(1).get("accepted").asLong()).isEqualTo(rows.rows().size());

    // reconcile: no ContractApplied line off its cost, no GPU row billed above its contract
    Cli rec = Cli.reconcile(BillingFixture.SCENARIO, db, "--format", "json");
    assertThat(rec.code()).as(rec.err()).isZero();
    JsonNode json = BillingFixture.jsonText(rec.out());
    assertThat(json.get("contractApplied")).isEmpty();
    Set<String> storage = new HashSet<>();
    for (var s : rows.rows(x -> "Storage".equals(x.get("ServiceCategory"))))
      storage.add(s.get("ResourceId"));
    for (JsonNode flagged : json.get("overbilled"))
      // reconcile applies the rate card's discount to every azure usage row, while the planner
      // prices storage at list (docs/billing-from-plan.md, "Known disagreements"): only storage
      // rows are flagged, never a GPU row
      assertThat(storage).as(flagged.toString()).contains(flagged.get("resourceId").asText());

    // the FOCUS commitment balance holds for the reservation and the storage commitment
    var ledger =
        LedgerCommandTest.run(
            "ledger",
            "--scenario",
            BillingFixture.SCENARIO.toString(),
            "--db",
            db.toString(),
            "--format",
            "json");
    assertThat(ledger.code()).as(ledger.err()).isZero();
    JsonNode balance = ledger.json().get("commitmentBalance");
    assertThat(balance).hasSize(2);
    for (JsonNode b : balance)
      assertThat(b.get("verdict").asText()).as(b.toString()).isEqualTo("BALANCED");
  }

  @Test
  void focus12_hasNoContractAppliedAndIngestsAs12() throws Exception {
    Path csv = dir.resolve("bills-12.csv");
    Cli r =
        BillingFixture.generate(plan, "2027-03", "--focus-version", "1.2", "--out", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String header = Files.readAllLines(csv).getFirst();
    assertThat(header.split(","))
        .hasSize(57)
        .doesNotContain("ContractApplied", "ServiceProviderName");
    Path db = dir.resolve("ingest12.duckdb");
    var in =
        LedgerCommandTest.run("ingest", "--db", db.toString(), "--format", "json", csv.toString());
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.json().at("/files/0/focusVersion").asText()).isEqualTo("1.2");
    assertThat(in.json().at("/files/0/rejected").asLong()).isZero();
    // the same amounts as the 1.3 file's first quarter
    var q1 =
        (java.util.function.Predicate<Map<String, String>>) x -> month(x).compareTo("2027-04") < 0;
    assertThat(GeneratedBills.read(csv).sum("BilledCost", x -> true, GeneratedBills::month))
        .isEqualTo(rows.sum("BilledCost", q1, GeneratedBills::month));
  }

  @Test
  void sameSeed_sameBytes_otherSeed_sameAmountsOtherIds() throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    for (Path p : new Path[] {a, b})
      assertThat(
              BillingFixture.generate(plan, "2027-04", "--seed", "7", "--out", p.toString()).code())
          .isZero();
    assertThat(
            BillingFixture.generate(plan, "2027-04", "--seed", "8", "--out", c.toString()).code())
        .isZero();
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    var x = GeneratedBills.read(a);
    var y = GeneratedBills.read(c);
    assertThat(x.sum("BilledCost", r -> true, r -> provider(r) + " " + month(r)))
        .isEqualTo(y.sum("BilledCost", r -> true, r -> provider(r) + " " + month(r)));
    assertThat(x.rows().getFirst().get("ResourceId"))
        .isNotEqualTo(y.rows().getFirst().get("ResourceId"));
  }

  @Test
  void gzip_isTheSameBytesCompressedAndFilesGetTheUsualPermissions() throws Exception {
    Path plain = dir.resolve("plain.csv");
    Path packed = dir.resolve("packed.csv.gz");
    assertThat(BillingFixture.generate(plan, "2027-02", "--out", plain.toString()).code()).isZero();
    assertThat(
            BillingFixture.generate(plan, "2027-02", "--gzip", "--out", packed.toString()).code())
        .isZero();
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(packed))) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(plain));
    }
    // regression: the output was written to a temporary file created owner-only (0600) and kept
    // those permissions once moved into place
    Path usual = Files.writeString(dir.resolve("usual.txt"), "x");
    assertThat(Files.getPosixFilePermissions(plain))
        .isEqualTo(Files.getPosixFilePermissions(usual));
    try (var left = Files.list(dir)) {
      assertThat(left.map(Path::toString)).noneMatch(n -> n.contains(".tmp-"));
    }
  }

  @Test
  void monthlyChargePeriods_billTheSameAmountsInFewerRows() throws Exception {
    Path csv = dir.resolve("monthly.csv");
    Cli r =
        BillingFixture.generate(
            plan, "2027-12", "--charge-period", "month", "--out", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    var monthly = GeneratedBills.read(csv);
    assertThat(monthly.rows().size()).isLessThan(rows.rows().size() / 10);
    for (String column :
        new String[] {"BilledCost", "EffectiveCost", "ListCost", "ConsumedQuantity"})
      assertThat(monthly.sum(column, x -> true, x -> provider(x) + " " + month(x)))
          .as(column)
          .isEqualTo(rows.sum(column, x -> true, x -> provider(x) + " " + month(x)));
    for (Map<String, String> row : monthly.rows())
      assertThat(row.get("ChargePeriodStart")).endsWith("-01T00:00:00Z");
  }

  @Test
  void gangHours_fallOnTheDaysTheGangRuns() {
    // pretrain's last month: its gang of 128 runs from the month's first hour for w hours, so no
    // row of it starts after hour w; its reserved hours beyond a day's 96 reserved GPUs go to the
    // reservation's other days (the plan counts reserved hours per month)
    var lastMonth =
        rows.rows(r -> "pretrain".equals(tag(r, "nuage-workload")) && month(r).equals("2027-04"));
    assertThat(lastMonth).isNotEmpty();
    for (Map<String, String> r : lastMonth)
      assertThat(decimal(r, "ConsumedQuantity")).isLessThanOrEqualTo(BigDecimal.valueOf(96 * 24));
    var march =
        rows.rows(
            r ->
                "pretrain".equals(tag(r, "nuage-workload"))
                    && month(r).equals("2027-03")
                    && "on-demand".equals(tag(r, "nuage-pricing")));
    // in its first month the gang runs every hour: its on-demand rows cover every day
    assertThat(march).hasSize(31);
  }

  @Test
  void providers_writeTheirOwnNames() {
    Map<String, String> names = new TreeMap<>();
    for (Map<String, String> r : rows.rows())
      names.put(
          r.get("ProviderName"), r.get("InvoiceIssuerName") + " | " + r.get("BillingAccountId"));
    assertThat(names)
        .containsOnlyKeys("Oracle", "Microsoft", "Google Cloud", "Nebius", "Lambda")
        .containsEntry("Oracle", "Oracle | oci-five-providers")
        .containsEntry("Google Cloud", "Google Cloud | gcp-five-providers");
    for (Map<String, String> r : rows.rows()) {
      assertThat(r.get("ServiceProviderName")).isEqualTo(r.get("ProviderName"));
      if ("GPU Hours".equals(r.get("ConsumedUnit"))) {
        assertThat(r.get("SkuPriceDetails"))
            .contains("\"x_AcceleratorType\":\"" + accelerator(r) + "\"");
        assertThat(r.get("RegionId")).doesNotContain("/");
      }
    }
  }

  static String provider(Map<String, String> r) {
    return switch (r.get("ProviderName")) {
      case "Oracle" -> "oci";
      case "Microsoft" -> "azure";
      case "Google Cloud" -> "gcp";
      case "Nebius" -> "nebius";
      case "Lambda" -> "lambda";
      default -> r.get("ProviderName");
    };
  }

  static String tag(Map<String, String> r, String key) {
    String tags = r.get("Tags");
    int at = tags.indexOf("\"" + key + "\":\"");
    if (at < 0) return "";
    int from = at + key.length() + 4;
    return tags.substring(from, tags.indexOf('"', from));
  }

  static String accelerator(Map<String, String> r) {
    String d = r.get("SkuPriceDetails");
    int from = d.indexOf("\"x_AcceleratorType\":\"") + 21;
    return d.substring(from, d.indexOf('"', from));
  }

  /** Amounts compared by value: trailing zeros stripped, a sum of nothing left out. */
  static SortedMap<String, BigDecimal> normal(Map<String, BigDecimal> m) {
    SortedMap<String, BigDecimal> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.stripTrailingZeros()));
    return out;
  }
}
