package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security item 5 of issue 10: hostile or broken inputs to every endpoint that takes one; no answer
 * names a temporary file, a path of the server (checkout, store, home, catalog) or quotes the
 * database engine.
 */
class AnswerLeakTest {
  @TempDir Path folder;

  private static final List<String> ENGINE_WORDS =
      List.of(
          "duckdb",
          "Binder Error",
          "Invalid Input Error",
          "Conversion Error",
          "Parser Error",
          "Catalog Error",
          "IO Error",
          "Exception",
          "java.",
          "nuage-ingest-",
          ".tmp");

  @Test
  void brokenInputs_getAnswersWithoutServerPathsOrEngineText() throws Exception {
    Path catalog = Files.createDirectories(folder.resolve("operator-catalog"));
    Files.writeString(catalog.resolve("vms.csv"), "InstanceType,Price\nx,1\n");
    var answers = new ArrayList<String>();
    try (RunningServer api = RunningServer.withCatalog(folder.resolve("store"), catalog)) {
      String scenario =
          api.post("/api/scenarios", api.planner, Examples.microLab(), "application/yaml")
              .json()
              .get("id")
              .asText();
      for (byte[] body : brokenFiles()) {
        for (String name : List.of("bill.csv", "bill.csv.gz", "bill.parquet")) {
          answers.add(send(api, "POST", "/api/ledger/ingest?name=" + name, body, "text/csv"));
        }
      }
      for (String yaml :
          List.of(
              "\u0000\u0001binary",
              "name: [unclosed",
              "!!java.io.File [\"/etc/passwd\"]",
              "a: &x [*x]",
              "name: x\nhorizon: {start: 2027-01, end: 2027-02}\ncatalog: {imports: [vms.csv]}\n")) {
        answers.add(
            send(
                api,
                "POST",
                "/api/scenarios?name=s.yaml",
                yaml.getBytes(StandardCharsets.UTF_8),
                "application/yaml"));
      }
      for (String path :
          List.of(
              "/api/catalog/offerings?limit=2",
              "/api/catalog/offerings?maxPrice=abc",
              "/api/catalog/offerings?limit=-1&scenario=" + scenario,
              "/api/ledger/drawdown?scenario=sc_nothing",
              "/api/ledger/drawdown?scenario=" + scenario + "&asOf=2027-13-45",
              "/api/scenarios/%00",
              "/api/plans/..%2f..%2fetc")) {
        answers.add(send(api, "GET", path, null, "application/json"));
      }
      answers.add(
          send(
              api,
              "POST",
              "/api/plans",
              "{\"scenario\": {\"$gt\": 1}}".getBytes(StandardCharsets.UTF_8),
              "application/json"));
    }
    List<String> forbidden = new ArrayList<>(ENGINE_WORDS);
    forbidden.add(SharedData.repo().toString());
    forbidden.add(folder.toString());
    forbidden.add(System.getProperty("java.io.tmpdir") + "/");
    forbidden.add(System.getProperty("user.home") + "/");
    var leaks = new ArrayList<String>();
    for (String answer : answers) {
      for (String word : forbidden) {
        if (answer.toLowerCase().contains(word.toLowerCase())) leaks.add(word + " in " + answer);
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static String send(
      RunningServer api, String method, String path, byte[] body, String type) {
    var r = api.send(method, path, api.planner, body, type);
    assertThat(r.status()).as(method + " " + path).isBetween(200, 499);
    return method + " " + path + " -> " + r.status() + " " + r.body();
  }

  private static List<byte[]> brokenFiles() throws Exception {
    var gz = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(gz)) {
      out.write("BilledCost,ChargePeriodStart\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    byte[] gzip = gz.toByteArray();
    byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length / 2);
    return List.of(
        new byte[0],
        "\u0000\u0001\u0002garbage".getBytes(StandardCharsets.ISO_8859_1),
        new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0, 0, 0},
        truncated,
        gzip,
        "PAR1\u0000\u0000PAR1".getBytes(StandardCharsets.ISO_8859_1),
        "\"unterminated,quote\n1,2\n".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xff, (byte) 0xfe, 'a', ',', 'b', '\n'},
        (LedgerApiTest.sample().lines().findFirst().orElseThrow() + "\n" + "x,".repeat(500) + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }
}
