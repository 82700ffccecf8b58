package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.spark.SparkRiskTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The draw-down of a generated 1M-row ledger on Spark equals the embedded one to the byte. The rows
 * are generated, ingested and exported once for the class (the export is the store's own DuckDB
 * {@code COPY}, the fastest correct way to the Parquet layout); each phase's time is printed.
 */
class SparkLedgerMillionRowsTest {
  static org.apache.spark.sql.SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start();
  }

  @org.junit.jupiter.api.AfterAll
  static void stopSpark() {
    spark.stop();
  }

  static final int ROWS = 1_000_000;

  @TempDir static Path dir;
  static Path db;
  static Path export;

  @BeforeAll
  static void generateIngestExport() {
    Path csv = dir.resolve("million.csv");
    db = dir.resolve("million.duckdb");
    export = dir.resolve("million-export");
    timed(
        "generate-billing " + ROWS + " rows",
        "generate-billing",
        "--rows",
        Integer.toString(ROWS),
        "--seed",
        "42",
        "--out",
        csv.toString());
    timed("ingest", "ingest", "--db", db.toString(), csv.toString());
    timed(
        "ledger export", "ledger", "export", "--db", db.toString(), "--parquet", export.toString());
  }

  @Test
  void drawDown_ofAMillionGeneratedRows_onSpark_equalsEmbedded() throws Exception {
    String[] common = {
      "ledger", "--scenario", SparkIngestTest.SCENARIO.toString(), "--format", "json"
    };
    Run embedded = timed("embedded draw-down", SparkRiskTest.concat(common, "--db", db.toString()));
    Run spark =
        timed(
            "Spark local[2] draw-down",
            SparkRiskTest.concat(common, SparkReconcileVsPlanTest.onSpark(export)));
    assertThat(spark.out()).isEqualTo(embedded.out());
    JsonNode json = new ObjectMapper().readTree(spark.out());
    assertThat(json.get("spend")).isNotEmpty();
    assertThat(json.get("contracts").findValuesAsText("consumed"))
        .anyMatch(c -> !c.matches("0(\\.0+)?"));
  }

  private static Run timed(String what, String... args) {
    long start = System.nanoTime();
    Run r = SparkReconcileVsPlanTest.ok(SparkRiskTest.run(args));
    System.out.printf("%s: %.1f s%n", what, (System.nanoTime() - start) / 1e9);
    return r;
  }
}
