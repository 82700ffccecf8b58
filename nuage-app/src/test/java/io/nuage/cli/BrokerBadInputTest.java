package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the broker's commands: exit 2, one message naming what is wrong, no stack trace,
 * nothing written. One test per kind.
 */
class BrokerBadInputTest {
  static final Path EXAMPLE = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");

  @TempDir static Path dir;
  static Path plan;

  @BeforeAll
  static void plan() {
    plan = dir.resolve("plan.json");
    Cli p = Cli.run("plan", EXAMPLE.toString(), "--format", "json", "--out", plan.toString());
    assertThat(p.code()).as(p.err()).isZero();
  }

  private static void refused(Cli c, Path out, String... named) {
    assertThat(c.code()).as(c.err()).isEqualTo(2);
    assertThat(c.err()).contains(named).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void export_planOfAnotherScenario_isRefused() throws Exception {
    Path other = dir.resolve("other");
    Files.createDirectories(other.resolve("catalog"));
    Files.copy(
        EXAMPLE.resolveSibling("catalog/frontier-lab-2027-prices.yaml"),
        other.resolve("catalog/frontier-lab-2027-prices.yaml"));
    Path scenario = other.resolve("other-lab.yaml");
    Files.writeString(
        scenario,
        Files.readString(EXAMPLE).replaceFirst("(?m)^name: frontier-lab-2027$", "name: other-lab"));
    Path out = dir.resolve("sky-other");
    Cli c =
        Cli.run(
            "export",
            "skypilot",
            plan.toString(),
            "--scenario",
            scenario.toString(),
            "--out",
            out.toString());
    refused(c, out, plan.toString(), "scenario", "frontier-lab-2027", "other-lab");
  }

  @Test
  void export_planOfAnotherVersionOfTheScenario_isRefused() throws Exception {
    Path other = dir.resolve("renamed");
    Files.createDirectories(other.resolve("catalog"));
    Files.copy(
        EXAMPLE.resolveSibling("catalog/frontier-lab-2027-prices.yaml"),
        other.resolve("catalog/frontier-lab-2027-prices.yaml"));
    Path scenario = other.resolve("frontier-lab-2027.yaml");
    Files.writeString(
        scenario, Files.readString(EXAMPLE).replace("id: pretrain-2027a,", "id: pretrain-2027x,"));
    Path out = dir.resolve("sky-renamed");
    Cli c =
        Cli.run(
            "export",
            "skypilot",
            plan.toString(),
            "--scenario",
            scenario.toString(),
            "--out",
            out.toString());
    refused(c, out, plan.toString(), "pretrain-2027a", "another version");
  }

  @Test
  void exportKueue_monthOutsideThePlan_isRefused() {
    Path out = dir.resolve("kueue-2033");
    Cli c =
        Cli.run(
            "export",
            "kueue",
            plan.toString(),
            "--scenario",
            EXAMPLE.toString(),
            "--month",
            "2033-01",
            "--out",
            out.toString());
    refused(c, out, "--month", "2033-01", "outside the plan", "2027-01", "2031-12");
  }

  @Test
  void exportKueue_clusterMapMissingAPlannedRegion_isRefused() throws Exception {
    Path map = dir.resolve("clusters.yaml");
    Files.writeString(map, "clusters:\n  - {name: ashburn, region: oci/us-ashburn-1}\n");
    Path out = dir.resolve("kueue-map");
    Cli c =
        Cli.run(
            "export",
            "kueue",
            plan.toString(),
            "--scenario",
            EXAMPLE.toString(),
            "--month",
            "2027-06",
            "--clusters",
            map.toString(),
            "--out",
            out.toString());
    refused(c, out, map.toString(), "no cluster stands for", "oci/us-phoenix-1");
    assertThat(c.err()).doesNotContain("oci/us-ashburn-1,");
  }

  @Test
  void clusterMap_badEntry_isLocated() throws Exception {
    Path map = dir.resolve("bad-clusters.yaml");
    Files.writeString(map, "clusters:\n  - {name: Ashburn_1, region: oci/us-ashburn-1}\n");
    Path out = dir.resolve("kueue-bad-map");
    Cli c =
        Cli.run(
            "export",
            "kueue",
            plan.toString(),
            "--scenario",
            EXAMPLE.toString(),
            "--month",
            "2027-06",
            "--clusters",
            map.toString(),
            "--out",
            out.toString());
    refused(c, out, map + ":2:", "clusters[0].name", "Ashburn_1");
  }

  @Test
  void importKueue_unreadableFolder_isRefused() throws Exception {
    Path missing = dir.resolve("no-such-folder");
    Cli c = Cli.run("import", "kueue", missing.toString());
    assertThat(c.code()).as(c.err()).isEqualTo(2);
    assertThat(c.err()).contains(missing.toString(), "does not exist").doesNotContain("Exception");
    assertThat(c.out()).isEmpty();
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Cli e = Cli.run("import", "kueue", empty.toString());
    assertThat(e.code()).isEqualTo(2);
    assertThat(e.err()).contains(empty.toString(), "no ClusterQueue");
  }

  private static Cli kueue(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "export",
                "kueue",
                plan.toString(),
                "--scenario",
                EXAMPLE.toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void export_aRowInARegionTheScenarioLacks_isRefusedNamingRowAndRegion() throws Exception {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(plan.toFile());
    ((ObjectNode) json.get("placements").get(3)).put("region", "oci/mars-1");
    Path mars = dir.resolve("mars.json");
    new ObjectMapper().writeValue(mars.toFile(), json);
    Path out = dir.resolve("sky-mars");
    Cli c =
        Cli.run(
            "export",
            "skypilot",
            mars.toString(),
            "--scenario",
            EXAMPLE.toString(),
            "--out",
            out.toString());
    refused(c, out, mars.toString(), "placements[3].region", "oci/mars-1");
  }

  @Test
  void export_aReservedRowWhereTheScenarioReservesNothing_isRefused() throws Exception {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(plan.toFile());
    int i = 0;
    while (!json.get("placements").get(i).get("region").asText().startsWith("lambda/")) i++;
    ((ObjectNode) json.get("placements").get(i)).put("pricing", "reserved");
    Path edited = dir.resolve("reserved-lambda.json");
    new ObjectMapper().writeValue(edited.toFile(), json);
    Path out = dir.resolve("kueue-reserved");
    Cli c =
        Cli.run(
            "export",
            "kueue",
            edited.toString(),
            "--scenario",
            EXAMPLE.toString(),
            "--month",
            "2027-06",
            "--out",
            out.toString());
    refused(c, out, edited.toString(), "placements[" + i + "].pricing", "reserves no");
  }

  @Test
  void exportKueue_aFolderInTheWayOfOneFile_writesNoneOfTheOthers() throws Exception {
    Path out = dir.resolve("kueue-blocked");
    Files.createDirectories(out.resolve("2027-06/clusterqueue-us.yaml"));
    Cli c = kueue(out, "--month", "2027-06");
    assertThat(c.code()).as(c.err()).isEqualTo(2);
    assertThat(c.err()).contains("clusterqueue-us.yaml", "nothing written");
    try (Stream<Path> walk = Files.walk(out)) {
      assertThat(walk.filter(Files::isRegularFile).toList()).isEmpty();
    }
    try (Stream<Path> beside = Files.list(dir)) {
      assertThat(beside.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".kueue-blocked"));
    }
  }

  @Test
  void exportKueue_namespaceNotADnsLabel_isRefused() {
    Path out = dir.resolve("kueue-ns");
    refused(
        kueue(out, "--month", "2027-06", "--namespace", "Team_A"), out, "--namespace", "Team_A");
  }

  @Test
  void exportKueue_monthsOutsideThePlan_namesMonths() {
    Path out = dir.resolve("kueue-months");
    Cli c = kueue(out, "--months", "2032-01..2032-02");
    refused(c, out, "--months: 2032-01", "outside the plan");
    assertThat(c.err()).doesNotContain("--month:");
  }

  @Test
  void exportKueue_missingClusterMap_saysSoWithoutAnExceptionName() throws Exception {
    Path out = dir.resolve("kueue-nomap");
    Path map = dir.resolve("no-such-clusters.yaml");
    refused(
        kueue(out, "--month", "2027-06", "--clusters", map.toString()),
        out,
        map.toString(),
        "no such file");
    Path broken = dir.resolve("broken-clusters.yaml");
    Files.writeString(broken, "clusters:\n  - {name: a, region: oci/us-ashburn-1\n");
    refused(
        kueue(out, "--month", "2027-06", "--clusters", broken.toString()),
        out,
        broken + ":3:",
        "not YAML");
  }

  @Test
  void importKueue_integerQuantitiesWithSuffixes_areRead_andYamlErrorsLocated() throws Exception {
    Path in = Files.createDirectories(dir.resolve("import-5k"));
    Files.writeString(
        in.resolve("objects.yaml"),
        """
        apiVersion: kueue.x-k8s.io/v1beta2
        kind: ResourceFlavor
        metadata:
          name: f1
          labels: {nuage.io/provider: oci, nuage.io/region: us-phoenix-1, nuage.io/accelerator: B200}
        ---
        apiVersion: kueue.x-k8s.io/v1beta2
        kind: ClusterQueue
        metadata: {name: us, annotations: {nuage.io/month: 2027-06}}
        spec:
          resourceGroups:
            - coveredResources: [nvidia.com/gpu]
              flavors: [{name: f1, resources: [{name: nvidia.com/gpu, nominalQuota: 5k}]}]
        """);
    Cli ok = Cli.run("import", "kueue", in.toString(), "--format", "json");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("\"gpus\" : 5000");
    Path bad = Files.createDirectories(dir.resolve("import-bad"));
    Files.writeString(bad.resolve("broken.yaml"), "kind: ClusterQueue\nspec: [a, b\n");
    Cli c = Cli.run("import", "kueue", bad.toString());
    assertThat(c.code()).as(c.err()).isEqualTo(2);
    assertThat(c.err()).containsPattern("broken\\.yaml:\\d+:\\d+: not YAML");
  }
}
