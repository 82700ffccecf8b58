package io.nuage.spark;

import static io.nuage.testing.FileTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.spark.SparkRiskTest.Run;
import io.nuage.testing.SharedData;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nuage ingest --engine spark --parquet DIR}: a file appended to an export reads on Spark as
 * the store reads the same two files; the same file again, or its rows in other bytes, adds nothing
 * and is reported as duplicates; a bad FOCUS file and a directory that is not an export are refused
 * by name, exit 2, and leave the export as it was.
 */
class SparkIngestTest {
  static org.apache.spark.sql.SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start();
  }

  @org.junit.jupiter.api.AfterAll
  static void stopSpark() {
    spark.stop();
  }

  static final Path SCENARIO =
      SparkReconcileVsPlanTest.REPO.resolve(
          "nuage-app/src/test/resources/ledger/finops-sample.yaml");

  @TempDir static Path dir;
  static Path export;
  static Path store;
  static Path generated;
  static Run appended;

  @BeforeAll
  static void exportAppendAndIngestTheSame() {
    Path sample = SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv");
    generated = dir.resolve("generated.csv");
    SparkReconcileVsPlanTest.ok(
        SparkRiskTest.run(
            "generate-billing", "--rows", "3000", "--seed", "7", "--out", generated.toString()));
    export = dir.resolve("export");
    SparkReconcileVsPlanTest.ingestAndExport(sample, dir.resolve("sample.duckdb"), export);
    appended = ingestOnSpark(export, generated);
    store = dir.resolve("both.duckdb");
    for (Path f : List.of(sample, generated))
      SparkReconcileVsPlanTest.ok(
          SparkRiskTest.run("ingest", "--db", store.toString(), f.toString()));
  }

  @Test
  void ingest_appendsTheFile_andSparkReadsWhatTheStoreReadsOfBothFiles() throws Exception {
    SparkReconcileVsPlanTest.ok(appended);
    JsonNode report = new ObjectMapper().readTree(appended.out()).get("files").get(0);
    assertThat(report.get("accepted").asLong()).isEqualTo(3000);
    assertThat(Files.list(export.resolve("ingested")).count()).isEqualTo(1);
    for (String[] command :
        List.of(new String[] {"ledger"}, new String[] {"ledger", "reconcile"})) {
      String[] common =
          SparkRiskTest.concat(command, "--scenario", SCENARIO.toString(), "--format", "json");
      Run embedded =
          SparkReconcileVsPlanTest.ok(
              SparkRiskTest.run(SparkRiskTest.concat(common, "--db", store.toString())));
      Run spark =
          SparkReconcileVsPlanTest.ok(
              SparkRiskTest.run(
                  SparkRiskTest.concat(common, SparkReconcileVsPlanTest.onSpark(export))));
      assertThat(spark.out()).as(String.join(" ", command)).isEqualTo(embedded.out());
    }
  }

  @Test
  void ingest_theSameFileAgain_appendsNothing() throws Exception {
    List<String> before = tree(export);
    Run again = SparkReconcileVsPlanTest.ok(ingestOnSpark(export, generated));
    JsonNode report = new ObjectMapper().readTree(again.out()).get("files").get(0);
    assertThat(report.get("accepted").asLong()).isZero();
    assertThat(report.get("duplicates").asLong()).isEqualTo(3000);
    assertThat(tree(export)).isEqualTo(before);
  }

  @Test
  void ingest_aCompressedCopyOfAnAppendedFile_isReportedAsDuplicates_nothingAppended()
      throws Exception {
    Path gz = dir.resolve("generated.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(generated, out);
    }
    List<String> before = tree(export);
    Run r = SparkReconcileVsPlanTest.ok(ingestOnSpark(export, gz));
    JsonNode report = new ObjectMapper().readTree(r.out()).get("files").get(0);
    assertThat(report.get("accepted").asLong()).isZero();
    assertThat(report.get("duplicates").asLong()).isEqualTo(3000);
    assertThat(tree(export)).isEqualTo(before);
  }

  @Test
  void ingest_aBadFocusFile_isRefusedNamingLineColumnAndValue_nothingWritten() throws Exception {
    Path bad = dir.resolve("bad.csv");
    SparkReconcileVsPlanTest.ok(
        SparkRiskTest.run(
            "generate-billing",
            "--rows",
            "50",
            "--seed",
            "9",
            "--bad-line",
            "7",
            "--out",
            bad.toString()));
    List<String> before = tree(export);
    Run r = ingestOnSpark(export, bad);
    assertRefused(r, bad + ":7:");
    assertThat(r.err()).contains("ChargePeriodStart").contains("expected");
    assertThat(tree(export)).isEqualTo(before);
  }

  @Test
  void ingest_aRefusedFile_leavesNoLockNorStagingBehind(@TempDir Path copy) throws Exception {
    Path to = SparkLedgerTest.copyOf(export, copy.resolve("export"));
    Path bad = copy.resolve("bad.csv");
    SparkReconcileVsPlanTest.ok(
        SparkRiskTest.run(
            "generate-billing",
            "--rows",
            "20",
            "--seed",
            "5",
            "--bad-line",
            "3",
            "--out",
            bad.toString()));
    List<String> before = tree(to);
    assertThat(before).noneMatch(p -> p.startsWith(".ingest.lock") || p.startsWith(".staging"));
    assertRefused(ingestOnSpark(to, bad), bad + ":3:");
    assertThat(tree(to)).isEqualTo(before);
  }

  @Test
  void ingest_intoADirectoryThatIsNotAnExport_isRefused_nothingWritten(@TempDir Path other)
      throws Exception {
    Files.writeString(other.resolve("notes.txt"), "not a ledger");
    Run r = ingestOnSpark(other, generated);
    assertRefused(r, "--parquet " + other + ": not a Nuage ledger export");
    assertThat(tree(other)).containsExactly("notes.txt 12");
  }

  @Test
  void ledger_anAppendedPartitionWithAWrongSchema_isRefusedNamingIt(@TempDir Path copy)
      throws Exception {
    Path bad = SparkLedgerTest.copyOf(export, copy.resolve("export"));
    Path root;
    try (Stream<Path> in = Files.list(bad.resolve("ingested"))) {
      root = in.findFirst().orElseThrow().resolve("billing_rows");
    }
    Path file;
    try (Stream<Path> all = Files.walk(root)) {
      file = all.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
    }
    Path original = dir.resolve("original.parquet");
    Files.move(file, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * REPLACE (CAST(ListCost AS DOUBLE) AS ListCost) FROM read_parquet('"
              + original
              + "')) TO '"
              + file
              + "' (FORMAT PARQUET)");
    }
    Run r =
        SparkRiskTest.run(
            SparkRiskTest.concat(
                new String[] {"ledger", "reconcile", "--scenario", SCENARIO.toString()},
                SparkReconcileVsPlanTest.onSpark(bad)));
    String partition = bad.relativize(file.getParent()).toString();
    assertRefused(r, "partition " + partition + " has a wrong schema");
    assertThat(r.err()).contains("ListCost").contains("expected DECIMAL(38,18)");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void ingest_withAMaster_isRefused_forItRunsNoSparkJob() throws Exception {
    List<String> before = tree(export);
    Run r =
        SparkRiskTest.run(
            "ingest",
            "--engine",
            "spark",
            "--master",
            "local[2]",
            "--parquet",
            export.toString(),
            generated.toString());
    assertRefused(r, "--master local[2]: ingest runs no Spark job");
    assertThat(tree(export)).isEqualTo(before);
  }

  static Run ingestOnSpark(Path to, Path file) {
    return SparkRiskTest.run(
        "ingest",
        "--engine",
        "spark",
        "--parquet",
        to.toString(),
        "--format",
        "json",
        file.toString());
  }

  static void assertRefused(Run r, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
