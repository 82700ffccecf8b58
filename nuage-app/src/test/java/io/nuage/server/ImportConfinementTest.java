package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security item 1 of issue 10: an uploaded scenario's {@code catalog.imports} read only from the
 * folders the operator configured, and a refusal says nothing about what is or is not on the disk.
 */
class ImportConfinementTest {
  @TempDir Path folder;

  @Test
  void importsOfEtcAndDotDot_areRefusedRevealingNothingOfTheFileSystem() {
    try (RunningServer api = RunningServer.start(folder)) {
      var answer = upload(api, "[\"/etc\", \"../../x.csv\"]");

      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.json().get("problems")).hasSize(2);
      assertRevealsNothing(answer.body());
      assertThat(answer.body()).doesNotContain("exist").doesNotContain("passwd");
    }
  }

  @Test
  void existingAndMissingFilesOutside_getTheSameAnswer() throws IOException {
    Path secret = Files.createDirectories(folder.resolve("hr")).resolve("people.csv");
    Files.writeString(secret, "name,salary,ssn\nbob,100,123-45-6789\n");
    Path examples = SharedData.repo().resolve("examples");
    String upward = examples.relativize(secret).toString();
    List<String> probes =
        List.of(
            secret.toString(),
            secret.getParent().toString(),
            upward,
            "catalog/../" + upward,
            "/etc/passwd",
            "/etc/hostname",
            "/no/such/file.csv",
            "../../no-such.csv",
            "catalog/no-such.csv",
            "../examples/catalog/frontier-lab-2027-prices.yaml");
    var answers = new ArrayList<String>();
    try (RunningServer api = RunningServer.start(folder)) {
      for (String probe : probes) {
        var answer = upload(api, "[\"" + probe + "\"]");
        assertThat(answer.status()).as(probe).isEqualTo(422);
        assertRevealsNothing(answer.body());
        assertThat(answer.body()).as(probe).doesNotContain("salary").doesNotContain("ssn");
        answers.add(answer.json().get("problems").toString());
      }
    }
    assertThat(answers).as("one answer whatever is on the disk").containsOnly(answers.getFirst());
  }

  @Test
  void catalogDir_importsByRelativeName_andRefusesLinksLeavingIt(@TempDir Path dir)
      throws IOException {
    Path prices = SharedData.repo().resolve("examples/catalog/frontier-lab-2027-prices.yaml");
    Path catalogDir = Files.createDirectories(dir.resolve("prices"));
    Files.copy(prices, Files.createDirectories(catalogDir.resolve("2027")).resolve("lab.yaml"));
    Path secret = Files.writeString(dir.resolve("people.csv"), "name,salary,ssn\nbob,1,2\n");
    Files.createSymbolicLink(catalogDir.resolve("link.csv"), secret);
    Files.createSymbolicLink(catalogDir.resolve("up"), dir);
    String frontier = Examples.frontierLab();
    try (RunningServer api = RunningServer.withCatalogDir(folder, catalogDir)) {
      var ok =
          api.post(
              "/api/scenarios?name=f.yaml",
              api.planner,
              frontier.replace("catalog/frontier-lab-2027-prices.yaml", "2027/lab.yaml"),
              "application/yaml");
      var shipped =
          api.post("/api/scenarios?name=g.yaml", api.planner, frontier, "application/yaml");
      var link = upload(api, "[\"link.csv\"]");
      var up = upload(api, "[\"up/people.csv\"]");

      assertThat(ok.status()).isEqualTo(201);
      assertThat(shipped.status())
          .as("the shipped example's prices stay importable")
          .isEqualTo(201);
      for (var refused : List.of(link, up)) {
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain("salary").doesNotContain(dir.toString());
        assertThat(refused.json().at("/problems/0/message").asText()).startsWith("import refused");
      }
    }
  }

  @Test
  void aBadPriceFileInTheCatalogDir_isNamedAsWrittenNotByTheServersPath(@TempDir Path dir)
      throws IOException {
    Path catalogDir = Files.createDirectories(dir.resolve("prices"));
    Files.writeString(catalogDir.resolve("vms.csv"), "InstanceType,Price\nx,1\n");
    try (RunningServer api = RunningServer.withCatalogDir(folder, catalogDir)) {
      var answer = upload(api, "[\"vms.csv\"]");

      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.body()).doesNotContain(dir.toString()).contains("vms.csv");
    }
  }

  private static RunningServer.Response upload(RunningServer api, String imports) {
    String yaml =
        Examples.microLab().replace("catalog:\n", "catalog:\n  imports: " + imports + "\n");
    return api.post("/api/scenarios?name=probe.yaml", api.planner, yaml, "application/yaml");
  }

  /** No server path: not the checkout, not the store's folder, not the temporary folder. */
  private void assertRevealsNothing(String body) {
    assertThat(body)
        .doesNotContain(SharedData.repo().toString())
        .doesNotContain(folder.toString())
        .doesNotContain(System.getProperty("java.io.tmpdir") + "/");
  }
}
