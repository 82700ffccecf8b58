package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.spark.SparkRiskTest.Run;
import io.nuage.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger on Spark: the FinOps Foundation's sample ingested into the store, exported as Parquet,
 * drawn down by Spark SQL, equals the embedded draw-down to the byte; and what is not an export is
 * refused by name, exit 2, nothing on standard output.
 */
class SparkLedgerTest {
  static org.apache.spark.sql.SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start();
  }

  @org.junit.jupiter.api.AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @TempDir static Path dir;
  static Path db;
  static Path export;
  static Path scenario;

  @BeforeAll
  static void ingestAndExport() {
    Path repo = Path.of(System.getProperty("nuage.repo", "..")).toAbsolutePath();
    scenario = repo.resolve("nuage-app/src/test/resources/ledger/finops-sample.yaml");
    Path sample = SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv");
    db = dir.resolve("ledger.duckdb");
    export = dir.resolve("export");
    Run ingest = SparkRiskTest.run("ingest", "--db", db.toString(), sample.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    Run exported =
        SparkRiskTest.run(
            "ledger", "export", "--db", db.toString(), "--parquet", export.toString());
    assertThat(exported.code()).as(exported.err()).isZero();
  }

  @Test
  void drawDown_ofTheFinOpsSample_onSpark_equalsEmbedded() throws Exception {
    Run embedded =
        SparkRiskTest.run(
            "ledger", "--db", db.toString(), "--scenario", scenario.toString(), "--format", "json");
    Run spark = spark("--parquet", export.toString());
    assertThat(embedded.code()).as(embedded.err()).isZero();
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.out()).isEqualTo(embedded.out());
    assertThat(spark.out()).contains("\"consumed\"");
    // spend by provider and month and the shares against the cap are part of the same report
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(spark.out());
    assertThat(json.get("spend")).isNotEmpty();
    assertThat(json.get("shares")).isNotEmpty();
  }

  @Test
  void reconcile_ofTheFinOpsSample_onSpark_equalsEmbedded() throws Exception {
    String[] common = {
      "ledger", "reconcile", "--scenario", scenario.toString(), "--format", "json"
    };
    Run embedded = SparkRiskTest.run(SparkRiskTest.concat(common, "--db", db.toString()));
    Run spark =
        SparkRiskTest.run(
            SparkRiskTest.concat(
                common,
                "--engine",
                "spark",
                "--master",
                "local[2]",
                "--parquet",
                export.toString()));
    assertThat(embedded.code()).as(embedded.err()).isZero();
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.out()).isEqualTo(embedded.out());
    var totals =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(spark.out()).get("totals");
    assertThat(totals.findValuesAsText("rowsChecked")).anyMatch(n -> Long.parseLong(n) > 0);
  }

  @Test
  void export_partitionsByBillingPeriodAndProvider() throws Exception {
    try (var parts = Files.list(export.resolve("billing_rows"))) {
      assertThat(parts.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.matches("billing_period=\\d{4}-\\d{2}"));
    }
    assertThat(export.resolve("_nuage_ledger")).content().startsWith("nuage-ledger-export 1");
  }

  @Test
  void parquet_notAnExport_isRefusedByName(@TempDir Path other) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("COPY (SELECT 1 AS x) TO '" + other.resolve("x.parquet") + "' (FORMAT PARQUET)");
    }
    Run r = spark("--parquet", other.toString());
    assertRefused(r, other + ": not a Nuage ledger export");
  }

  @Test
  void parquet_aPartitionWithAWrongSchema_isRefusedNamingIt(@TempDir Path copy) throws Exception {
    Path bad = copy.resolve("export");
    try (var all = Files.walk(export)) {
      for (Path p : all.toList()) {
        Path to = bad.resolve(export.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
    Path partition = bad.resolve("billing_rows/billing_period=2099-01/provider=Nobody");
    Files.createDirectories(partition);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * REPLACE (CAST(BilledCost AS VARCHAR) AS BilledCost) FROM read_parquet('"
              + export.resolve("billing_rows/*/*/*.parquet")
              + "') LIMIT 3) TO '"
              + partition.resolve("data_0.parquet")
              + "' (FORMAT PARQUET)");
    }
    Run r = spark("--parquet", bad.toString());
    assertRefused(r, "partition billing_period=2099-01/provider=Nobody has a wrong schema");
    assertThat(r.err()).contains("BilledCost");
  }

  @Test
  void master_unreachable_isRefusedByName() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String master = "spark://127.0.0.1:" + port;
    Run r =
        SparkRiskTest.run(
            "risk",
            SparkRiskTest.EXAMPLE.toString(),
            "--samples",
            "2",
            "--quiet",
            "--format",
            "json",
            "--engine",
            "spark",
            "--master",
            master);
    assertRefused(r, "--master " + master + ": cannot be reached");
  }

  private static Run spark(String... args) {
    String[] common = {
      "ledger",
      "--engine",
      "spark",
      "--master",
      "local[2]",
      "--scenario",
      scenario.toString(),
      "--format",
      "json"
    };
    return SparkRiskTest.run(SparkRiskTest.concat(common, args));
  }

  private static void assertRefused(Run r, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }
}
