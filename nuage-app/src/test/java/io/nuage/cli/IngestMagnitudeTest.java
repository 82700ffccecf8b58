package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 7: rows that each fit DECIMAL(38,18) but whose sum does not must never make the
 * ledger unreadable. The ledger bounds what it holds (docs/ledger.md, "Magnitude bound"), refuses
 * the file that would pass the bound, and {@code ingest --remove} takes a file out again.
 */
class IngestMagnitudeTest {
  @TempDir Path dir;
  private Path db;
  private Path scenario;
  private Path sample;

  @BeforeEach
  void ingestTheSample() {
    db = dir.resolve("l.duckdb");
    scenario = SharedData.repo().resolve("nuage-app/src/test/resources/ledger/finops-sample.yaml");
    sample = SharedData.file(IngestSampleTest.SAMPLE);
    Cli first = Cli.run("ingest", "--db", db.toString(), sample.toString());
    assertThat(first.code()).as(first.err()).isZero();
  }

  /** The sample's first {@code rows} rows with BilledCost, EffectiveCost and ListCost = value. */
  private Path costly(String name, int rows, String value) throws SQLException {
    Path out = dir.resolve(name);
    String csv = sample.toString().replace("'", "''");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * EXCLUDE (rn) REPLACE ('"
              + value
              + "' AS BilledCost, '"
              + value
              + "' AS EffectiveCost, '"
              + value
              + "' AS ListCost) FROM (SELECT *, row_number() OVER () AS rn FROM read_csv('"
              + csv
              + "', all_varchar = true)) WHERE rn <= "
              + rows
              + " ORDER BY rn) TO '"
              + out
              + "' (FORMAT csv)");
    }
    return out;
  }

  private Cli ledger() {
    return Cli.run(
        "ledger", "--scenario", scenario.toString(), "--db", db.toString(), "--format", "json");
  }

  private Cli reconcile() {
    return Cli.reconcile(scenario, db, "--format", "json");
  }

  @Test
  void twoRowsWhoseSumOverflows_areRefusedAndEveryReadStillAnswers() throws SQLException {
    String before = ledger().out();
    Path huge = costly("huge.csv", 2, "60000000000000000000");

    Cli run = Cli.run("ingest", "--db", db.toString(), huge.toString());

    assertThat(run.code()).as(run.out()).isEqualTo(2);
    assertThat(run.err())
        .contains("huge.csv")
        .contains("BilledCost")
        .contains("10^18")
        .contains("nothing was ingested")
        .doesNotContain("Overflow")
        .doesNotContain("Exception");
    Cli after = ledger();
    assertThat(after.code()).as(after.err()).isZero();
    assertThat(after.out()).isEqualTo(before);
    assertThat(reconcile().code()).isZero();
  }

  @Test
  void aFileThatWouldPassTheLedgersBound_isRefused_andRemoveRestoresTheTotalsExactly()
      throws SQLException {
    String before = ledger().out();
    String reconciledBefore = reconcile().out();
    // each file alone is within the bound (10^18); both together are not
    Path big = costly("big.csv", 1, "600000000000000000.5");
    Path again = costly("again.csv", 3, "200000000000000000");

    Cli first = Cli.run("ingest", "--db", db.toString(), big.toString());
    Cli second = Cli.run("ingest", "--db", db.toString(), again.toString());

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.code()).isEqualTo(2);
    assertThat(second.err()).contains("again.csv").contains("10^18").contains("ingest --remove");
    assertThat(ledger().code()).isZero();
    assertThat(reconcile().code()).isZero();

    Cli listed = Cli.run("ingestions", "--db", db.toString());
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("big.csv").contains(sample.getFileName().toString());
    assertThat(listed.out()).doesNotContain("again.csv");
    String id = idOf(listed.out(), "big.csv");

    Cli removed = Cli.run("ingest", "--db", db.toString(), "--remove", id);

    assertThat(removed.code()).as(removed.err()).isZero();
    assertThat(removed.out()).contains("removed").contains("big.csv");
    assertThat(ledger().out()).isEqualTo(before);
    assertThat(reconcile().out()).isEqualTo(reconciledBefore);
    assertThat(Cli.run("ingestions", "--db", db.toString()).out()).doesNotContain("big.csv");
    // the room is back: the second file now fits
    assertThat(Cli.run("ingest", "--db", db.toString(), again.toString()).code()).isZero();
  }

  /**
   * A row priced per hour at its reservation's rate: the bound limits the quantity (9·10^17), not
   * the expected cost (quantity times $200 an hour, 1.8·10^20), which DECIMAL(38,18) cannot hold.
   * The reconciliation must still answer, and exactly.
   */
  @Test
  void aRowPricedPerHourBeyondTheColumnType_isReconciledExactly() throws Exception {
    Path reserved = ReservedScenario.write(dir, "200");
    Path hours = dir.resolve("hours.csv");
    String csv = sample.toString().replace("'", "''");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      // 6·10^17 hours expected at 1.2·10^20 and billed 5 (checked, not flagged); 4·10^15 hours
      // billed a cent above their 8·10^17; -3.9·10^17 hours (a correction) expected at -7.8·10^19
      // and billed 0. Together the quantities stay within the bound.
      s.execute(
          "COPY (SELECT * EXCLUDE (rn) REPLACE ("
              + " CASE rn WHEN 1 THEN '5' WHEN 2 THEN '800000000000000000.01' ELSE '0' END"
              + " AS BilledCost,"
              + " CASE rn WHEN 1 THEN '600000000000000000' WHEN 2 THEN '4000000000000000'"
              + " ELSE '-390000000000000000' END AS PricingQuantity,"
              + " '0' AS EffectiveCost, '0' AS ListCost, 'Usage' AS ChargeCategory,"
              + " 'AWS' AS ProviderName, 'aws-reserved' AS CommitmentDiscountId,"
              + " 'Used' AS CommitmentDiscountStatus, 'Hours' AS PricingUnit)"
              + " FROM (SELECT *, row_number() OVER () AS rn FROM read_csv('"
              + csv
              + "', all_varchar = true)) WHERE rn <= 3 ORDER BY rn) TO '"
              + hours
              + "' (FORMAT csv)");
    }
    Cli ingested = Cli.run("ingest", "--db", db.toString(), hours.toString());
    assertThat(ingested.code()).as(ingested.err()).isZero();

    Cli run =
        Cli.run(
            "ledger",
            "reconcile",
            "--scenario",
            reserved.toString(),
            "--db",
            db.toString(),
            "--format",
            "json");

    assertThat(run.code()).as(run.err()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    var rows =
        java.util.stream.StreamSupport.stream(json.get("overbilled").spliterator(), false)
            .filter(r -> "aws-reserved".equals(r.path("contract").asText()))
            .toList();
    assertThat(rows).as(run.out()).hasSize(2);
    // biggest excess first
    assertThat(new java.math.BigDecimal(rows.get(0).get("expected").asText()))
        .isEqualByComparingTo("-78000000000000000000");
    assertThat(new java.math.BigDecimal(rows.get(0).get("excess").asText()))
        .isEqualByComparingTo("78000000000000000000");
    assertThat(new java.math.BigDecimal(rows.get(1).get("expected").asText()))
        .isEqualByComparingTo("800000000000000000");
    assertThat(new java.math.BigDecimal(rows.get(1).get("excess").asText()))
        .isEqualByComparingTo("0.01");
    for (var t : json.get("totals")) {
      assertThat(
              new java.math.BigDecimal(t.get("billed").asText())
                  .subtract(new java.math.BigDecimal(t.get("expected").asText())))
          .isEqualByComparingTo(t.get("excess").asText());
    }
  }

  @Test
  void removingAnIngestionThatIsNotThere_isAUserError() {
    Cli run = Cli.run("ingest", "--db", db.toString(), "--remove", "999");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("999").contains("nuage ingestions");
  }

  @Test
  void ingestionsAsJson_listIdsFilesAndCounts() throws Exception {
    Cli run = Cli.run("ingestions", "--db", db.toString(), "--format", "json");

    assertThat(run.code()).as(run.err()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(json.get(0).get("id").asLong()).isPositive();
    assertThat(json.get(0).get("file").asText()).endsWith("focus_1.0_sample_1000.csv");
    assertThat(json.get(0).get("accepted").asLong()).isEqualTo(1000);
  }

  private static String idOf(String table, String file) {
    Matcher m = Pattern.compile("(?m)^\\s*(\\d+)\\s+.*" + Pattern.quote(file)).matcher(table);
    assertThat(m.find()).as(table).isTrue();
    return m.group(1);
  }
}
