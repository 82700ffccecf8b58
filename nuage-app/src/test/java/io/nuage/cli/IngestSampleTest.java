package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.store.ledger.Totals;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FinOps Foundation's real FOCUS 1.0 sample, through the real CLI and store. */
class IngestSampleTest {
  static final String SAMPLE = "focus/finops_foundation_sample/focus_1.0_sample_1000.csv";

  @TempDir Path dir;

  Path sample() {
    return SharedData.file(SAMPLE);
  }

  @Test
  void sample_allRowsIngestAndEachProviderTotalsEqualTheSourceText() throws IOException {
    Path db = dir.resolve("ledger.duckdb");
    Cli run = Cli.run("ingest", "--db", db.toString(), sample().toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("rows read\\s+1000").containsPattern("accepted\\s+1000");
    var expected = SourceTotals.byProvider(sample());
    assertThat(expected.keySet()).containsExactly("AWS", "Microsoft", "Oracle");
    var actual = LedgerProbe.of(db).byProvider();
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (provider, totals) ->
            assertThat(actual.get(provider).sameAs(totals))
                .as(provider + ": ledger " + actual.get(provider) + " vs source " + totals)
                .isTrue());
    // the figures PROVENANCE.md states, as a second, human-checked anchor
    Totals all = SourceTotals.total(sample());
    assertThat(all.rows()).isEqualTo(1000);
    assertThat(all.billedCost().setScale(2, java.math.RoundingMode.HALF_EVEN))
        .isEqualByComparingTo("20.52");
  }

  @Test
  void sample_reportsEachQuirkItNormalised() {
    Cli run = Cli.run("ingest", "--db", dir.resolve("l.duckdb").toString(), sample().toString());

    assertThat(run.out())
        .containsPattern("NULL or empty value read as null\\s+\\d+")
        .containsPattern("ChargeFrequency: case fixed to the spec's spelling\\s+7")
        .containsPattern("ContractedCost null tolerated.*\\s+7")
        .contains("ignored non-FOCUS columns: Id");
  }

  @Test
  void sample_ingestedTwice_changesNoTotal() {
    Path db = dir.resolve("ledger.duckdb");
    assertThat(Cli.run("ingest", "--db", db.toString(), sample().toString()).code()).isZero();
    LedgerProbe once = LedgerProbe.of(db);

    Cli again = Cli.run("ingest", "--db", db.toString(), sample().toString());

    assertThat(again.code()).isZero();
    assertThat(again.out())
        .containsPattern("accepted\\s+0")
        .containsPattern("duplicates\\s+1000")
        .containsPattern("ChargeFrequency: case fixed to the spec's spelling\\s+7");
    LedgerProbe twice = LedgerProbe.of(db);
    assertThat(twice.totals().sameAs(once.totals())).isTrue();
    assertThat(twice.byProvider()).isEqualTo(once.byProvider());
  }

  @Test
  void renamedCopyAndOverlappingExports_addNothingTwice() throws IOException {
    List<String> lines = Files.readAllLines(sample());
    Path renamed = dir.resolve("september-copy.csv");
    Files.copy(sample(), renamed);
    Path first = write("month-to-date.csv", lines.get(0), lines.subList(1, 601));
    Path full = write("full-month.csv", lines.get(0), lines.subList(401, 1001));
    Path db = dir.resolve("ledger.duckdb");

    assertThat(Cli.run("ingest", "--db", db.toString(), first.toString(), full.toString()).code())
        .isZero();
    Cli copy = Cli.run("ingest", "--db", db.toString(), renamed.toString());

    assertThat(copy.out()).containsPattern("accepted\\s+0");
    assertThat(LedgerProbe.of(db).totals().sameAs(SourceTotals.total(sample()))).isTrue();
  }

  @Test
  void gzipAndParquetCopies_areTheSameRows() throws Exception {
    Path gz = dir.resolve("sample.csv.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(sample(), out);
    }
    Path parquet = dir.resolve("sample.parquet");
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement()) {
      // typed as DuckDB guesses (doubles for costs): the ingest must still get exact decimals
      s.execute(
          "COPY (SELECT * FROM read_csv('"
              + sample()
              + "', nullstr = ['NULL', ''])) TO '"
              + parquet
              + "' (FORMAT parquet)");
    }
    Path db = dir.resolve("ledger.duckdb");

    Cli fromGzip = Cli.run("ingest", "--db", db.toString(), gz.toString());
    Cli fromParquet = Cli.run("ingest", "--db", db.toString(), parquet.toString());
    Cli fromCsv = Cli.run("ingest", "--db", db.toString(), sample().toString());

    assertThat(fromGzip.code()).as(fromGzip.err()).isZero();
    assertThat(fromGzip.out()).contains("csv.gz").containsPattern("accepted\\s+1000");
    assertThat(fromParquet.code()).as(fromParquet.err()).isZero();
    assertThat(fromParquet.out()).contains("parquet").containsPattern("duplicates\\s+1000");
    assertThat(fromCsv.out()).containsPattern("duplicates\\s+1000");
    assertThat(LedgerProbe.of(db).totals().sameAs(SourceTotals.total(sample()))).isTrue();
  }

  @Test
  void jsonFormat_givesTheCountsAsNumbers() {
    Cli run =
        Cli.run(
            "ingest",
            "--db",
            dir.resolve("l.duckdb").toString(),
            "--format",
            "json",
            sample().toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("\"accepted\" : 1000").contains("\"duplicates\" : 0");
  }

  @Test
  void dbFromEnvironmentOrDefault_isDocumentedInHelp() {
    assertThat(Cli.run("ingest", "--help").out()).contains("NUAGE_DB").contains("--skip-bad-rows");
  }

  private Path write(String name, String header, List<String> rows) throws IOException {
    var all = new ArrayList<String>();
    all.add(header);
    all.addAll(rows);
    return Files.write(dir.resolve(name), all);
  }

  static Map<String, Totals> totals(Path db) {
    return LedgerProbe.of(db).byProvider();
  }
}
