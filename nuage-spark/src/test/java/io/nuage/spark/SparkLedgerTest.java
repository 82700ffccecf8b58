package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.spark.SparkRiskTest.Run;
import io.nuage.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
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
    assertThat(export.resolve("_nuage_ledger")).content().startsWith("nuage-ledger-export 2");
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
    Path bad = copyOf(export, copy.resolve("export"));
    // one of the export's files rewritten, its rows kept, BilledCost as text
    Path file = firstFile(bad);
    Path original = copy.resolve("original.parquet");
    Files.move(file, original);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * REPLACE (CAST(BilledCost AS VARCHAR) AS BilledCost) FROM read_parquet('"
              + original
              + "')) TO '"
              + file
              + "' (FORMAT PARQUET)");
    }
    Run r = spark("--parquet", bad.toString());
    String partition = bad.resolve("billing_rows").relativize(file.getParent()).toString();
    assertRefused(r, "partition " + partition + " has a wrong schema");
    assertThat(r.err()).contains("BilledCost");
  }

  @Test
  void parquet_aPartitionOfTheManifestRemoved_isRefusedNamingIt(@TempDir Path copy)
      throws Exception {
    Path bad = copyOf(export, copy.resolve("export"));
    Path file = firstFile(bad);
    Path partition = file.getParent();
    deleteTree(partition);
    String name = bad.relativize(partition).toString();
    for (String[] command :
        List.of(new String[] {"ledger"}, new String[] {"ledger", "reconcile"})) {
      Run r = spark(command, "--parquet", bad.toString());
      assertRefused(r, "--parquet " + bad + ": partition " + name + " is missing");
      assertThat(r.err()).contains(bad.relativize(file).toString()).contains("rows");
    }
  }

  @Test
  void parquet_aFileNotInTheManifest_isRefusedNamingIt(@TempDir Path copy) throws Exception {
    Path bad = copyOf(export, copy.resolve("export"));
    Path file = firstFile(bad);
    Path partition = file.getParent();
    // a duplicated file, a backup copy, a file one level up (no provider) and one at the root:
    // Spark given the directory reads each, and the totals are wrong with exit 0
    for (Path stray :
        List.of(
            partition.resolve("data_0 (copy).parquet"),
            partition.resolve("part-x.parquet.bak"),
            partition.getParent().resolve("x.parquet"),
            bad.resolve("billing_rows/x.parquet"))) {
      Files.copy(file, stray);
      Run r = spark("--parquet", bad.toString());
      assertRefused(r, "--parquet " + bad + ": " + bad.relativize(stray) + " is not one of");
      Files.delete(stray);
    }
    assertThat(spark("--parquet", bad.toString()).code()).isZero();
  }

  @Test
  void parquet_aFileWithOtherRowsThanTheManifest_isRefusedNamingIt(@TempDir Path copy)
      throws Exception {
    Path bad = copyOf(export, copy.resolve("export"));
    Path file = firstFile(bad);
    Path original = copy.resolve("original.parquet");
    Files.move(file, original);
    long rows;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      var r = s.executeQuery("SELECT count(*) FROM read_parquet('" + original + "')");
      r.next();
      rows = r.getLong(1);
      s.execute(
          "COPY (SELECT * FROM read_parquet('"
              + original
              + "') LIMIT "
              + (rows - 1)
              + ") TO '"
              + file
              + "' (FORMAT PARQUET)");
    }
    Run r = spark("--parquet", bad.toString());
    assertRefused(
        r,
        "partition "
            + bad.resolve("billing_rows").relativize(file.getParent())
            + ": "
            + file.getFileName()
            + " holds "
            + (rows - 1)
            + " rows, the manifest says "
            + rows);
  }

  @Test
  void parquet_aManifestOfTheFirstFormat_isRefusedByName(@TempDir Path copy) throws Exception {
    Path old = copyOf(export, copy.resolve("export"));
    Path manifest = old.resolve("_nuage_ledger");
    List<String> lines =
        Files.readAllLines(manifest).stream().filter(l -> !l.startsWith("file=")).toList();
    Files.write(
        manifest,
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of("nuage-ledger-export 1"), lines.stream().skip(1))
            .toList());
    assertRefused(
        spark("--parquet", old.toString()),
        "--parquet " + old + ": written by an earlier Nuage ('nuage-ledger-export 1'");
  }

  @Test
  void aSessionRunningHere_isReused_andItsSqlSettingsRestoredAfterTheCommand() {
    var settings = spark.conf();
    String zone = settings.get("spark.sql.session.timeZone");
    String loss = settings.get("spark.sql.decimalOperations.allowPrecisionLoss");
    settings.set("spark.sql.session.timeZone", "Europe/Paris");
    settings.set("spark.sql.decimalOperations.allowPrecisionLoss", "true");
    try {
      Run r = spark("--parquet", export.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(spark.sparkContext().isStopped()).isFalse();
      assertThat(settings.get("spark.sql.session.timeZone")).isEqualTo("Europe/Paris");
      assertThat(settings.get("spark.sql.decimalOperations.allowPrecisionLoss")).isEqualTo("true");
    } finally {
      settings.set("spark.sql.session.timeZone", zone);
      settings.set("spark.sql.decimalOperations.allowPrecisionLoss", loss);
    }
  }

  @Test
  void aSessionRunningHereOnAnotherMaster_isRefusedByName_andLeftRunning() {
    String[] command = {
      "ledger",
      "--engine",
      "spark",
      "--master",
      "local[1]",
      "--scenario",
      scenario.toString(),
      "--parquet",
      export.toString()
    };
    Run r = SparkRiskTest.run(command);
    assertRefused(r, "--master local[1]: this JVM already runs a Spark session on local[2]");
    assertThat(spark.sparkContext().isStopped()).isFalse();
  }

  @Test
  void master_unreachable_isRefusedByName() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String master = "spark://127.0.0.1:" + port;
    assertRefused(SparkMasterTest.risk(master), "--master " + master + ": cannot be reached");
  }

  /** A copy of the export {@code from} at {@code to}, to spoil. */
  static Path copyOf(Path from, Path to) throws java.io.IOException {
    try (var all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path at = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(at);
        else Files.copy(p, at);
      }
    }
    return to;
  }

  /** The first Parquet file of the export's own partitions, in name order. */
  static Path firstFile(Path export) throws java.io.IOException {
    try (var all = Files.walk(export.resolve("billing_rows"))) {
      return all.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static Run spark(String... args) {
    return spark(new String[] {"ledger"}, args);
  }

  private static Run spark(String[] command, String... args) {
    String[] common = {
      "--engine",
      "spark",
      "--master",
      "local[2]",
      "--scenario",
      scenario.toString(),
      "--format",
      "json"
    };
    return SparkRiskTest.run(SparkRiskTest.concat(SparkRiskTest.concat(command, common), args));
  }

  private static void assertRefused(Run r, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }
}
