package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.store.ledger.BillingRows;
import io.nuage.store.ledger.Totals;
import io.nuage.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerApiTest {
  @TempDir Path folder;

  static String sample() throws Exception {
    return Files.readString(
        SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv"));
  }

  /** The sample with one bad date in data row 700, i.e. line 701. */
  static String sampleWithBadRow700() throws Exception {
    List<String> lines = new java.util.ArrayList<>(sample().lines().toList());
    String bad = lines.get(700).replaceFirst("\"2024-10-01 00:00:00\"", "\"2024-10-41 00:00:00\"");
    assertThat(bad).isNotEqualTo(lines.get(700));
    lines.set(700, bad);
    return String.join("\n", lines) + "\n";
  }

  @Test
  void ingest_addsTheRowsOnceAndCountsThem() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      var first = api.post("/api/ledger/ingest?name=sample.csv", api.planner, sample(), "text/csv");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.json().get("file").asText()).isEqualTo("sample.csv");
      assertThat(first.json().get("accepted").asLong()).isEqualTo(1000);
      Totals after = BillingRows.in(api.store).totals();
      assertThat(after.rows()).isEqualTo(1000);

      var again = api.post("/api/ledger/ingest?name=copy.csv", api.admin, sample(), "text/csv");
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json().get("accepted").asLong()).isZero();
      assertThat(again.json().get("duplicates").asLong()).isEqualTo(1000);
      assertThat(BillingRows.in(api.store).totals().sameAs(after)).isTrue();

      assertThat(api.get("/metrics", api.viewer).body())
          .contains("nuage_ledger_ingested_rows_total 1000.0");
      // nuage ingestions (and --remove by its id) know an upload by the name it was sent as,
      // never by the server's temporary file (review of issue 10)
      assertThat(io.nuage.store.ledger.Ingestions.in(api.store).list())
          .extracting(io.nuage.store.ledger.IngestedFile::file)
          .containsExactly("sample.csv", "copy.csv");
    }
  }

  @Test
  void ingest_acceptsGzip() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      var bytes = new ByteArrayOutputStream();
      try (var gz = new GZIPOutputStream(bytes)) {
        gz.write(sample().getBytes(StandardCharsets.UTF_8));
      }
      var r =
          api.send(
              "POST",
              "/api/ledger/ingest?name=sample.csv.gz",
              api.planner,
              bytes.toByteArray(),
              "application/gzip");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("accepted").asLong()).isEqualTo(1000);
    }
  }

  @Test
  void fileWithABadRow_is422NamingTheLineAndIngestsNothing() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      var r =
          api.post(
              "/api/ledger/ingest?name=corrupt.csv",
              api.planner,
              sampleWithBadRow700(),
              "text/csv");
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.json().get("detail").asText()).contains("nothing from this file was ingested");
      var located = r.json().get("problems").get(1);
      assertThat(located.get("file").asText()).isEqualTo("corrupt.csv");
      assertThat(located.get("line").asInt()).isEqualTo(701);
      assertThat(located.get("path").asText()).isEqualTo("BillingPeriodEnd");
      assertThat(r.body()).doesNotContain("nuage-ingest-"); // the temporary file is not named
      assertThat(BillingRows.in(api.store).totals().rows()).isZero();
      assertThat(api.get("/metrics", api.viewer).body())
          .contains("nuage_ledger_rejected_rows_total 1.0")
          .contains("nuage_ledger_ingested_rows_total 0.0");
    }
  }

  /**
   * Issue 10, item 7: two rows that each fit DECIMAL(38,18) but whose sum does not are refused (the
   * server shares the store's bound), and the reports still answer afterwards.
   */
  @Test
  void rowsWhoseSumWouldOverflow_are422AndTheReportsStillAnswer() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario =
          api.post("/api/scenarios", api.planner, Examples.microLab(), "application/yaml")
              .json()
              .get("id")
              .asText();
      assertThat(
              api.post("/api/ledger/ingest?name=s.csv", api.planner, sample(), "text/csv").status())
          .isEqualTo(200);
      String spend = api.get("/api/ledger/spend?scenario=" + scenario, api.viewer).body();
      List<String> lines = sample().lines().limit(3).toList();
      String huge =
          lines.get(0)
              + "\n"
              + lines.get(1).replaceFirst(",0\\.00000080000,", ",60000000000000000000,")
              + "\n"
              + lines.get(2).replaceFirst(",0\\.00001605990,", ",60000000000000000000,")
              + "\n";
      assertThat(huge).contains("60000000000000000000,\"1234567890123\"");

      var r = api.post("/api/ledger/ingest?name=huge.csv", api.planner, huge, "text/csv");

      assertThat(r.status()).as(r.body()).isEqualTo(422);
      var problem = r.json().get("problems").get(0);
      assertThat(problem.get("file").asText()).isEqualTo("huge.csv");
      assertThat(problem.get("path").asText()).isEqualTo("BilledCost");
      assertThat(r.body()).doesNotContain("Overflow").doesNotContain("nuage-ingest-");
      var after = api.get("/api/ledger/spend?scenario=" + scenario, api.viewer);
      assertThat(after.status()).isEqualTo(200);
      assertThat(after.body()).isEqualTo(spend);
      assertThat(api.get("/api/ledger/reconciliation?scenario=" + scenario, api.viewer).status())
          .isEqualTo(200);
    }
  }

  /** Issue 10, item 12: 500 KB of gzipped blank lines once held the ledger for 32.6 s. */
  @Test
  void gzipThatExpandsMoreThanTheBound_is422BeforeTheLedgerIsTouched() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      var bytes = new ByteArrayOutputStream();
      try (var gz = new GZIPOutputStream(bytes)) {
        gz.write(
            (sample().lines().findFirst().orElseThrow() + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] blank = new byte[1 << 20];
        java.util.Arrays.fill(blank, (byte) '\n');
        for (int i = 0; i < 8; i++) gz.write(blank);
      }
      long t0 = System.nanoTime();

      var r =
          api.send(
              "POST",
              "/api/ledger/ingest?name=bomb.csv.gz",
              api.planner,
              bytes.toByteArray(),
              "application/gzip");

      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.json().get("problems").get(0).get("file").asText()).isEqualTo("bomb.csv.gz");
      assertThat(r.body()).contains("expands").contains("100:1");
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
      assertThat(BillingRows.in(api.store).totals().rows()).isZero();
    }
  }

  @Test
  void uploadWithMoreRowsThanTheBound_is422() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String header = sample().lines().findFirst().orElseThrow();
      String body = header + "\n" + "x\n".repeat((int) UploadBounds.MAX_ROWS + 1);

      var r = api.post("/api/ledger/ingest?name=many.csv", api.planner, body, "text/csv");

      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.body()).contains("rows per upload").contains("many.csv");
    }
  }

  /**
   * Parquet compresses far beyond the gzip bound and holds no line breaks to count: 1.5 MB of it
   * held 3,000,000 rows and the ledger for 52 s. The API takes CSV, plain or gzip (docs/server.md).
   */
  @Test
  void parquetUpload_is422AndIngestsNothing() throws Exception {
    Path parquet = folder.resolve("bill.parquet");
    String csv =
        SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv").toString();
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_csv('"
              + csv.replace("'", "''")
              + "', all_varchar = true)) TO '"
              + parquet.toString().replace("'", "''")
              + "' (FORMAT parquet)");
    }
    try (RunningServer api = RunningServer.start(folder)) {
      var r =
          api.send(
              "POST",
              "/api/ledger/ingest?name=bill.parquet",
              api.planner,
              Files.readAllBytes(parquet),
              "application/octet-stream");

      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.body()).contains("bill.parquet").contains("CSV").contains("nuage ingest");
      assertThat(BillingRows.in(api.store).totals().rows()).isZero();
    }
  }

  @Test
  void oversizedBody_is413AndIngestsNothing() throws Exception {
    try (RunningServer api = RunningServer.start(folder, s -> s.withMaxBody(64 * 1024))) {
      var declared = api.post("/api/ledger/ingest", api.planner, sample(), "text/csv");
      assertThat(declared.status()).isEqualTo(413);
      assertThat(declared.json().get("detail").asText()).contains("65536");

      var chunked =
          api.postChunked(
              "/api/ledger/ingest",
              api.planner,
              new ByteArrayInputStream(sample().getBytes(StandardCharsets.UTF_8)));
      assertThat(chunked.status()).isEqualTo(413);

      var yaml = api.post("/api/scenarios", api.planner, "#".repeat(70_000), "application/yaml");
      assertThat(yaml.status()).isEqualTo(413);
      assertThat(BillingRows.in(api.store).totals().rows()).isZero();
      assertThat(api.get("/api/scenarios", api.viewer).json().get("scenarios").size()).isZero();
    }
  }

  /**
   * Regression (a flake, once in five runs): a body refused by its declared length was answered
   * unread and the connection closed while the client was still sending, so the client saw "header
   * parser received no bytes" instead of the 413. The body now arrives after a pause, long after
   * the answer would have been sent and the connection closed.
   */
  @Test
  void oversizedDeclaredBody_isReadBeforeThe413() throws Exception {
    try (RunningServer api = RunningServer.start(folder, s -> s.withMaxBody(64 * 1024))) {
      byte[] body = sample().getBytes(StandardCharsets.UTF_8);
      try (var socket = new java.net.Socket("127.0.0.1", api.server.port())) {
        socket.setSoTimeout(10_000);
        var out = socket.getOutputStream();
        String head =
            "POST /api/ledger/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + api.planner
                + "\r\nContent-Type: text/csv\r\nContent-Length: "
                + body.length
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(300);
        for (int i = 0; i < body.length; i += 16 * 1024) {
          out.write(body, i, Math.min(16 * 1024, body.length - i));
          out.flush();
        }
        String answer =
            new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(answer).isEqualTo("HTTP/1.1 413");
      }
      assertThat(BillingRows.in(api.store).totals().rows()).isZero();
    }
  }

  @Test
  void reports_needAKnownScenario() {
    try (RunningServer api = RunningServer.start(folder)) {
      var missing = api.get("/api/ledger/drawdown", api.viewer);
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.json().get("detail").asText()).contains("'scenario'");
      assertThat(api.get("/api/ledger/spend?scenario=sc_nope", api.viewer).status()).isEqualTo(404);
      var badDate = api.get("/api/ledger/drawdown?scenario=x&asOf=2027-13-01", api.viewer);
      assertThat(badDate.status()).isEqualTo(400);
      assertThat(badDate.json().get("detail").asText()).contains("asOf").contains("2027-13-01");
      assertThat(api.send("PUT", "/api/ledger/ingest", api.planner, null, "text/csv").status())
          .isEqualTo(405);
    }
  }
}
