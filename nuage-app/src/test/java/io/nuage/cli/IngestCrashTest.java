package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.core.NuageException;
import io.nuage.ledger.SyntheticBilling;
import io.nuage.store.Store;
import io.nuage.store.ledger.BillingRows;
import io.nuage.store.ledger.Totals;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: {@code nuage ingest} runs in a child JVM (the real {@link Main}) and is killed with
 * SIGKILL at random moments, 20 times. After each kill the store must open, hold each file wholly
 * or not at all, and re-ingesting must bring the totals exactly to the source files'.
 */
class IngestCrashTest {
  static final int KILLS = 20;
  static final int ROWS_PER_FILE = 20_000;

  @TempDir Path dir;

  @Test
  void ingestKilledAtRandomMoments_leavesEachFileWhollyInOrOut() throws Exception {
    List<Path> files = new ArrayList<>();
    Map<String, Totals> sources = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      Path f = dir.resolve("export-" + i + ".csv");
      try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
        new SyntheticBilling(ROWS_PER_FILE, 100 + i, 0).write(w);
      }
      files.add(f);
      sources.put(f.toString(), SourceTotals.total(f));
    }
    Totals all = SourceTotals.total(files.toArray(Path[]::new));
    Path db = dir.resolve("crash.duckdb");
    var random = new SplittableRandom(20_240_901);
    // kill moments are drawn within the time one uninterrupted run takes on this machine (JVM
    // start, store migration, three files), so that nearly every run is killed somewhere inside
    long full = uninterruptedRunMillis(db, files);
    int kills = 0;
    int completed = 0;
    int[] committedAtKill = new int[4];
    while (kills < KILLS) {
      Process child = child(db, files);
      long delay = (long) (full * (0.3 + 0.7 * random.nextDouble()));
      if (child.waitFor(delay, TimeUnit.MILLISECONDS)) {
        completed++;
        assertThat(child.exitValue()).isZero();
      } else {
        child.destroyForcibly(); // SIGKILL
        child.waitFor();
        kills++;
      }
      committedAtKill[assertWhollyInOrOut(db, sources, kills, delay)]++;
      List<String> args = new ArrayList<>(List.of("ingest", "--db", db.toString()));
      files.forEach(f -> args.add(f.toString()));
      assertThat(Cli.run(args).code()).isZero();
      try (Store store = Store.open(db)) {
        Totals ledger = BillingRows.in(store).totals();
        assertThat(ledger.sameAs(all)).as("after kill %d: %s vs %s", kills, ledger, all).isTrue();
      }
      // start over, so that every kill meets a fresh ingest at a random point of it
      Files.delete(db);
      Files.deleteIfExists(Path.of(db + ".wal"));
    }
    assertThat(kills).isEqualTo(KILLS);
    System.out.printf(
        "crash test: one run takes %d ms; %d kills, %d runs finished first; files committed"
            + " when checked: %s%n",
        full, kills, completed, java.util.Arrays.toString(committedAtKill));
  }

  private static long uninterruptedRunMillis(Path db, List<Path> files) throws Exception {
    long t0 = System.nanoTime();
    Process child = child(db, files);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("an uninterrupted ingest ends").isTrue();
    assertThat(child.exitValue()).isZero();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    Files.delete(db);
    Files.deleteIfExists(Path.of(db + ".wal"));
    return millis;
  }

  private static Process child(Path db, List<Path> files) throws IOException {
    var cmd = new ArrayList<String>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.add("ingest");
    cmd.add("--db");
    cmd.add(db.toString());
    files.forEach(f -> cmd.add(f.toString()));
    return new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Each committed file has all its rows; no row belongs to an uncommitted ingestion. */
  private static int assertWhollyInOrOut(
      Path db, Map<String, Totals> sources, int kills, long delay)
      throws SQLException, IOException {
    if (!Files.exists(db)) return 0;
    int committed = 0;
    Store opened;
    try {
      opened = Store.open(db);
    } catch (NuageException e) {
      // what a failure needs to be understood: a full disk and a torn checkpoint look alike
      Path wal = Path.of(db + ".wal");
      throw new AssertionError(
          String.format(
              "the store does not open after kill %d at %d ms (store %d bytes, WAL %s, %d MB"
                  + " usable on its disk): %s",
              kills,
              delay,
              Files.size(db),
              Files.exists(wal) ? Files.size(wal) + " bytes" : "absent",
              Files.getFileStore(db.getParent()).getUsableSpace() >> 20,
              e.getMessage()),
          e);
    }
    try (Store store = opened;
        Statement s = store.connection().createStatement()) {
      try (ResultSet orphans =
          s.executeQuery(
              "SELECT count(*) FROM billing_rows WHERE ingestion_id NOT IN"
                  + " (SELECT ingestion_id FROM ingestions)")) {
        orphans.next();
        assertThat(orphans.getLong(1)).as("rows of an uncommitted ingestion").isZero();
      }
      Totals expected = Totals.ZERO;
      try (ResultSet r =
          s.executeQuery(
              "SELECT i.source, count(b.row_hash), sum(b.BilledCost) FROM ingestions i"
                  + " LEFT JOIN billing_rows b USING (ingestion_id) GROUP BY i.source")) {
        while (r.next()) {
          Totals source = sources.get(r.getString(1));
          assertThat(r.getLong(2)).as("rows of " + r.getString(1)).isIn(0L, source.rows());
          if (r.getLong(2) > 0) {
            expected = expected.plus(source);
            committed++;
          }
        }
      }
      Totals ledger = BillingRows.in(store).totals();
      assertThat(ledger.sameAs(expected)).as("%s vs %s", ledger, expected).isTrue();
    }
    return committed;
  }
}
