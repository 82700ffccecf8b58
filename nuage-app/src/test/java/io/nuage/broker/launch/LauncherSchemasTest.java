package io.nuage.broker.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's validator on the launchers' own examples (all valid) and on the negative checks of
 * shared/data/broker/PROVENANCE.md (all refused), and an export that would not validate writes
 * nothing.
 */
class LauncherSchemasTest {
  static final Path BROKER = SharedData.root().resolve("broker");
  final LauncherSchemas schemas = LauncherSchemas.locate(BROKER);

  static List<JsonNode> documents(Path f) throws Exception {
    try (MappingIterator<JsonNode> it =
        LaunchYaml.MAPPER.readerFor(JsonNode.class).readValues(f.toFile())) {
      return it.readAll();
    }
  }

  @Test
  void launchersOwnExamples_validate() throws Exception {
    try (Stream<Path> files = Files.list(BROKER.resolve("kueue/examples"))) {
      for (Path f : files.toList())
        for (JsonNode o : documents(f))
          assertThat(schemas.problems(LauncherSchemas.kueue(o.get("kind").asText()), o))
              .as(f.toString())
              .isEmpty();
    }
    try (Stream<Path> files = Files.list(BROKER.resolve("skypilot/examples"))) {
      for (Path f : files.toList()) {
        JsonNode task = documents(f).getFirst();
        assertThat(schemas.problems(LauncherSchemas.TASK, task)).as(f.toString()).isEmpty();
        assertThat(schemas.problems(LauncherSchemas.RESOURCES, task.get("resources")))
            .as(f.toString())
            .isEmpty();
      }
    }
  }

  @Test
  void provenanceNegativeChecks_areRefused() throws Exception {
    for (String bad :
        List.of(
            "{ordered: [{infra: awz/us-east-1}]}",
            "{acclerators: A100, any_of: [{infra: aws}]}",
            "{ordered: [{accelerators: [A100, H100]}]}",
            "{use_spot: 'yes'}",
            "{job_recovery: {recover_on_exit_codes: [256]}}",
            "{cloud: aws2}"))
      assertThat(schemas.problems(LauncherSchemas.RESOURCES, LaunchYaml.MAPPER.readTree(bad)))
          .as(bad)
          .isNotEmpty();
    JsonNode queue =
        LaunchYaml.MAPPER.readTree(
            """
            {apiVersion: kueue.x-k8s.io/v1beta2, kind: ClusterQueue, metadata: {name: q},
             spec: {resourceGroups: [{coveredResources: [nvidia.com/gpu], flavors: [{name: f,
             resources: [{name: nvidia.com/gpu, nominalQuota: 8 gpus}]}]}]}}
            """);
    assertThat(schemas.problems(LauncherSchemas.kueue("ClusterQueue"), queue)).isNotEmpty();
  }

  @Test
  void schemasOption_withoutSchemas_isRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> LauncherSchemas.locate(dir))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("--schemas")
        .hasMessageContaining(dir.toString());
  }

  @Test
  void export_thatWouldNotValidate_writesNothing(@TempDir Path dir) throws Exception {
    // coreweave is no SkyPilot cloud: its infra breaks the task schema's pattern
    Path f = dir.resolve("cw.yaml");
    Files.writeString(
        f,
        """
        name: cw-lab
        horizon: {start: 2027-01, end: 2027-01}
        catalog:
          providers: [{id: coreweave, egress-per-tb: 0, regions: [{name: us-east-04, geography: US}]}]
          accelerators: [{name: H100, family: H100, memory-gib: 80, throughput: 1.0}]
          offerings:
            - {region: coreweave/us-east-04, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 4.00}
        capacity: [{region: coreweave/us-east-04, accelerator: H100, steps: [{from: 2027-01, gpus: 16}]}]
        workloads:
          - {id: run-1, kind: training-run, gpus: 8, reference-hours: 10, accelerators: [H100],
             earliest-start: 2027-01, deadline: 2027-01, dataset: {tb: 0, home: coreweave/us-east-04}}
        """);
    Scenario s = ScenarioParser.parse(f);
    String plan =
        """
        {"scenario": "cw-lab", "status": "OPTIMAL", "binding": [], "providers": [],
         "placements": [{"workload": "run-1", "kind": "training", "provider": "coreweave",
           "region": "coreweave/us-east-04", "accelerator": "H100", "month": "2027-01", "gpus": 8,
           "gpuHours": "80.000", "pricing": "on-demand", "contract": null, "rate": "4.00", "cost": "320.00"}]}
        """;
    var read = BrokerPlanJson.read(plan, "plan.json", s);
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> BrokerExport.skypilot(s, read, schemas).writeTo(out, "--out"))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("run-1.yaml")
        .hasMessageContaining("infra")
        .hasMessageContaining("nothing written");
    assertThat(out).doesNotExist();
    // Kueue knows no clouds: the same plan exports there
    Artifacts kueue =
        BrokerExport.kueue(
            s,
            read,
            List.of(java.time.YearMonth.of(2027, 1)),
            "--month",
            null,
            "map",
            "default",
            schemas);
    assertThat(kueue.files()).containsKey("2027-01/clusterqueue-global.yaml");
  }

  @Test
  void skypilot_anUnusedAlternativeOnACloudSkyPilotDoesNotKnow_isLeftOutAndSaid(@TempDir Path dir)
      throws Exception {
    // the plan runs on lambda; coreweave is cheaper but no SkyPilot cloud: the task keeps lambda
    Path f = dir.resolve("cw.yaml");
    Files.writeString(
        f,
        """
        name: cw-alt
        horizon: {start: 2027-01, end: 2027-01}
        catalog:
          providers:
            - {id: coreweave, egress-per-tb: 0, regions: [{name: us-east-04, geography: US}]}
            - {id: lambda, egress-per-tb: 0, regions: [{name: us-east-1, geography: US}]}
          accelerators: [{name: H100, family: H100, memory-gib: 80, throughput: 1.0}]
          offerings:
            - {region: coreweave/us-east-04, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 2.00}
            - {region: lambda/us-east-1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 3.99}
        capacity:
          - {region: coreweave/us-east-04, accelerator: H100, steps: [{from: 2027-01, gpus: 16}]}
          - {region: lambda/us-east-1, accelerator: H100, steps: [{from: 2027-01, gpus: 16}]}
        workloads:
          - {id: run-1, kind: training-run, gpus: 8, reference-hours: 10, accelerators: [H100],
             earliest-start: 2027-01, deadline: 2027-01, dataset: {tb: 0, home: lambda/us-east-1}}
        """);
    Scenario s = ScenarioParser.parse(f);
    String plan =
        """
        {"scenario": "cw-alt", "status": "OPTIMAL", "binding": [], "providers": [],
         "placements": [{"workload": "run-1", "kind": "training", "provider": "lambda",
           "region": "lambda/us-east-1", "accelerator": "H100", "month": "2027-01", "gpus": 8,
           "gpuHours": "80.000", "pricing": "on-demand", "contract": null}]}
        """;
    Artifacts sky = BrokerExport.skypilot(s, BrokerPlanJson.read(plan, "plan.json", s), schemas);
    String task = sky.files().get("run-1.yaml");
    assertThat(task)
        .contains("infra: lambda/us-east-1")
        .doesNotContain("infra: coreweave")
        .contains("Left out: clouds SkyPilot does not know")
        .contains("coreweave/us-east-04 H100");
  }

  @Test
  void skypilot_twoGeographiesOneFileName_areRefusedNotOverwritten(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("geo.yaml");
    Files.writeString(
        f,
        """
        name: geo-case
        horizon: {start: 2027-01, end: 2027-01}
        catalog:
          providers:
            - {id: oci, egress-per-tb: 0, regions: [{name: us-phoenix-1, geography: US}]}
            - {id: lambda, egress-per-tb: 0, regions: [{name: us-east-1, geography: US}]}
          accelerators: [{name: H100, family: H100, memory-gib: 80, throughput: 1.0}]
          offerings:
            - {region: oci/us-phoenix-1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 4.00}
            - {region: lambda/us-east-1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 3.99}
        capacity:
          - {region: oci/us-phoenix-1, accelerator: H100, steps: [{from: 2027-01, gpus: 16}]}
          - {region: lambda/us-east-1, accelerator: H100, steps: [{from: 2027-01, gpus: 16}]}
        workloads:
          - id: chat
            kind: inference-fleet
            accelerators: [H100]
            geographies:
              - {geography: US, regions: [lambda/us-east-1], gpu-hours-per-month: {by-month: {2027-01: 744}}}
              - {geography: us, regions: [oci/us-phoenix-1], gpu-hours-per-month: {by-month: {2027-01: 744}}}
        """);
    Scenario s = ScenarioParser.parse(f);
    String plan =
        """
        {"scenario": "geo-case", "status": "OPTIMAL", "binding": [], "providers": [],
         "placements": [
          {"workload": "chat", "kind": "inference", "provider": "lambda", "region": "lambda/us-east-1",
           "accelerator": "H100", "month": "2027-01", "gpus": 1, "gpuHours": "744.000",
           "pricing": "on-demand", "contract": null},
          {"workload": "chat", "kind": "inference", "provider": "oci", "region": "oci/us-phoenix-1",
           "accelerator": "H100", "month": "2027-01", "gpus": 1, "gpuHours": "744.000",
           "pricing": "on-demand", "contract": null}]}
        """;
    var read = BrokerPlanJson.read(plan, "plan.json", s);
    assertThatThrownBy(() -> BrokerExport.skypilot(s, read, schemas))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("fleet-chat-us.yaml")
        .hasMessageContaining("two tasks");
  }

  @Test
  void writeTo_aFolderInTheWayOfOneFile_writesNoneOfTheOthers(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("2027-06/b.yaml"));
    Files.writeString(out.resolve("a.yaml"), "old");
    var files = new java.util.LinkedHashMap<String, String>();
    files.put("a.yaml", "new");
    files.put("2027-06/a.yaml", "x");
    files.put("2027-06/b.yaml", "y");
    assertThatThrownBy(() -> new Artifacts(files).writeTo(out, "--out"))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("2027-06")
        .hasMessageContaining("b.yaml")
        .hasMessageContaining("nothing written");
    assertThat(Files.readString(out.resolve("a.yaml"))).isEqualTo("old");
    assertThat(out.resolve("2027-06/a.yaml")).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("out");
    }
    // and a clean run writes every file, over the old one, leaving no staging folder beside
    Files.delete(out.resolve("2027-06/b.yaml"));
    new Artifacts(files).writeTo(out, "--out");
    assertThat(Files.readString(out.resolve("a.yaml"))).isEqualTo("new");
    assertThat(Files.readString(out.resolve("2027-06/b.yaml"))).isEqualTo("y");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }
}
