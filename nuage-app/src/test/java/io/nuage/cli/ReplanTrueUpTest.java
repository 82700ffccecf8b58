package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract year closed with a take-or-pay true-up (review of issue 11, finding 2): the billed
 * true-up is the year's shortfall, not consumption that met the minimum.
 */
class ReplanTrueUpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void replan_afterAYearClosedWithATrueUp_reportsItAsThatYearsShortfall() throws Exception {
    Path example = ReplanCommandTest.EXAMPLE;
    Path db = dir.resolve("nuage.duckdb");
    Path planFile = dir.resolve("plan.json");
    Cli plan =
        Cli.run(
            "plan",
            example.toString(),
            "--db",
            db.toString(),
            "--format",
            "json",
            "--out",
            planFile.toString());
    assertThat(plan.code()).as(plan.err()).isZero();
    // half the planned demand all year: oci's first contract year (2027) falls short of its
    // minimum, and its bills end with a true-up on the year's last day
    Path bills = dir.resolve("bills.csv");
    Cli generate =
        Cli.run(
            "generate-billing",
            "--from-plan",
            planFile.toString(),
            "--scenario",
            example.toString(),
            "--until",
            "2027-12",
            "--drift",
            "demand=-50%@2027-01",
            "--out",
            bills.toString());
    assertThat(generate.code()).as(generate.err()).isZero();
    BigDecimal trueUp = sum(bills, "SkuPriceId LIKE '%-SHORTFALL-%'");
    assertThat(trueUp).isPositive();
    Cli ingest = Cli.run("ingest", "--db", db.toString(), bills.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();

    Cli replan =
        Cli.run(
            "replan",
            example.toString(),
            "--db",
            db.toString(),
            "--as-of",
            "2028-01-01",
            "--format",
            "json");
    assertThat(replan.code()).as(replan.err()).isZero();
    JsonNode r = JSON.readTree(replan.out());
    JsonNode year0 = null;
    for (JsonNode c : r.path("contracts"))
      if (c.path("contract").asText().equals("oci-committed-300b") && c.path("year").asInt() == 0)
        year0 = c;
    assertThat(year0).isNotNull();
    // consumed to date: oci's 2027 bills less the true-up; the shortfall: the true-up
    BigDecimal oci = sum(bills, "ProviderName = 'Oracle'");
    assertThat(new BigDecimal(year0.path("consumedToDate").asText()))
        .isEqualByComparingTo(oci.subtract(trueUp));
    assertThat(new BigDecimal(year0.path("shortfall").asText())).isEqualByComparingTo(trueUp);
    // every billed dollar counted once: to date (without the true-up) + the shortfall line
    assertThat(new BigDecimal(r.path("costBreakdown").path("actual").asText()))
        .isEqualByComparingTo(sum(bills, "true").subtract(trueUp));
  }

  private static BigDecimal sum(Path csv, String where) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT coalesce(sum(CAST(BilledCost AS DECIMAL(38, 10))), 0) FROM read_csv('"
                    + csv.toString().replace("'", "''")
                    + "', all_varchar = true) WHERE "
                    + where)) {
      rs.next();
      return rs.getBigDecimal(1).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
  }
}
