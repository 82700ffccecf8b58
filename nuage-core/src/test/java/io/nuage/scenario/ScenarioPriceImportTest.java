package io.nuage.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Offering;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario can price itself from the real price files, through the catalog importer. */
class ScenarioPriceImportTest {
  @TempDir Path dir;

  @Test
  void sharedOciPriceFile_importsAndIsReferencedByTheScenario() throws IOException {
    Path oci =
        SharedData.root().resolve("gpu_prices/skypilot_catalog/oci_v8_vms_gpu_two_regions.csv");
    Path file = dir.resolve("s.yaml");
    Files.writeString(
        file,
        """
        name: imported
        horizon: {start: 2027-01, end: 2027-12}
        catalog:
          imports: [%s]
          providers:
            - id: oci
              egress-per-tb: 8.50
              regions:
                - {name: us-phoenix-1, geography: US}
        capacity:
          - region: oci/us-phoenix-1
            accelerator: H100
            steps: [{from: 2027-01, gpus: 1000}]
        """
            .formatted(oci));
    Scenario s = ScenarioParser.parse(file);
    // the scenario's own provider definition wins over the importer's bare one
    assertThat(s.catalog().provider("oci").orElseThrow().egressPerTb())
        .isEqualByComparingTo("8.50");
    Offering h100 =
        s.catalog().offerings().stream()
            .filter(o -> o.region().equals("oci/us-phoenix-1") && o.accelerator().equals("H100"))
            .findFirst()
            .orElseThrow();
    assertThat(h100.pricePerGpuHour()).isEqualByComparingTo("10.00");
    assertThat(s.catalog().regions()).extracting(r -> r.id()).contains("oci/af-casablanca-1");
  }
}
