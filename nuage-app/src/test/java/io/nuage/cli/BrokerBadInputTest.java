package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
