package io.nuage.cli;

import static io.nuage.cli.FocusCsv.concat;
import static io.nuage.cli.FocusCsv.month;
import static io.nuage.cli.FocusCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bills matched to contracts, currencies and the as-of date through the real CLI and store
 * (docs/ledger-drawdown.md, sections 1 to 3): the FOCUS 1.3 hand-made examples drawn down by their
 * ContractApplied, a reservation by its GPU-hours, the JPY case with and without a rate.
 */
class LedgerMatchingTest {
  static final Path COMMITMENTS = IngestFocus13Test.COMMITMENTS;
  static final Path COST_AND_USAGE = IngestFocus13Test.COST_AND_USAGE;

  static final String SCENARIO =
      """
      name: matching
      horizon: {start: 2027-01, end: 2027-12}
      currency: USD
      %s
      catalog:
        providers:
          - id: example-cloud
            billing-names: [Example Cloud]
            regions: [{name: east-us-1, geography: US}]
          - id: nebius
            regions:
              - {name: us-central1, geography: US}
              - {name: eu-north1, geography: EU}
        accelerators:
          - {name: H200, family: H200, memory-gib: 141, throughput: 1.3}
      contracts:
        - id: deal
          kind: committed-spend
          provider: example-cloud
          term: {start: 2027-01, end: 2027-12}
          yearly-minimums: [100000]
          discount: 0
          billing: {billing-account-ids: [BA-1001]}
        - id: res
          kind: reserved-capacity
          provider: nebius
          region: nebius/us-central1
          accelerator: H200
          gpus: 10
          term: {start: 2027-01, end: 2027-12}
          price-per-gpu-hour: 2.45
          billing: {billing-account-ids: [nebius-lab]}
      """;

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void store() {
    db = dir.resolve("l.duckdb");
  }

  private Path scenario(String extra) throws IOException {
    return Files.writeString(dir.resolve("s.yaml"), SCENARIO.formatted(extra));
  }

  private void ingest(Path... files) {
    var args = new ArrayList<>(List.of("ingest", "--db", db.toString()));
    for (Path f : files) args.add(f.toString());
    Cli run = Cli.run(args);
    assertThat(run.code()).as(run.err()).isZero();
  }

  private Cli ledger(Path scenario, String... more) {
    var args =
        new ArrayList<>(
            List.of("ledger", "--scenario", scenario.toString(), "--db", db.toString()));
    args.addAll(List.of(more));
    return Cli.run(args);
  }

  private JsonNode json(Path scenario, String... more) throws IOException {
    var args = new ArrayList<>(List.of(more));
    args.addAll(List.of("--format", "json"));
    Cli run = ledger(scenario, args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  private static JsonNode contract(JsonNode report, String id) {
    for (JsonNode c : report.get("contracts")) if (c.get("contract").asText().equals(id)) return c;
    throw new AssertionError("no contract " + id);
  }

  private static BigDecimal money(JsonNode n) {
    return new BigDecimal(n.asText());
  }

  // ---- FOCUS 1.3 hand-made examples: CTR-EXC-0001 ------------------------------------------

  @Test
  void focus13Examples_drawCtrExc0001ByContractAppliedWithTheFilesTotals() throws Exception {
    ingest(COMMITMENTS, COST_AND_USAGE);
    Path s =
        Files.writeString(
            dir.resolve("exc.yaml"),
            """
            name: example-cloud
            horizon: {start: 2026-01, end: 2028-12}
            catalog:
              providers:
                - id: example-cloud
                  billing-names: [Example Cloud]
                  regions: [{name: east-us-1, geography: US}]
            contracts:
              - id: exc
                kind: committed-spend
                provider: example-cloud
                term: {start: 2026-01, end: 2028-12}
                yearly-minimums: [60000.00, 70000.00, 80000.00]
                discount: 0
                billing: {contract-ids: [CTR-EXC-0001]}
            """);

    JsonNode r = json(s);

    // independently: the applied cost of the file's elements per year, and the billed cost of
    // the usage rows with no ContractApplied sold by Example Cloud (matched by provider name: the
    // weakest rule; FOCUS 1.3's provider is the ServiceProviderName)
    Map<String, BigDecimal[]> byYear = fileSums(COST_AND_USAGE);
    JsonNode exc = contract(r, "exc");
    assertThat(money(exc.get("matched").get("contract-applied")))
        .isEqualByComparingTo(byYear.get("2026")[0].add(byYear.get("2027")[0]));
    assertThat(money(exc.get("matched").get("provider-name")))
        .isEqualByComparingTo(byYear.get("2026")[1].add(byYear.get("2027")[1]));
    assertThat(money(exc.get("matched").get("ids"))).isEqualByComparingTo("0");
    JsonNode years = exc.get("years");
    // the December 2026 shortfall row (its ResourceId is the commitment it applies to) is the
    // year's true-up: matched above, never consumption (docs/ledger-drawdown.md, section 1)
    BigDecimal trueUp2026 = byYear.get("2026")[2];
    assertThat(trueUp2026).isEqualByComparingTo("5600.00");
    BigDecimal consumed2026 = byYear.get("2026")[0].subtract(trueUp2026).add(byYear.get("2026")[1]);
    assertThat(money(years.get(0).get("consumed"))).isEqualByComparingTo(consumed2026);
    assertThat(money(years.get(0).get("trueUp"))).isEqualByComparingTo(trueUp2026);
    assertThat(money(years.get(0).get("trueUpDifference")))
        .isEqualByComparingTo(
            trueUp2026.subtract(
                new BigDecimal("60000.00").subtract(consumed2026).max(BigDecimal.ZERO)));
    assertThat(money(years.get(1).get("consumed")))
        .isEqualByComparingTo(
            byYear.get("2027")[0].subtract(byYear.get("2027")[2]).add(byYear.get("2027")[1]));
    assertThat(money(years.get(1).get("trueUp"))).isEqualByComparingTo("0");
    // the marketplace line: sold by Example Analytics Inc, which the scenario does not know
    assertThat(r.get("unmatched")).hasSize(1);
    assertThat(r.get("unmatched").get(0).get("provider").asText())
        .isEqualTo("example analytics inc");
    assertThat(money(r.get("unmatched").get(0).get("billed")))
        .isEqualByComparingTo(byYear.get("2026")[3].add(byYear.get("2027")[3]))
        .isPositive();
    // as of the end of the last usage period: 2027-01 billed in one monthly line
    assertThat(r.get("asOf").asText()).isEqualTo("2027-02-01");
    assertThat(years.get(0).get("status").asText()).isEqualTo("closed");
    assertThat(years.get(1).get("status").asText()).isEqualTo("in-progress");
    assertThat(years.get(1).get("elapsedDays").asInt()).isEqualTo(31);
    assertThat(years.get(2).get("status").asText()).isEqualTo("not-started");
    assertThat(years.get(2).get("projectedShortfall").isNull()).isTrue();
  }

  static final String EXC_SCENARIO =
      """
      name: example-cloud
      horizon: {start: 2026-01, end: 2028-12}
      catalog:
        providers:
          - id: example-cloud
            billing-names: [Example Cloud]
            regions: [{name: east-us-1, geography: US}]
      contracts:
        - id: exc
          kind: committed-spend
          provider: example-cloud
          term: {start: 2026-01, end: 2028-12}
          yearly-minimums: [60000.00, 70000.00, 80000.00]
          discount: 0
          billing: {contract-ids: [CTR-EXC-0001]}
      """;

  /** The hand-made file with only its lines that {@code keep}, each changed by {@code change}. */
  private Path variant(
      String name,
      java.util.function.Predicate<String> keep,
      java.util.function.UnaryOperator<String> change)
      throws IOException {
    List<String> lines = Files.readAllLines(COST_AND_USAGE);
    List<String> out = new ArrayList<>(List.of(change.apply(lines.getFirst())));
    for (String l : lines.subList(1, lines.size())) if (keep.test(l)) out.add(change.apply(l));
    return Files.write(dir.resolve(name), out);
  }

  @Test
  void focus13_aTrueUpBilledAfterItsYear_settlesTheYearItsCommitmentStartsIn() throws Exception {
    // regression: providers bill a shortfall after the year; the hand-made file's year-1 true-up
    // (CC-EXC-0001-Y1, whose period is 2026 in the Contract Commitment dataset) moved from
    // 2026-12 to 2027-01 went to year 2, leaving year 1 "short-unpaid"
    Path late =
        variant(
            "late.csv",
            l -> true,
            l ->
                l.contains("take-or-pay true-up")
                    ? l.replace("2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z")
                        .replace("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")
                    : l);
    assertThat(Files.readString(late))
        .contains("(take-or-pay true-up),One-Time,2027-02-01T00:00:00Z,2027-01-01T00:00:00Z");
    ingest(COMMITMENTS, late);
    Path s = Files.writeString(dir.resolve("exc.yaml"), EXC_SCENARIO);

    JsonNode r = json(s, "--as-of", "2027-02-01", "--run-rate");

    JsonNode y1 = contract(r, "exc").get("years").get(0);
    JsonNode y2 = contract(r, "exc").get("years").get(1);
    assertThat(money(y1.get("trueUp"))).isEqualByComparingTo("5600.00");
    assertThat(y1.get("settlement").asText()).isEqualTo("short-paid");
    assertThat(money(y2.get("trueUp"))).isEqualByComparingTo("0");
  }

  @Test
  void focus13_anHoursElementThatAlsoStatesACost_doesNotDrawTheSpendDealTwice() throws Exception {
    // the GPU lines, whose second element (the Usage commitment CC-EXC-0001-GPU-Y1, 1000 Hours)
    // also states the line's cost, as FOCUS allows; the deal claims the contract id only
    Path gpu =
        variant(
            "gpu.csv",
            l -> l.contains("CC-EXC-0001-GPU-Y1"),
            l ->
                l.replace(
                    "CC-EXC-0001-GPU-Y1\"\",\"\"ContractCommitmentAppliedCost\"\":null",
                    "CC-EXC-0001-GPU-Y1\"\",\"\"ContractCommitmentAppliedCost\"\":2000.00"));
    assertThat(Files.readString(gpu))
        .contains("GPU-Y1\"\",\"\"ContractCommitmentAppliedCost\"\":2000.00");
    ingest(COMMITMENTS, gpu);
    Path s = Files.writeString(dir.resolve("exc.yaml"), EXC_SCENARIO);

    JsonNode r = json(s, "--as-of", "2027-01-01");

    // independently: what the lines cost (each applies all of it to the Spend commitment Y1)
    BigDecimal billed = BigDecimal.ZERO;
    List<String> lines = Files.readAllLines(gpu);
    List<String> h = SourceTotals.split(lines.getFirst());
    for (String l : lines.subList(1, lines.size()))
      billed = billed.add(new BigDecimal(SourceTotals.split(l).get(h.indexOf("BilledCost"))));
    assertThat(lines).hasSize(4);
    JsonNode exc = contract(r, "exc");
    assertThat(money(exc.get("years").get(0).get("consumed"))).isEqualByComparingTo(billed);
    assertThat(money(exc.get("matched").get("contract-applied"))).isEqualByComparingTo(billed);
  }

  @Test
  void focus13_withOrWithoutTheDeprecatedProviderName_givesTheSameFigures() throws Exception {
    Path s = Files.writeString(dir.resolve("exc.yaml"), EXC_SCENARIO);
    ingest(COMMITMENTS, COST_AND_USAGE);
    JsonNode with = json(s, "--as-of", "2027-01-01");
    db = dir.resolve("without.duckdb");
    // the same file without ProviderName and PublisherName (columns 26 and 27)
    Path without =
        variant(
            "without.csv",
            l -> true,
            l -> {
              List<String> f = new ArrayList<>(SourceTotals.split(l));
              f.remove(26);
              f.remove(25);
              List<String> q = new ArrayList<>();
              for (String v : f)
                q.add(
                    v.contains(",") || v.contains("\"")
                        ? "\"" + v.replace("\"", "\"\"") + "\""
                        : v);
              return String.join(",", q);
            });
    assertThat(Files.readAllLines(without).getFirst()).doesNotContain(",ProviderName,");
    ingest(COMMITMENTS, without);
    JsonNode withoutJson = json(s, "--as-of", "2027-01-01");

    assertThat(withoutJson.get("contracts")).isEqualTo(with.get("contracts"));
    assertThat(withoutJson.get("unmatched")).isEqualTo(with.get("unmatched"));
    // and the figures are the provider's own: Σ applied to CC-EXC-0001-Y1 in the file, of which
    // the December true-up is the true-up, not consumption
    Map<String, BigDecimal[]> byYear = fileSums(COST_AND_USAGE);
    JsonNode year1 = contract(with, "exc").get("years").get(0);
    assertThat(money(year1.get("consumed")))
        .isEqualByComparingTo(byYear.get("2026")[0].subtract(byYear.get("2026")[2]));
    assertThat(money(year1.get("trueUp"))).isEqualByComparingTo(byYear.get("2026")[2]);
    assertThat(byYear.get("2026")[1]).isZero();
    // one charge whichever columns its export carries: ingested again, the other form adds nothing
    Cli again = Cli.run(List.of("ingest", "--db", db.toString(), COST_AND_USAGE.toString()));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).containsPattern("duplicates\\s+20\\b");
  }

  /**
   * Per calendar year of ChargePeriodStart: [0] Σ ContractCommitmentAppliedCost of the file's
   * elements, [1] Σ BilledCost of the Usage rows without ContractApplied whose ServiceProviderName
   * is Example Cloud, [2] Σ applied cost of the true-ups (Usage rows whose ResourceId is an
   * element's ContractCommitmentId), [3] Σ BilledCost of the rows without ContractApplied of
   * another service provider; from the text, with Jackson's streaming tokens (not the ingest's
   * tree).
   */
  static Map<String, BigDecimal[]> fileSums(Path csv) throws IOException {
    var out = new java.util.TreeMap<String, BigDecimal[]>();
    List<String> lines = Files.readAllLines(csv);
    List<String> h = SourceTotals.split(lines.getFirst());
    var json = new JsonFactory();
    for (String l : lines.subList(1, lines.size())) {
      List<String> f = SourceTotals.split(l);
      String year = f.get(h.indexOf("ChargePeriodStart")).substring(0, 4);
      BigDecimal[] sums =
          out.computeIfAbsent(
              year,
              y ->
                  new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO
                  });
      String resource = f.get(h.indexOf("ResourceId"));
      boolean usage = f.get(h.indexOf("ChargeCategory")).equals("Usage");
      String commitment = null;
      String applied = f.get(h.indexOf("ContractApplied"));
      if (applied.isEmpty()) {
        int i = f.get(h.indexOf("ServiceProviderName")).equals("Example Cloud") ? 1 : 3;
        sums[i] = sums[i].add(new BigDecimal(f.get(h.indexOf("BilledCost"))));
        continue;
      }
      try (JsonParser p = json.createParser(applied)) {
        String field = null;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.FIELD_NAME) field = p.currentName();
          else if (t == JsonToken.VALUE_STRING && "ContractCommitmentId".equals(field))
            commitment = p.getText();
          else if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            if ("ContractCommitmentAppliedCost".equals(field)) {
              sums[0] = sums[0].add(new BigDecimal(p.getText()));
              // the elements list ContractCommitmentId before their cost (the file's order)
              if (usage && resource.equals(commitment))
                sums[2] = sums[2].add(new BigDecimal(p.getText()));
            }
          }
        }
      }
    }
    return out;
  }

  // ---- a reservation by its GPU-hours --------------------------------------------------------

  private static Map<String, String> nebius(String month, String region, String hours) {
    return nebius(month, region, hours, "Committed");
  }

  private static Map<String, String> nebius(
      String month, String region, String hours, String pricing) {
    return row(
        concat(
            month(month),
            "PricingCategory",
            pricing,
            "ProviderName",
            "Nebius",
            "PublisherName",
            "Nebius",
            "InvoiceIssuerName",
            "Nebius",
            "ServiceProviderName",
            "Nebius",
            "HostProviderName",
            "Nebius",
            "BillingAccountId",
            "nebius-lab",
            "RegionId",
            region,
            "RegionName",
            region,
            "ResourceId",
            "gpu-" + region + "-" + month,
            "ConsumedUnit",
            "GPU Hours",
            "ConsumedQuantity",
            hours,
            "PricingQuantity",
            hours,
            "SkuPriceDetails",
            "{\"x_AcceleratorType\": \"H200\", \"x_GpuCount\": 8}",
            "BilledCost",
            "0",
            "EffectiveCost",
            "0",
            "ListCost",
            "0",
            "ContractedCost",
            "0"));
  }

  @Test
  void reservation_isDrawnByTheGpuHoursOfItsRegionAndAcceleratorOnly() throws Exception {
    Path bills =
        FocusCsv.write(
            dir.resolve("nebius.csv"),
            List.of(
                nebius("2027-01", "us-central1", "7440.5"),
                nebius("2027-02", "us-central1", "6720"),
                nebius("2027-02", "eu-north1", "1000"),
                nebius("2027-02", "us-central1", "500", "Standard")));
    ingest(bills);

    JsonNode r = json(scenario(""));

    JsonNode res = contract(r, "res");
    assertThat(res.get("unit").asText()).isEqualTo("GPU-hours");
    BigDecimal hours = new BigDecimal("7440.5").add(new BigDecimal("6720"));
    assertThat(money(res.get("consumed"))).isEqualByComparingTo(hours);
    assertThat(money(res.get("matched").get("ids"))).isEqualByComparingTo(hours);
    // 10 GPUs x 24 h x 365 days committed; its money figures are hours x 2.45
    assertThat(money(res.get("committed"))).isEqualByComparingTo(BigDecimal.valueOf(87_600));
    assertThat(money(res.get("consumedCost")))
        .isEqualByComparingTo(hours.multiply(new BigDecimal("2.45")));
    // on its account but not its use: the on-demand hours at its region (priced Standard) are
    // nebius's own price, outside contracts; the eu-north1 hours, priced Committed at a region no
    // reservation covers, are unmatched (each billed 0 in this file)
    assertThat(r.get("outsideContracts")).hasSize(1);
    assertThat(r.get("outsideContracts").get(0).get("provider").asText()).isEqualTo("nebius");
    assertThat(r.get("outsideContracts").get(0).get("rows").asLong()).isEqualTo(1);
    assertThat(r.get("unmatched")).hasSize(1);
    assertThat(r.get("unmatched").get(0).get("provider").asText()).isEqualTo("nebius");
    assertThat(r.get("unmatched").get(0).get("rows").asLong()).isEqualTo(1);
  }

  // ---- currencies -----------------------------------------------------------------------------

  private Path mixedCurrencies() {
    List<Map<String, String>> rows = new ArrayList<>();
    int i = 0;
    for (String[] c :
        List.of(
            new String[] {"USD", "2027-01"},
            new String[] {"USD", "2027-01"},
            new String[] {"JPY", "2027-01"},
            new String[] {"JPY", "2027-02"})) {
      rows.add(
          row(
              concat(
                  month(c[1]),
                  "BillingCurrency",
                  c[0],
                  "ResourceId",
                  "vm-" + i++,
                  "BilledCost",
                  "1000000",
                  "EffectiveCost",
                  "1000000",
                  "ContractedCost",
                  "1000000",
                  "ListCost",
                  "1000000")));
    }
    return FocusCsv.write(dir.resolve("mixed.csv"), rows);
  }

  @Test
  void currencies_withoutARateTheLedgerRefusesNamingTheCurrencyAndMonths() throws Exception {
    ingest(mixedCurrencies());
    byte[] before = Files.readAllBytes(db);

    Cli run = ledger(scenario(""));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            "s.yaml: exchange-rates: no rate for JPY in 2027-01, 2027-02 (the ledger holds JPY"
                + " charges in those months;")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void currencies_jpyConvertsWithTheRateOfItsMonthExactly() throws Exception {
    ingest(mixedCurrencies());
    Path s =
        scenario(
            """
            exchange-rates:
              - {currency: JPY, month: 2027-01, rate: 0.0067}
              - {currency: JPY, month: 2027-02, rate: 0.00665}
            """);

    JsonNode r = json(s);

    // USD exact; each JPY month converted once, rounded to the cent half-even
    BigDecimal jan = new BigDecimal("1000000").multiply(new BigDecimal("0.0067"));
    BigDecimal feb = new BigDecimal("1000000").multiply(new BigDecimal("0.00665"));
    BigDecimal expected =
        new BigDecimal("2000000")
            .add(jan.setScale(2, RoundingMode.HALF_EVEN))
            .add(feb.setScale(2, RoundingMode.HALF_EVEN));
    assertThat(expected).isEqualByComparingTo("2013350.00");
    assertThat(money(contract(r, "deal").get("consumed"))).isEqualByComparingTo(expected);
    assertThat(r.get("currency").asText()).isEqualTo("USD");
    JsonNode conv = r.get("conversions");
    assertThat(conv).hasSize(2);
    assertThat(conv.get(0).get("currency").asText()).isEqualTo("JPY");
    assertThat(conv.get(0).get("month").asText()).isEqualTo("2027-01");
    assertThat(money(conv.get(0).get("amount"))).isEqualByComparingTo("1000000");
    assertThat(conv.get(0).get("rate").asText()).isEqualTo("0.0067");
    assertThat(money(conv.get(0).get("converted"))).isEqualByComparingTo("6700.00");
    assertThat(money(conv.get(1).get("converted"))).isEqualByComparingTo("6650.00");
    // the table says so too
    Cli table = ledger(s);
    assertThat(table.out()).contains("Conversions into USD").contains("0.00665");
  }

  @Test
  void reconcile_totalsArePerProviderAndCurrency() throws Exception {
    // the JPY rows of mixedCurrencies, one billed 7 yen above its list cost
    Path file = mixedCurrencies();
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    int i = lines.size() - 1;
    lines.set(i, lines.get(i).replaceFirst("^\"1000000\"", "\"1000007\""));
    assertThat(lines.get(i)).startsWith("\"1000007\"").contains("\"JPY\"");
    Files.write(file, lines);
    ingest(file);

    Cli run = Cli.reconcile(scenario(""), db, "--format", "json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode totals = new ObjectMapper().readTree(run.out()).get("totals");
    assertThat(totals).hasSize(2);
    JsonNode jpy =
        totals.get(0).get("currency").asText().equals("JPY") ? totals.get(0) : totals.get(1);
    JsonNode usd = jpy == totals.get(0) ? totals.get(1) : totals.get(0);
    assertThat(usd.get("currency").asText()).isEqualTo("USD");
    assertThat(usd.get("rowsChecked").asLong()).isEqualTo(2);
    assertThat(usd.get("rowsFlagged").asLong()).isZero();
    assertThat(jpy.get("rowsChecked").asLong()).isEqualTo(2);
    assertThat(jpy.get("rowsFlagged").asLong()).isEqualTo(1);
    assertThat(money(jpy.get("excess"))).isEqualByComparingTo("7");
  }

  // ---- bad scenario input ---------------------------------------------------------------------

  @Test
  void billingId_claimedByTwoContractsIsALocatedScenarioError() throws Exception {
    ingest(mixedCurrencies());
    Path s =
        Files.writeString(
            dir.resolve("s.yaml"),
            SCENARIO
                .formatted("")
                .replace(
                    "billing: {billing-account-ids: [nebius-lab]}",
                    "billing: {billing-account-ids: [BA-1001]}"));

    Cli run = ledger(s);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .containsPattern(
            "s\\.yaml:\\d+:\\d+: contracts\\[1\\]\\.billing\\.billing-account-ids\\[0\\]: id claimed"
                + " by two contracts \\(got BA-1001, already claimed by contract deal at .*s\\.yaml:\\d+;")
        .doesNotContain("\tat ");
  }
}
