package io.nuage.cli;

import static io.nuage.testing.FileTrees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nuage ingest --engine spark --parquet DIR} from the command line, which needs no Spark: a
 * file already in the base export is reported as duplicates, as the store reports it, and the help
 * and the refusals say what the command does.
 */
class IngestToExportTest {
  static final Path SAMPLE =
      SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv");

  @TempDir static Path dir;
  static Path export;

  @BeforeAll
  static void export() {
    Path db = dir.resolve("s.duckdb");
    export = dir.resolve("exp");
    Cli ingest = Cli.run("ingest", "--db", db.toString(), SAMPLE.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    Cli exported =
        Cli.run("ledger", "export", "--db", db.toString(), "--parquet", export.toString());
    assertThat(exported.code()).as(exported.err()).isZero();
  }

  @Test
  void ingest_theFileOfTheBaseExport_reportsItsRowsAsDuplicates_exit0_nothingAppended()
      throws Exception {
    List<String> before = tree(export);
    Cli r =
        Cli.run(
            "ingest",
            "--engine",
            "spark",
            "--parquet",
            export.toString(),
            "--format",
            "json",
            SAMPLE.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode report = new ObjectMapper().readTree(r.out()).get("files").get(0);
    assertThat(report.get("accepted").asLong()).isZero();
    assertThat(report.get("duplicates").asLong()).isEqualTo(1000);
    assertThat(tree(export)).isEqualTo(before);
  }

  @Test
  void ingest_intoAParquetFile_saysItIsAFileNotADirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("bills.parquet"), "PAR1");
    Cli r = Cli.run("ingest", "--engine", "spark", "--parquet", file.toString(), SAMPLE.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("--parquet " + file + ": a file, not a directory")
        .doesNotContain("no such", "Exception", "\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void ingest_help_saysTheSparkEngineAppendsWithDuckDbHere_andTakesNoMaster() {
    Cli r = Cli.run("ingest", "--help");
    assertThat(r.code()).isZero();
    String help = r.out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--engine=embedded|spark")
        .contains("validated and written by DuckDB on this machine")
        .contains("no Spark job runs")
        .doesNotContain("--master")
        .doesNotContain("Apache Spark at");
  }

  @Test
  void ingest_withAMaster_isRefusedOnEitherEngine() {
    for (String engine : List.of("embedded", "spark")) {
      Cli r =
          Cli.run(
              "ingest",
              "--engine",
              engine,
              "--master",
              "local[2]",
              "--parquet",
              export.toString(),
              SAMPLE.toString());
      assertThat(r.code()).as(engine).isEqualTo(2);
      assertThat(r.err()).contains("--master local[2]: ingest runs no Spark job");
    }
  }

  @Test
  void riskHelp_stillDescribesSparkAtItsMaster() {
    Cli r = Cli.run("risk", "--help");
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("Apache Spark at --master")
        .contains("--master=URL");
  }
}
