package io.nuage.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Region;
import io.nuage.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeographiesTest {
  @Test
  void namesOfEachProvider_mapToTheirGeography() {
    assertThat(Geographies.of("oci", "us-phoenix-1")).isEqualTo("US");
    assertThat(Geographies.of("azure", "eastus2")).isEqualTo("US");
    assertThat(Geographies.of("azure", "westeurope")).isEqualTo("EU");
    assertThat(Geographies.of("azure", "uksouth")).isEqualTo("EU");
    assertThat(Geographies.of("gcp", "northamerica-northeast2")).isEqualTo("CA");
    assertThat(Geographies.of("gcp", "asia-east1")).isEqualTo("APAC");
    assertThat(Geographies.of("oci", "af-casablanca-1")).isEqualTo("MEA");
    assertThat(Geographies.of("aws", "sa-east-1")).isEqualTo("LATAM");
    assertThat(Geographies.of("runpod", "us")).isEqualTo("US");
    assertThat(Geographies.of("vast", "florida-us-na")).isEqualTo("US");
    assertThat(Geographies.of("vast", "ca-na")).isEqualTo("CA");
    assertThat(Geographies.of("vast", "denmark-dk-eu")).isEqualTo("EU");
    assertThat(Geographies.of("hyperbolic", "default")).isEqualTo("OTHER");
  }

  @Test
  void realImport_leavesOnlyHyperbolicDefaultWithoutAGeography() {
    ImportResult result =
        CatalogImporter.importPaths(List.of(SharedData.root().resolve("gpu_prices")));
    assertThat(result.regions())
        .filteredOn(r -> r.geography().equals(Geographies.OTHER))
        .extracting(Region::id)
        .containsExactly("hyperbolic/default");
    assertThat(result.catalog().offerings()).hasSize(CatalogImporterRealFilesTest.OFFERINGS);
    assertThat(result.providers()).hasSize(10);
  }
}
