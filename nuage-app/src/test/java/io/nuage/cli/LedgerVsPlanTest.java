package io.nuage.cli;

import static io.nuage.cli.GenerateBillingFromPlanTest.provider;
import static io.nuage.cli.GeneratedBills.month;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.catalog.StoragePrice;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.workload.StorageDemand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nuage ledger vs-plan} against bills that follow the plan (docs/ledger-drawdown.md, section
 * 8), on the five-provider scenario (a reservation, a storage commitment, storage above it and
 * without one, an egress): planned is everything the plan bills, so bills without drift show 0.00
 * in every provider and month, whole or cut by the as-of date, and a drift shows its own effect.
 * Every expected figure is recomputed here from the plan JSON, the scenario and the CSV text.
 */
class LedgerVsPlanTest {
  @TempDir static Path dir;
  static Path plan;
  static JsonNode planJson;
  static Scenario scenario;
  static Path db;
  static GeneratedBills bills;

  @BeforeAll
  static void planBillIngest() throws Exception {
    plan = BillingFixture.plan(dir);
    planJson = BillingFixture.json(plan);
    scenario = ScenarioParser.parse(BillingFixture.SCENARIO);
    db = dir.resolve("on-plan.duckdb");
    bills = billAndIngest("on-plan", db);
  }

  /** {@code generate-billing} with {@code options} through 2027-06, ingested into {@code store}. */
  static GeneratedBills billAndIngest(String name, Path store, String... options) throws Exception {
    Path csv = dir.resolve(name + ".csv");
    List<String> more = new ArrayList<>(List.of(options));
    more.addAll(List.of("--out", csv.toString()));
    Cli g = BillingFixture.generate(plan, "2027-06", more.toArray(String[]::new));
    assertThat(g.code()).as(g.err()).isZero();
    Cli in = Cli.run("ingest", "--db", store.toString(), csv.toString());
    assertThat(in.code()).as(in.err()).isZero();
    return GeneratedBills.read(csv);
  }

  static JsonNode vsPlan(Path store, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ledger",
                "vs-plan",
                "--plan",
                plan.toString(),
                "--scenario",
                BillingFixture.SCENARIO.toString(),
                "--db",
                store.toString(),
                "--format",
                "json"));
    args.addAll(List.of(more));
    Cli r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return BillingFixture.jsonText(r.out());
  }

  static Map<String, JsonNode> byKey(JsonNode answer) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode v : answer.get("planVsActual"))
      out.put(v.get("provider").asText() + " " + v.get("month").asText(), v);
    return out;
  }

  static BigDecimal dec(JsonNode n, String field) {
    return new BigDecimal(n.get(field).asText());
  }

  /** Σ of a plan list's field per provider and month, for the rows {@code which} keeps. */
  static SortedMap<String, BigDecimal> planned(
      String list, String field, Predicate<JsonNode> which) {
    SortedMap<String, BigDecimal> out = new TreeMap<>();
    for (JsonNode p : planJson.get(list))
      if (which.test(p))
        out.merge(
            p.get("provider").asText() + " " + p.get("month").asText(),
            new BigDecimal(p.get(field).asText()),
            BigDecimal::add);
    return out;
  }

  static final Predicate<Map<String, String>> ALL = r -> true;

  static String key(Map<String, String> r) {
    return provider(r) + " " + month(r);
  }

  @Test
  void onPlanBills_showNoVarianceInAnyProviderOrMonth() throws Exception {
    JsonNode answer = vsPlan(db);
    Map<String, JsonNode> lines = byKey(answer);
    SortedMap<String, BigDecimal> billed = bills.sum("BilledCost", ALL, LedgerVsPlanTest::key);

    // a line for every provider and month the bills charge, and only those
    assertThat(lines.keySet()).isEqualTo(billed.keySet());
    assertThat(answer.get("asOf").asText()).isEqualTo("2027-07-01");
    assertThat(answer.get("plannedMonthsAfterAsOf").asLong()).isEqualTo(6);
    for (var e : lines.entrySet()) {
      JsonNode v = e.getValue();
      assertThat(v.get("partial").asBoolean()).isFalse();
      assertThat(v.get("spendVariance").asText()).as(e.getKey()).isEqualTo("0.00");
      assertThat(v.get("gpuHoursVariance").asText()).as(e.getKey()).isEqualTo("0.00");
      assertThat(dec(v, "plannedSpend"))
          .as(e.getKey())
          .isEqualByComparingTo(billed.get(e.getKey()));
      assertThat(dec(v, "actualSpend")).as(e.getKey()).isEqualByComparingTo(billed.get(e.getKey()));
    }
  }

  @Test
  void plannedParts_areThePlansUsageFeesStorageAndEgress() throws Exception {
    Map<String, JsonNode> lines = byKey(vsPlan(db));
    SortedMap<String, BigDecimal> usage = planned("placements", "cost", p -> true);
    SortedMap<String, BigDecimal> hours = planned("placements", "gpuHours", p -> true);
    SortedMap<String, BigDecimal> egress = planned("egress", "cost", p -> true);
    assertThat(egress).as("the fixture moves a dataset").isNotEmpty();

    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal storage = BigDecimal.ZERO;
    for (var e : lines.entrySet()) {
      String provider = e.getValue().get("provider").asText();
      YearMonth m = YearMonth.parse(e.getValue().get("month").asText());
      JsonNode parts = e.getValue().get("planned");
      assertThat(dec(parts, "usage"))
          .as(e.getKey())
          .isEqualByComparingTo(usage.getOrDefault(e.getKey(), BigDecimal.ZERO));
      assertThat(dec(parts, "reservedFees"))
          .as(e.getKey())
          .isEqualByComparingTo(reservedFee(provider, m));
      assertThat(dec(parts, "storage")).as(e.getKey()).isEqualByComparingTo(storage(provider, m));
      assertThat(dec(parts, "egress"))
          .as(e.getKey())
          .isEqualByComparingTo(egress.getOrDefault(e.getKey(), BigDecimal.ZERO));
      // the deal's year ends in 2027-12: no true-up in these months
      assertThat(dec(parts, "trueUp")).isEqualByComparingTo("0");
      assertThat(dec(e.getValue(), "plannedGpuHours"))
          .as(e.getKey())
          .isEqualByComparingTo(hours.getOrDefault(e.getKey(), BigDecimal.ZERO));
      BigDecimal sum =
          dec(parts, "usage")
              .add(dec(parts, "reservedFees"))
              .add(dec(parts, "storage"))
              .add(dec(parts, "egress"))
              .add(dec(parts, "trueUp"));
      assertThat(dec(e.getValue(), "plannedSpend")).isEqualByComparingTo(sum);
      fees = fees.add(dec(parts, "reservedFees"));
      storage = storage.add(dec(parts, "storage"));
    }
    // what the old comparison left out, and the bills carry
    assertThat(fees.signum()).isPositive();
    assertThat(storage.signum()).isPositive();
  }

  @Test
  void aMonthTheAsOfDateCuts_isComparedWithThePlansShareOfItsDays() throws Exception {
    JsonNode answer = vsPlan(db, "--as-of", "2027-03-16");
    Map<String, JsonNode> lines = byKey(answer);
    Predicate<Map<String, String>> before =
        r -> r.get("ChargePeriodStart").compareTo("2027-03-16") < 0;
    SortedMap<String, BigDecimal> billed = bills.sum("BilledCost", before, LedgerVsPlanTest::key);
    SortedMap<String, BigDecimal> gpuHours =
        bills.sum(
            "ConsumedQuantity",
            before.and(r -> "GPU Hours".equals(r.get("ConsumedUnit"))),
            LedgerVsPlanTest::key);

    assertThat(answer.get("plannedMonthsAfterAsOf").asLong()).isEqualTo(9); // 2027-04 to 2027-12
    assertThat(lines.keySet()).isEqualTo(billed.keySet());
    assertThat(lines.keySet()).noneMatch(k -> k.endsWith("2027-04"));
    for (var e : lines.entrySet()) {
      JsonNode v = e.getValue();
      assertThat(v.get("partial").asBoolean()).isEqualTo(e.getKey().endsWith("2027-03"));
      assertThat(v.get("spendVariance").asText()).as(e.getKey()).isEqualTo("0.00");
      assertThat(v.get("gpuHoursVariance").asText()).as(e.getKey()).isEqualTo("0.00");
      assertThat(dec(v, "plannedSpend"))
          .as(e.getKey())
          .isEqualByComparingTo(billed.get(e.getKey()));
      assertThat(dec(v, "plannedGpuHours"))
          .as(e.getKey())
          .isEqualByComparingTo(gpuHours.getOrDefault(e.getKey(), BigDecimal.ZERO));
    }
    // the cut month's fee is its 15 days, not the month's 31 (nor a share of the whole month)
    JsonNode nebius = lines.get("nebius 2027-03").get("planned");
    ReservedCapacity r = scenario.contracts(ReservedCapacity.class).getFirst();
    assertThat(dec(nebius, "reservedFees"))
        .isEqualByComparingTo(
            BigDecimal.valueOf(r.gpus() * 24L * 15).multiply(r.pricePerGpuHour()));
    // storage is billed for the month on its 1st: all of it before the 16th
    assertThat(dec(lines.get("gcp 2027-03").get("planned"), "storage"))
        .isEqualByComparingTo(storage("gcp", YearMonth.of(2027, 3)));
  }

  @Test
  void monthlyBillsCutByTheAsOfDate_coverTheirMonth_andSoDoesThePlansShare() throws Exception {
    Path monthly = dir.resolve("monthly.duckdb");
    GeneratedBills rows = billAndIngest("monthly", monthly, "--charge-period", "month");
    JsonNode answer = vsPlan(monthly, "--as-of", "2027-03-16");
    Map<String, JsonNode> lines = byKey(answer);
    // every row starts on a 1st: those of March are in the ledger as of the 16th, whole
    Predicate<Map<String, String>> before =
        r -> r.get("ChargePeriodStart").compareTo("2027-03-16") < 0;
    SortedMap<String, BigDecimal> billed = rows.sum("BilledCost", before, LedgerVsPlanTest::key);

    assertThat(lines.keySet()).isEqualTo(billed.keySet());
    for (var e : lines.entrySet()) {
      JsonNode v = e.getValue();
      assertThat(v.get("spendVariance").asText()).as(e.getKey()).isEqualTo("0.00");
      assertThat(v.get("gpuHoursVariance").asText()).as(e.getKey()).isEqualTo("0.00");
      assertThat(dec(v, "plannedSpend"))
          .as(e.getKey())
          .isEqualByComparingTo(billed.get(e.getKey()));
    }
    // the month's whole fee: the bills of the month reach its end
    assertThat(dec(lines.get("nebius 2027-03").get("planned"), "reservedFees"))
        .isEqualByComparingTo(reservedFee("nebius", YearMonth.of(2027, 3)));
  }

  @Test
  void demandDrift_showsItsOwnEffectAndNothingElse() throws Exception {
    Path drifted = dir.resolve("drifted.duckdb");
    billAndIngest(
        "drifted",
        drifted,
        "--drift",
        "demand:oci=+10%@2027-04",
        "--drift",
        "demand:azure=+10%@2027-04");
    Map<String, JsonNode> lines = byKey(vsPlan(drifted));

    // the drift's effect, recomputed from the plan: from 2027-04 at oci and azure each placement's
    // GPU-hours x 1.1 rounded to 0.001 (HALF_EVEN), billed round(q' x rate, 2) (HALF_EVEN) in all
    SortedMap<String, BigDecimal> spend = new TreeMap<>();
    SortedMap<String, BigDecimal> hours = new TreeMap<>();
    BigDecimal factor = new BigDecimal("1.10");
    for (JsonNode p : planJson.get("placements")) {
      String provider = p.get("provider").asText();
      String m = p.get("month").asText();
      if (!Set.of("oci", "azure").contains(provider)
          || m.compareTo("2027-04") < 0
          || m.compareTo("2027-06") > 0) continue;
      assertThat(p.get("pricing").asText()).isNotEqualTo("reserved"); // none at oci or azure
      BigDecimal q = new BigDecimal(p.get("gpuHours").asText());
      BigDecimal q2 = q.multiply(factor).setScale(3, RoundingMode.HALF_EVEN);
      BigDecimal cost =
          q2.multiply(new BigDecimal(p.get("rate").asText())).setScale(2, RoundingMode.HALF_EVEN);
      String k = provider + " " + m;
      spend.merge(k, cost.subtract(new BigDecimal(p.get("cost").asText())), BigDecimal::add);
      hours.merge(k, q2.subtract(q), BigDecimal::add);
    }
    assertThat(spend).isNotEmpty().allSatisfy((k, v) -> assertThat(v.signum()).isPositive());

    for (var e : lines.entrySet()) {
      JsonNode v = e.getValue();
      BigDecimal expected = spend.getOrDefault(e.getKey(), BigDecimal.ZERO);
      assertThat(dec(v, "spendVariance")).as(e.getKey()).isEqualByComparingTo(expected);
      assertThat(dec(v, "gpuHoursVariance"))
          .as(e.getKey())
          .isEqualByComparingTo(hours.getOrDefault(e.getKey(), BigDecimal.ZERO));
      if (expected.signum() != 0)
        assertThat(dec(v, "spendVarianceRatio"))
            .isEqualByComparingTo(
                expected.divide(dec(v, "plannedSpend"), 4, RoundingMode.HALF_EVEN));
    }
  }

  @Test
  void csv_isTheJsonsLinesExactly() throws Exception {
    JsonNode answer = vsPlan(db);
    Cli r =
        Cli.run(
            "ledger",
            "vs-plan",
            "--plan",
            plan.toString(),
            "--scenario",
            BillingFixture.SCENARIO.toString(),
            "--db",
            db.toString(),
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    var records =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(r.out()))
            .getRecords();
    JsonNode lines = answer.get("planVsActual");
    assertThat(records).hasSize(lines.size()).isNotEmpty();
    BigDecimal csv = BigDecimal.ZERO;
    BigDecimal json = BigDecimal.ZERO;
    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).get("provider")).isEqualTo(lines.get(i).get("provider").asText());
      assertThat(records.get(i).get("planned_spend"))
          .isEqualTo(lines.get(i).get("plannedSpend").asText());
      csv = csv.add(new BigDecimal(records.get(i).get("actual_spend")));
      json = json.add(dec(lines.get(i), "actualSpend"));
    }
    assertThat(csv).isEqualByComparingTo(json).isPositive();
  }

  @Test
  void table_showsThePlannedParts() {
    Cli r =
        Cli.run(
            "ledger",
            "vs-plan",
            "--plan",
            plan.toString(),
            "--scenario",
            BillingFixture.SCENARIO.toString(),
            "--db",
            db.toString(),
            "--as-of",
            "2027-03-16");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Plan against actual, as of 2027-03-16", "2027-03*")
        .contains("Planned $ by part", "reserved fee $", "storage $", "egress $", "true-up $");
    assertThat(r.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    String nebiusFeb =
        r.out().lines().filter(l -> l.startsWith("nebius       2027-02 ")).toList().getLast();
    ReservedCapacity k = scenario.contracts(ReservedCapacity.class).getFirst();
    BigDecimal fee = BigDecimal.valueOf(k.gpus() * 24L * 28).multiply(k.pricePerGpuHour());
    assertThat(nebiusFeb).contains(String.format("%,.2f", fee));
  }

  @Test
  void aReplanOrAPlanOfAnotherScenario_isRefused() throws Exception {
    JsonNode replan = planJson.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) replan)
        .putObject("fixedPast")
        .put("asOf", "2027-04-01");
    Path replanFile = Files.writeString(dir.resolve("replan.json"), replan.toString());
    Cli r =
        Cli.run(
            "ledger",
            "vs-plan",
            "--plan",
            replanFile.toString(),
            "--scenario",
            BillingFixture.SCENARIO.toString(),
            "--db",
            db.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(replanFile + ": fixedPast", "2027-04-01", "previousPlan");

    JsonNode other = planJson.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) other).put("scenario", "another-lab");
    Path otherFile = Files.writeString(dir.resolve("other.json"), other.toString());
    Cli o =
        Cli.run(
            "ledger",
            "vs-plan",
            "--plan",
            otherFile.toString(),
            "--scenario",
            BillingFixture.SCENARIO.toString(),
            "--db",
            db.toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("another-lab", "five-providers");
    for (Cli c : List.of(r, o)) assertThat(c.err()).doesNotContain("\tat ", "Exception");
  }

  /** The fee of the provider's reservations in a whole month: GPUs x hours x price. */
  static BigDecimal reservedFee(String provider, YearMonth m) {
    BigDecimal fee = BigDecimal.ZERO;
    for (ReservedCapacity r : scenario.contracts(ReservedCapacity.class))
      if (r.provider().equals(provider) && r.term().contains(m))
        fee =
            fee.add(
                BigDecimal.valueOf(r.gpus() * 24L * m.lengthOfMonth())
                    .multiply(r.pricePerGpuHour()));
    return fee;
  }

  /** A month's storage: commitments' fees plus what is stored above them at the list price. */
  static BigDecimal storage(String provider, YearMonth m) {
    BigDecimal stored = BigDecimal.ZERO;
    for (StorageDemand s : scenario.workloads(StorageDemand.class))
      if (s.provider().equals(provider) && s.months().contains(m)) stored = stored.add(s.tb());
    BigDecimal list =
        scenario.catalog().storagePrices().stream()
            .filter(s -> s.provider().equals(provider))
            .map(StoragePrice::pricePerTbMonth)
            .findFirst()
            .orElse(BigDecimal.ZERO);
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal committed = BigDecimal.ZERO;
    for (StorageCommitment c : scenario.contracts(StorageCommitment.class))
      if (c.provider().equals(provider) && c.term().contains(m)) {
        cost = cost.add(c.committedTb().multiply(c.pricePerTbMonth()));
        committed = committed.add(c.committedTb());
      }
    return cost.add(stored.subtract(committed).max(BigDecimal.ZERO).multiply(list));
  }
}
