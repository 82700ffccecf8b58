package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 12: a large file being ingested must not hold the ledger's readers. Reports are
 * read through their own connection, which sees the ledger as last committed.
 */
class LedgerReadsDuringIngestTest {
  private static final int COPIES = 150; // 150,000 rows, about 100 MB of CSV

  @TempDir Path folder;

  /** The sample {@code COPIES} times, each copy a distinct set of charges (another resource). */
  private Path large() throws Exception {
    Path out = folder.resolve("large.csv");
    String sample =
        SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv")
            .toString()
            .replace("'", "''");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * REPLACE (coalesce(ResourceId, 'r') || '-' || i AS ResourceId) FROM"
              + " read_csv('"
              + sample
              + "', all_varchar = true), range("
              + COPIES
              + ") t(i)) TO '"
              + out
              + "' (FORMAT csv)");
    }
    return out;
  }

  @Test
  void reportsAnswerWhileALargeFileIsIngested() throws Exception {
    byte[] body = Files.readAllBytes(large());
    try (RunningServer api = RunningServer.start(folder, s -> s.withMaxBody(512L << 20))) {
      String scenario =
          api.post("/api/scenarios", api.planner, Examples.microLab(), "application/yaml")
              .json()
              .get("id")
              .asText();
      String sample = LedgerApiTest.sample();
      assertThat(
              api.post("/api/ledger/ingest?name=s.csv", api.planner, sample, "text/csv").status())
          .isEqualTo(200);

      long t0 = System.nanoTime();
      CompletableFuture<Integer> ingest =
          CompletableFuture.supplyAsync(
              () ->
                  api.send(
                          "POST",
                          "/api/ledger/ingest?name=large.csv",
                          api.planner,
                          body,
                          "text/csv")
                      .status());
      long slowest = 0;
      int probes = 0;
      // each probe a new key (another asOf): a cached answer would prove nothing
      for (int day = 1; !ingest.isDone() && day <= 28; day++) {
        long p0 = System.nanoTime();
        var r =
            api.get(
                "/api/ledger/drawdown?scenario="
                    + scenario
                    + "&asOf=2024-09-"
                    + (day < 10 ? "0" : "")
                    + day,
                api.viewer);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        slowest = Math.max(slowest, System.nanoTime() - p0);
        probes++;
        Thread.sleep(100);
      }
      assertThat(ingest.get(300, TimeUnit.SECONDS)).isEqualTo(200);
      long total = System.nanoTime() - t0;
      System.out.printf(
          "ingest %.1f s, %d probes during it, slowest %.2f s%n",
          total / 1e9, probes, slowest / 1e9);
      assertThat(probes).as("probes sent while the ingest ran").isGreaterThan(3);
      assertThat(slowest).as("the slowest report while the ingest ran").isLessThan(total / 3);
    }
  }
}
