package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row identity (docs/ledger.md): the hash only finds candidates; equal columns decide. */
class IngestIdentityTest {
  @TempDir Path dir;

  Path sample() {
    return SharedData.file(IngestSampleTest.SAMPLE);
  }

  @Test
  void hashCollisionWithADifferentRow_stillIngestsThatRow() throws IOException, SQLException {
    List<String> lines = Files.readAllLines(sample());
    Path a = Files.write(dir.resolve("a.csv"), List.of(lines.get(0), lines.get(1)));
    Path b = Files.write(dir.resolve("b.csv"), List.of(lines.get(0), lines.get(2)));
    Path db = dir.resolve("l.duckdb");
    assertThat(Cli.run("ingest", "--db", db.toString(), a.toString()).code()).isZero();
    // forge a collision: give row a the hash row b will get
    Path probe = dir.resolve("probe.duckdb");
    assertThat(Cli.run("ingest", "--db", probe.toString(), b.toString()).code()).isZero();
    String hashOfB;
    try (Store store = Store.open(probe);
        Statement s = store.connection().createStatement();
        var r = s.executeQuery("SELECT row_hash::VARCHAR FROM billing_rows")) {
      r.next();
      hashOfB = r.getString(1);
    }
    try (Store store = Store.open(db);
        Statement s = store.connection().createStatement()) {
      s.execute("UPDATE billing_rows SET row_hash = " + hashOfB);
    }

    Cli run = Cli.run("ingest", "--db", db.toString(), b.toString());

    assertThat(run.out()).containsPattern("accepted\\s+1").containsPattern("duplicates\\s+0");
    assertThat(LedgerProbe.of(db).totals().rows()).isEqualTo(2);
  }

  @Test
  void storedHashesFromAnotherDuckdbVersion_areRecomputedBeforeTheAntiJoin() throws SQLException {
    Path db = dir.resolve("l.duckdb");
    assertThat(Cli.run("ingest", "--db", db.toString(), sample().toString()).code()).isZero();
    try (Store store = Store.open(db);
        Statement s = store.connection().createStatement()) {
      s.execute("UPDATE billing_rows SET row_hash = row_hash + 1");
      s.execute("UPDATE ledger_settings SET value = '0.0.1' WHERE name = 'row_hash_engine'");
    }

    Cli again = Cli.run("ingest", "--db", db.toString(), sample().toString());

    assertThat(again.out()).containsPattern("accepted\\s+0").containsPattern("duplicates\\s+1000");
    assertThat(LedgerProbe.of(db).totals().rows()).isEqualTo(1000);
  }

  @Test
  void identicalRows_theLedgerKeepsTheMostCopiesAnySingleFileHad() throws IOException {
    List<String> lines = Files.readAllLines(sample());
    String header = lines.get(0);
    String x = lines.get(1);
    String y = lines.get(2);
    Path once = Files.write(dir.resolve("once.csv"), List.of(header, x, y));
    Path thrice = Files.write(dir.resolve("thrice.csv"), List.of(header, x, x, y, x));
    Path twice = Files.write(dir.resolve("twice.csv"), List.of(header, x, x));
    Path db = dir.resolve("l.duckdb");

    Cli first = Cli.run("ingest", "--db", db.toString(), once.toString());
    Cli more = Cli.run("ingest", "--db", db.toString(), thrice.toString());
    Cli fewer = Cli.run("ingest", "--db", db.toString(), twice.toString());

    assertThat(first.out()).containsPattern("accepted\\s+2").containsPattern("duplicates\\s+0");
    assertThat(more.out()).containsPattern("accepted\\s+2").containsPattern("duplicates\\s+2");
    assertThat(fewer.out()).containsPattern("accepted\\s+0").containsPattern("duplicates\\s+2");
    assertThat(LedgerProbe.of(db).totals().rows()).isEqualTo(4);
    assertThat(LedgerProbe.of(db).totals().sameAs(SourceTotals.total(thrice))).isTrue();
  }

  @Test
  void overlapBeyondTheFirstRowsTheProbeReads_isStillFoundAndNotCountedTwice() throws IOException {
    // the probe reads the first 10,000 rows; here the overlap comes after them (two seeds never
    // share a row), so the one pass runs, finds the ledger's rows among its own, rolls back, and
    // the staged path decides
    Path head = generated("head.csv", 10_000, 7);
    Path tail = generated("tail.csv", 2_000, 8);
    Path full = dir.resolve("full.csv");
    var lines = new java.util.ArrayList<>(Files.readAllLines(head));
    lines.addAll(Files.readAllLines(tail).subList(1, 2_001));
    Files.write(full, lines);
    Path db = dir.resolve("l.duckdb");
    assertThat(Cli.run("ingest", "--db", db.toString(), tail.toString()).code()).isZero();

    Cli all = Cli.run("ingest", "--db", db.toString(), full.toString());

    assertThat(all.code()).isZero();
    assertThat(all.out())
        .containsPattern("rows read\\s+12000")
        .containsPattern("accepted\\s+10000")
        .containsPattern("duplicates\\s+2000");
    assertThat(LedgerProbe.of(db).totals().sameAs(SourceTotals.total(full))).isTrue();
  }

  private Path generated(String name, int rows, int seed) {
    Path out = dir.resolve(name);
    Cli run =
        Cli.run(
            "generate-billing", "--rows", "" + rows, "--seed", "" + seed, "--out", out.toString());
    assertThat(run.code()).isZero();
    return out;
  }
}
