package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FOCUS 1.2 spec's commitment-discount examples through the real CLI. */
class IngestSpecExamplesTest {
  @TempDir Path dir;

  Cli ingest(Path db, Path file) throws IOException {
    List<String> args = new ArrayList<>(List.of("ingest", "--db", db.toString()));
    args.addAll(SpecExamples.fillsFor(file));
    args.add(file.toString());
    return Cli.run(args);
  }

  static Path example(String name) {
    return SharedData.file(SpecExamples.FOLDER + name);
  }

  @Test
  void wellFormedExamples_allIngestAsFocus11() throws IOException {
    Path db = dir.resolve("l.duckdb");
    var files = new ArrayList<String>();
    for (int i = 1; i <= 4; i++)
      files.add("commitment_discount_scenarios/commitment_discount_usage_scenario_" + i + ".csv");
    files.add("commitment_discount_scenarios/commitment_discount_purchase_scenario_1.csv");
    for (String f :
        List.of(
            "one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource",
            "one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources",
            "one_hundred_percent_utilization_without_commitment_discount_flexibility",
            "zero_percent_utilization_without_commitment_discount_flexibility"))
      files.add("commitment_discount_flexibility/" + f + ".csv");
    for (String f : files) {
      Cli run = ingest(db, example(f));
      assertThat(run.code()).as(f + "\n" + run.err()).isZero();
      assertThat(run.out()).as(f).contains("FOCUS 1.1").containsPattern("rejected\\s+0");
    }
  }

  @Test
  void twoByteIdenticalUsageRows_areTwoChargesAndStayTwoOnReingest() throws IOException {
    Path db = dir.resolve("l.duckdb");
    Path file =
        example(
            "commitment_discount_flexibility/"
                + "one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv");

    Cli first = ingest(db, file);
    Cli second = ingest(db, file);

    assertThat(first.out()).containsPattern("accepted\\s+3");
    assertThat(first.out()).contains("column 'SkuPriceid' read as SkuPriceId");
    assertThat(second.out()).containsPattern("accepted\\s+0").containsPattern("duplicates\\s+3");
    assertThat(effectiveCostByStatus(db))
        .isEqualTo(Map.of("Used", new BigDecimal("2.00"), "-", new BigDecimal("0.00")));
  }

  @Test
  void usageScenario3_keepsTheUsedAndUnusedSplitExactly() throws IOException {
    Path db = dir.resolve("l.duckdb");
    Cli run =
        ingest(
            db, example("commitment_discount_scenarios/commitment_discount_usage_scenario_3.csv"));

    assertThat(run.code()).isZero();
    // the explanation: 75 % utilisation of a $1.00/hour commitment
    assertThat(effectiveCostByStatus(db))
        .isEqualTo(Map.of("Used", new BigDecimal("0.75"), "Unused", new BigDecimal("0.25")));
  }

  private static Map<String, BigDecimal> effectiveCostByStatus(Path db) {
    var out = new TreeMap<String, BigDecimal>();
    try (Store store = Store.open(db);
        Statement s = store.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT coalesce(CommitmentDiscountStatus, '-'), sum(EffectiveCost)"
                    + " FROM billing_rows GROUP BY 1")) {
      while (r.next()) out.put(r.getString(1), r.getBigDecimal(2).stripTrailingZeros().setScale(2));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
