package io.nuage.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.ledger.AppliedSum;
import io.nuage.ledger.ChargeSum;
import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the matching rules read from the store (migration V007, docs/ledger-drawdown.md section 9):
 * billing_daily's account, currency, region, accelerator and ContractApplied ids, and
 * contract_applied_daily's amounts, against sums of the FOCUS 1.3 hand-made example computed from
 * its text; and a store aggregated before V007 rebuilt by the migration to the same figures.
 */
class MatchingAggregateTest {
  static final Path COMMITMENTS =
      SharedData.file("focus/focus-1.3/examples-handmade/contract_commitment.csv");
  static final Path COST =
      SharedData.file("focus/focus-1.3/examples-handmade/cost_and_usage_with_contract_applied.csv");
  static final LocalDate ALL = LocalDate.parse("2100-01-01");

  @TempDir Path dir;

  /** The cost file with SkuPriceDetails naming an accelerator on its GPU lines (1000 hours). */
  private Path withAccelerators() throws Exception {
    List<String> lines = Files.readAllLines(COST);
    List<String> out = new ArrayList<>();
    out.add(lines.getFirst() + ",SkuPriceDetails");
    for (String l : lines.subList(1, lines.size())) {
      boolean gpu = l.contains("\"GPU instance hours, monthly total\"");
      out.add(l + (gpu ? ",\"{\"\"x_AcceleratorType\"\": \"\"H200\"\"}\"" : ","));
    }
    return Files.write(dir.resolve("cost.csv"), out);
  }

  private Store ingested() throws Exception {
    Store store = Store.open(dir.resolve("l.duckdb"));
    new DuckDbIngestions(store).ingest(COMMITMENTS, IngestOptions.DEFAULT);
    new DuckDbIngestions(store).ingest(withAccelerators(), IngestOptions.DEFAULT);
    return store;
  }

  /** Per file row: its columns by name (a plain CSV split of the hand-made file). */
  private static List<Map<String, String>> rows(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> h = split(lines.getFirst());
    List<Map<String, String>> out = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      List<String> f = split(l);
      Map<String, String> row = new TreeMap<>();
      for (int i = 0; i < h.size(); i++) row.put(h.get(i), f.get(i));
      out.add(row);
    }
    return out;
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean q = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (q && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cur.append('"');
        i++;
      } else if (c == '"') q = !q;
      else if (c == ',' && !q) {
        out.add(cur.toString());
        cur.setLength(0);
      } else cur.append(c);
    }
    out.add(cur.toString());
    return out;
  }

  @Test
  void monthly_carriesTheAppliedIdsAccountCurrencyAndAcceleratorOfTheRows() throws Exception {
    // independently, per set of (ContractId, ContractCommitmentId) of a row: Σ BilledCost
    Map<Set<String>, BigDecimal> expected = new java.util.HashMap<>();
    BigDecimal gpuLines = BigDecimal.ZERO;
    var json = new ObjectMapper();
    for (Map<String, String> r : rows(COST)) {
      Set<String> ids = new TreeSet<>();
      if (!r.get("ContractApplied").isEmpty())
        for (JsonNode e : json.readTree(r.get("ContractApplied")).get("Elements"))
          ids.add(e.get("ContractId").asText() + "/" + e.get("ContractCommitmentId").asText());
      expected.merge(ids, new BigDecimal(r.get("BilledCost")), BigDecimal::add);
      if (r.get("ChargeDescription").equals("GPU instance hours, monthly total"))
        gpuLines = gpuLines.add(new BigDecimal(r.get("BilledCost")));
    }
    try (Store store = ingested()) {
      List<ChargeSum> monthly = new DuckDbCharges(store).monthly(ALL);

      Map<Set<String>, BigDecimal> stored = new java.util.HashMap<>();
      BigDecimal h200 = BigDecimal.ZERO;
      for (ChargeSum c : monthly) {
        Set<String> ids = new TreeSet<>();
        c.applied().forEach(a -> ids.add(a.contractId() + "/" + a.commitmentId()));
        stored.merge(ids, c.billed(), BigDecimal::add);
        assertThat(c.billingAccountId()).isEqualTo("BA-1001");
        assertThat(c.currency()).isEqualTo("USD");
        if ("H200".equals(c.accelerator())) h200 = h200.add(c.billed());
      }
      assertThat(stored.keySet()).isEqualTo(expected.keySet());
      expected.forEach(
          (k, v) -> assertThat(stored.get(k)).as(k.toString()).isEqualByComparingTo(v));
      assertThat(h200).isPositive().isEqualByComparingTo(gpuLines);
    }
  }

  @Test
  void applied_sumsEachCommitmentsAmountsExactly() throws Exception {
    Map<String, BigDecimal[]> expected = new TreeMap<>();
    var json =
        new ObjectMapper()
            .reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    for (Map<String, String> r : rows(COST)) {
      if (r.get("ContractApplied").isEmpty()) continue;
      for (JsonNode e : json.readTree(r.get("ContractApplied")).get("Elements")) {
        BigDecimal[] s =
            expected.computeIfAbsent(
                e.get("ContractCommitmentId").asText(),
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        if (!e.get("ContractCommitmentAppliedCost").isNull())
          s[0] = s[0].add(e.get("ContractCommitmentAppliedCost").decimalValue());
        if (!e.get("ContractCommitmentAppliedQuantity").isNull())
          s[1] = s[1].add(e.get("ContractCommitmentAppliedQuantity").decimalValue());
      }
    }
    try (Store store = ingested()) {
      Map<String, BigDecimal[]> stored = new TreeMap<>();
      for (AppliedSum a : new DuckDbCharges(store).applied(ALL)) {
        BigDecimal[] s =
            stored.computeIfAbsent(
                a.element().commitmentId(),
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        s[0] = s[0].add(a.cost());
        s[1] = s[1].add(a.quantity());
      }
      assertThat(stored.keySet()).isEqualTo(expected.keySet());
      expected.forEach(
          (k, v) -> {
            assertThat(stored.get(k)[0]).as(k).isEqualByComparingTo(v[0]);
            assertThat(stored.get(k)[1]).as(k).isEqualByComparingTo(v[1]);
          });
      assertThat(expected.get("CC-EXC-0001-GPU-Y1")[1]).isEqualByComparingTo("3000");
    }
  }

  @Test
  void lastUsageEnd_isTheLatestUsagePeriodEnd() throws Exception {
    try (Store store = ingested()) {
      assertThat(new DuckDbCharges(store).lastUsageEnd())
          .contains(LocalDateTime.parse("2027-02-01T00:00"));
    }
  }

  @Test
  void migrationV007_rebuildsAStoreAggregatedBefore() throws Exception {
    List<ChargeSum> monthly;
    List<AppliedSum> applied;
    try (Store store = ingested()) {
      monthly = new DuckDbCharges(store).monthly(ALL);
      applied = new DuckDbCharges(store).applied(ALL);
      // put the store back as V006 left it: V002's billing_daily, no contract_applied_daily, no
      // ids recorded with contract_applied (V007 reads them from the JSON instead)
      try (Statement s = store.connection().createStatement()) {
        s.execute("DROP TABLE contract_applied_daily");
        s.execute("ALTER TABLE contract_applied DROP COLUMN row_id");
        s.execute("ALTER TABLE contract_applied DROP COLUMN applied_ids");
        s.execute("DROP TABLE billing_daily");
        s.execute(
            """
            CREATE TABLE billing_daily AS
            SELECT ingestion_id, CAST(ChargePeriodStart AS DATE) AS day, ProviderName,
                   ChargeCategory, CommitmentDiscountId, CommitmentDiscountStatus,
                   count(*) AS row_count, coalesce(sum(BilledCost), 0) AS BilledCost,
                   coalesce(sum(EffectiveCost), 0) AS EffectiveCost, 0::DECIMAL(38,18) AS gpu_hours,
                   min(ChargePeriodStart) AS first_charge_start,
                   max(ChargePeriodEnd) AS last_charge_end
            FROM billing_rows GROUP BY ALL
            """);
        // V008 adds to what V007 creates, so it runs again after it
        s.execute("DELETE FROM schema_version WHERE version IN (7, 8)");
      }
    }
    try (Store store = Store.open(dir.resolve("l.duckdb"))) {
      try (Statement s = store.connection().createStatement();
          ResultSet r = s.executeQuery("SELECT count(*) FROM schema_version WHERE version = 7")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(1);
      }
      assertThat(new DuckDbCharges(store).monthly(ALL)).isEqualTo(monthly);
      assertThat(new DuckDbCharges(store).applied(ALL)).isEqualTo(applied);
    }
  }

  @Test
  void migrationV008_givesA13RowStoredBeforeItsServiceProviderName() throws Exception {
    List<ChargeSum> monthly;
    List<AppliedSum> applied;
    try (Store store = ingested()) {
      monthly = new DuckDbCharges(store).monthly(ALL);
      applied = new DuckDbCharges(store).applied(ALL);
      // as before V008: the marketplace line kept the file's deprecated ProviderName, and
      // contract_applied_daily had no bound columns
      try (Statement s = store.connection().createStatement()) {
        s.execute(
            "UPDATE billing_rows SET ProviderName = 'Example Cloud'"
                + " WHERE ServiceProviderName = 'Example Analytics Inc'");
        s.execute(
            "UPDATE billing_daily SET ProviderName = 'Example Cloud'"
                + " WHERE ProviderName = 'Example Analytics Inc'");
        s.execute("ALTER TABLE contract_applied_daily DROP COLUMN charge");
        s.execute("ALTER TABLE contract_applied_daily DROP COLUMN charge_cost");
        s.execute("DELETE FROM schema_version WHERE version = 8");
      }
      assertThat(count(store, "billing_rows WHERE ProviderName = 'Example Analytics Inc'"))
          .isZero();
    }
    try (Store store = Store.open(dir.resolve("l.duckdb"))) {
      assertThat(count(store, "billing_rows WHERE ProviderName = 'Example Analytics Inc'"))
          .isEqualTo(1);
      assertThat(count(store, "ledger_settings WHERE value = 'none'")).isEqualTo(1);
      assertThat(new DuckDbCharges(store).monthly(ALL)).isEqualTo(monthly);
      assertThat(new DuckDbCharges(store).applied(ALL)).isEqualTo(applied);
    }
  }

  private static long count(Store store, String from) throws Exception {
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + from)) {
      r.next();
      return r.getLong(1);
    }
  }
}
