package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.store.server.ApiTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures everything the server logs (slf4j-simple writes to System.err) while it serves real
 * requests with real tokens and files, and checks that no secret and no file content is in it.
 */
class LogSecrecyTest {
  @TempDir Path folder;

  @Test
  void log_neverHoldsATokenOrAFileLine() throws Exception {
    PrintStream original = System.err;
    var captured = new ByteArrayOutputStream();
    String yamlMarker = "# marker-yaml-7f3a";
    String csvMarker = "marker-csv-91c2";
    String[] secrets;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (RunningServer api = RunningServer.start(folder)) {
      String yaml = yamlMarker + "\n" + Examples.microLab();
      var scenario =
          api.post("/api/scenarios?name=lab.yaml", api.planner, yaml, "application/yaml");
      assertThat(scenario.status()).isEqualTo(201);
      api.post("/api/scenarios", api.planner, yamlMarker + "\nname: [", "application/yaml");
      api.post(
          "/api/scenarios",
          api.planner,
          yaml.replace("gpus: 256", "gpus: -1 " + yamlMarker),
          "application/yaml");
      String csv = LedgerApiTest.sampleWithBadRow700().replace("SunBird", csvMarker);
      assertThat(api.post("/api/ledger/ingest", api.planner, csv, "text/csv").status())
          .isEqualTo(422);
      String good = LedgerApiTest.sample().replace("SunBird", csvMarker);
      assertThat(api.post("/api/ledger/ingest", api.planner, good, "text/csv").status())
          .isEqualTo(200);
      var created =
          api.post(
              "/api/tokens", api.admin, "{\"role\":\"viewer\",\"name\":\"x\"}", "application/json");
      String fresh = created.json().get("token").asText();
      api.get("/api/plans", fresh);
      api.get("/api/plans", api.viewer + "tampered");
      api.get("/api/tokens", api.viewer);
      secrets = new String[] {api.viewer, api.planner, api.admin, fresh};
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).as("the capture saw the access log").contains("nuage.access");
    assertThat(log)
        .contains("\"status\":401")
        .contains("\"status\":403")
        .contains("\"status\":422");
    for (String token : secrets) {
      // nuage_tk_<12 hex>_<secret>: neither the whole token nor its secret part may appear
      String secretOnly = token.substring(ApiTokens.PREFIX.length() + 16);
      assertThat(secretOnly).hasSize(43);
      assertThat(log).doesNotContain(token).doesNotContain(secretOnly);
    }
    String accessLine =
        log.lines().filter(l -> l.contains("nuage.access")).findFirst().orElseThrow();
    var fields = RunningServer.JSON.readTree(accessLine.substring(accessLine.indexOf('{')));
    assertThat(fields.fieldNames())
        .toIterable()
        .contains("ts", "method", "route", "path", "status", "ms", "bytesIn");
    assertThat(log).doesNotContain(yamlMarker).doesNotContain(csvMarker).doesNotContain("Bearer");
  }
}
