package io.nuage.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Catalog;
import io.nuage.catalog.Provider;
import io.nuage.contract.BillingIds;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.core.MonthRange;
import io.nuage.ledger.matching.ContractMatcher;
import io.nuage.ledger.matching.Draw;
import io.nuage.ledger.matching.MatchRule;
import io.nuage.scenario.Currencies;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 1's bound (docs/ledger-drawdown.md, section 1): an element draws only a contract of its
 * measure (a Spend commitment's cost, never a Usage commitment's), and a charge never draws a
 * contract for more than its cost. Random charges with random ContractApplied elements go through
 * the real ingest, aggregate and matcher; what each contract is drawn is compared with a plain
 * computation, charge by charge, from the elements written.
 */
class ContractAppliedBoundTest {
  static final Path COST =
      SharedData.file("focus/focus-1.3/examples-handmade/cost_and_usage_with_contract_applied.csv");
  static final LocalDate ALL = LocalDate.parse("2100-01-01");

  /** The commitments the ledger holds: CTR-A's two Spend and one Usage, CTR-B's one Spend. */
  static final Map<String, String> CATEGORY =
      Map.of("A-S1", "Spend", "A-S2", "Spend", "A-U1", "Usage", "B-S1", "Spend");

  /** Elements a charge may carry: (ContractId, ContractCommitmentId); CTR-C's are not held. */
  static final String[][] POOL = {
    {"CTR-A", "A-S1"},
    {"CTR-A", "A-S2"},
    {"CTR-A", "A-U1"},
    {"CTR-B", "B-S1"},
    {"CTR-C", "C-X1"},
    {"CTR-C", "C-X2"}
  };

  @TempDir Path dir;

  record Element(
      String contractId,
      String commitmentId,
      @Nullable BigDecimal cost,
      @Nullable BigDecimal quantity) {}

  record Row(BigDecimal cost, List<Element> elements) {}

  /** deal-a by CTR-A's contract id, deal-b by B-S1's commitment id, deal-c by CTR-C's. */
  static Scenario scenario() {
    MonthRange term = MonthRange.of("2026-01", "2026-12");
    List<Contract> contracts = new ArrayList<>();
    for (String id : List.of("deal-a", "deal-b", "deal-c"))
      contracts.add(
          new CommittedSpend(
              id, "example-cloud", term, List.of(new BigDecimal("1000")), BigDecimal.ZERO, true));
    return new Scenario(
        "bound",
        term,
        new Catalog(
            List.of(Provider.of("example-cloud")), List.of(), List.of(), List.of(), List.of()),
        List.of(),
        contracts,
        List.of(),
        Policy.unconstrained(),
        Currencies.USD,
        Map.of(
            "deal-a", new BillingIds(List.of("CTR-A"), List.of(), List.of(), List.of()),
            "deal-b", new BillingIds(List.of(), List.of("B-S1"), List.of(), List.of()),
            "deal-c", new BillingIds(List.of("CTR-C"), List.of(), List.of(), List.of())));
  }

  /** The contract an element names: by its commitment first, then by its contract. */
  static String contractOf(Element e) {
    if (e.commitmentId().equals("B-S1")) return "deal-b";
    return e.contractId().equals("CTR-A")
        ? "deal-a"
        : e.contractId().equals("CTR-C") ? "deal-c" : "";
  }

  /** Whether an element applies a Spend commitment: the dataset's category, else its shape. */
  static boolean spend(Element e) {
    String category = CATEGORY.get(e.commitmentId());
    if (category != null) return category.equals("Spend");
    return !(e.cost() == null && e.quantity() != null);
  }

  /** What the charge should draw from each contract, computed here charge by charge. */
  static Map<String, BigDecimal> expected(List<Row> rows) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Row r : rows) {
      Map<String, BigDecimal> sums = new LinkedHashMap<>();
      for (Element e : r.elements()) {
        BigDecimal add = spend(e) && e.cost() != null ? e.cost() : BigDecimal.ZERO;
        sums.merge(contractOf(e), add, BigDecimal::add);
      }
      BigDecimal low = r.cost().min(BigDecimal.ZERO);
      BigDecimal high = r.cost().max(BigDecimal.ZERO);
      sums.forEach(
          (k, s) -> {
            BigDecimal drawn = s.max(low).min(high);
            assertThat(drawn.abs()).isLessThanOrEqualTo(r.cost().abs());
            out.merge(k, drawn, BigDecimal::add);
          });
    }
    return out;
  }

  static List<Row> random(Random rnd, int n) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BigDecimal cost = BigDecimal.valueOf(rnd.nextInt(200_000) - 20_000, 2);
      List<String[]> pool = new ArrayList<>(List.of(POOL));
      Collections.shuffle(pool, rnd);
      List<Element> elements = new ArrayList<>();
      for (String[] id : pool.subList(0, 1 + rnd.nextInt(3))) {
        BigDecimal applied =
            switch (rnd.nextInt(4)) {
              case 0 -> cost; // the whole charge
              case 1 -> cost.multiply(BigDecimal.valueOf(rnd.nextInt(101), 2)); // a part of it
              case 2 -> BigDecimal.valueOf(rnd.nextInt(300_000) - 50_000, 2); // anything
              default -> null;
            };
        BigDecimal quantity =
            applied == null || rnd.nextBoolean() ? BigDecimal.valueOf(rnd.nextInt(1000) + 1) : null;
        elements.add(new Element(id[0], id[1], applied, quantity));
      }
      rows.add(new Row(cost, elements));
    }
    return rows;
  }

  private Path commitments() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(
        "BillingCurrency,ContractCommitmentCategory,ContractCommitmentCost,ContractCommitmentDescription,ContractCommitmentId,ContractCommitmentPeriodEnd,ContractCommitmentPeriodStart,ContractCommitmentQuantity,ContractCommitmentType,ContractCommitmentUnit,ContractId,ContractPeriodEnd,ContractPeriodStart");
    CATEGORY.forEach(
        (id, category) ->
            lines.add(
                "USD,"
                    + category
                    + (category.equals("Spend") ? ",1000.00," : ",,")
                    + "test,"
                    + id
                    + ",2027-01-01T00:00:00Z,2026-01-01T00:00:00Z,"
                    + (category.equals("Usage") ? "100,Hours,Hours," : ",Spend,,")
                    + "CTR-"
                    + id.charAt(0)
                    + ",2027-01-01T00:00:00Z,2026-01-01T00:00:00Z"));
    return Files.write(dir.resolve("commitments.csv"), lines);
  }

  /** The hand-made file's first line, with each row's cost and elements. */
  private Path bills(List<Row> rows) throws Exception {
    List<String> lines = Files.readAllLines(COST);
    List<String> header = MatchingAggregateTest.split(lines.getFirst());
    List<String> template = MatchingAggregateTest.split(lines.get(1));
    List<String> out = new ArrayList<>(List.of(lines.getFirst()));
    for (Row r : rows) {
      List<String> f = new ArrayList<>(template);
      f.set(header.indexOf("BilledCost"), r.cost().toPlainString());
      f.set(header.indexOf("EffectiveCost"), r.cost().toPlainString());
      StringBuilder json = new StringBuilder("{\"Elements\":[");
      for (Element e : r.elements()) {
        if (json.charAt(json.length() - 1) == '}') json.append(',');
        json.append("{\"ContractId\":\"")
            .append(e.contractId())
            .append("\",\"ContractCommitmentId\":\"")
            .append(e.commitmentId())
            .append("\",\"ContractCommitmentAppliedCost\":")
            .append(e.cost() == null ? "null" : e.cost().toPlainString())
            .append(",\"ContractCommitmentAppliedQuantity\":")
            .append(e.quantity() == null ? "null" : e.quantity().toPlainString())
            .append(",\"ContractCommitmentAppliedUnit\":")
            .append(e.quantity() == null ? "null" : "\"Hours\"")
            .append('}');
      }
      f.set(header.indexOf("ContractApplied"), json.append("]}").toString());
      List<String> quoted = new ArrayList<>();
      for (String v : f)
        quoted.add(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
      out.add(String.join(",", quoted));
    }
    return Files.write(dir.resolve("bills.csv"), out);
  }

  private static Map<String, BigDecimal> drawn(Store store) {
    var charges = new DuckDbCharges(store);
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Draw d :
        new ContractMatcher(scenario()).match(charges.monthly(ALL), charges.applied(ALL)).draws()) {
      assertThat(d.rule()).isEqualTo(MatchRule.CONTRACT_APPLIED);
      out.merge(d.contract().id(), d.amount(), BigDecimal::add);
    }
    return out;
  }

  @Test
  void randomElements_drawEachContractAtMostTheChargesCost_exactly() throws Exception {
    for (long seed : new long[] {1, 2, 3}) {
      List<Row> rows = random(new Random(seed), 400);
      Path store = dir.resolve("s" + seed + ".duckdb");
      try (Store s = Store.open(store)) {
        assertThat(new DuckDbIngestions(s).ingest(commitments(), IngestOptions.DEFAULT).accepted())
            .isEqualTo((long) CATEGORY.size());
        assertThat(new DuckDbIngestions(s).ingest(bills(rows), IngestOptions.DEFAULT).accepted())
            .isEqualTo((long) rows.size());

        Map<String, BigDecimal> drawn = drawn(s);

        Map<String, BigDecimal> expected = expected(rows);
        assertThat(drawn.keySet()).as("seed " + seed).isEqualTo(expected.keySet());
        expected.forEach(
            (k, v) ->
                assertThat(drawn.get(k)).as("seed " + seed + " " + k).isEqualByComparingTo(v));
        // the sums without the bound and the measure differ: the test can tell them apart
        Map<String, BigDecimal> naive = new TreeMap<>();
        for (Row r : rows)
          for (Element e : r.elements())
            naive.merge(
                contractOf(e), e.cost() == null ? BigDecimal.ZERO : e.cost(), BigDecimal::add);
        assertThat(naive).as("seed " + seed).isNotEqualTo(expected);
      }
    }
  }
}
