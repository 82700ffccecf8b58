package io.nuage.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.imports.ImportReport.FileReport;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file of shared/data/gpu_prices, with its exact row counts. The expected counts were derived
 * outside this code from the raw files (per-model and per-count tallies of the columns): e.g. AWS
 * Inferentia rows are 43 + 22 + 21 (inf1 with 1, 16 and 4 chips), Azure's fractional rows are 36
 * each of 0.167, 0.333 and 0.5, GCP TPU rows are the 1,648 `tpu-` names.
 */
class CatalogImporterRealFilesTest {
  /** Offerings of the whole folder (each NVv4 slice row had an on-demand and a spot price). */
  static final int OFFERINGS = 4394 - 69 * 2;

  private static ImportResult all;
  private static Map<String, FileReport> byName;

  @BeforeAll
  static void importEverything() {
    all = CatalogImporter.importPaths(List.of(prices()));
    byName =
        all.report().files().stream()
            .collect(Collectors.toMap(f -> Path.of(f.file()).getFileName().toString(), f -> f));
  }

  static Path prices() {
    return SharedData.root().resolve("gpu_prices");
  }

  @Test
  void folder_readsEveryCsvAndIgnoresTheRestByName() {
    assertThat(byName.keySet())
        .containsExactlyInAnyOrder(
            "aws_gpu_instance_prices_flat.csv",
            "hyperbolic_v8_vms.csv",
            "mithril_v8_vms.csv",
            "nebius_v8_vms_gpu.csv",
            "oci_v8_vms_gpu_two_regions.csv",
            "runpod_v6_vms_US_only.csv",
            "azure_vms_gpu.csv",
            "gcp_vms_gpu.csv",
            "gcp_vms_gpu_host_machines.csv",
            "lambda_vms_gpu.csv",
            "vast_vms_gpu.csv");
    assertThat(all.report().ignored())
        .extracting(f -> Path.of(f.file()).getFileName().toString())
        .containsExactly("PROVENANCE.md", "aws_gpu_instances.json");
    assertThat(all.offerings()).hasSize(OFFERINGS);
  }

  @Test
  void skyPilotCatalogFiles_useEveryRow() {
    assertCounts("hyperbolic_v8_vms.csv", "hyperbolic", 3, 3, Map.of());
    assertCounts("mithril_v8_vms.csv", "mithril", 4, 4, Map.of());
    assertCounts("nebius_v8_vms_gpu.csv", "nebius", 21, 21, Map.of());
    assertCounts("oci_v8_vms_gpu_two_regions.csv", "oci", 42, 42, Map.of());
    assertCounts("runpod_v6_vms_US_only.csv", "runpod", 60, 60, Map.of());
    assertCounts("lambda_vms_gpu.csv", "lambda", 391, 391, Map.of());
  }

  @Test
  void vast_usesEveryRowAndNotesTheZeroSpotPrices() {
    assertCounts("vast_vms_gpu.csv", "vast", 64, 64, Map.of());
    assertThat(byName.get("vast_vms_gpu.csv").notes())
        .containsExactly(entry(SkipReason.NOTE_ZERO_SPOT, 64));
    assertThat(all.offerings())
        .filteredOn(o -> o.provider().equals("vast"))
        .allMatch(o -> o.pricing() == PricingKind.ON_DEMAND);
  }

  @Test
  void azure_keepsElevenFieldRowsAndSkipsGpuSlices() {
    assertCounts(
        "azure_vms_gpu.csv",
        "azure",
        829,
        652,
        Map.of(SkipReason.FRACTIONAL, 108, SkipReason.AZURE_NVV4_SLICE, 69));
    // 69 = 23 regions x NV4as_v4, NV8as_v4, NV16as_v4; NV32as_v4 (one whole MI25) is kept.
    assertThat(all.offerings())
        .filteredOn(o -> o.accelerator().equals("MI25"))
        .extracting(Offering::instanceType)
        .containsOnly("Standard_NV32as_v4");
  }

  @Test
  void gcp_combinesHostAndAcceleratorRowsAndFoldsZones() {
    assertCounts(
        "gcp_vms_gpu.csv",
        "gcp",
        2395,
        364,
        Map.of(
            SkipReason.TPU, 1648,
            SkipReason.GCP_NO_HOST, 31,
            SkipReason.DUPLICATE_ZONE, 352));
    assertCounts(
        "gcp_vms_gpu_host_machines.csv",
        "gcp",
        656,
        338,
        Map.of(SkipReason.GCP_UNUSED_HOST, 2, SkipReason.DUPLICATE_ZONE, 316));
  }

  @Test
  void aws_skipsAsicsGraphicsAndSlicesEachByName() {
    assertCounts(
        "aws_gpu_instance_prices_flat.csv",
        "aws",
        1157,
        841,
        Map.of(
            SkipReason.FRACTIONAL,
            65,
            SkipReason.graphics("AMD Radeon Pro V520"),
            40,
            SkipReason.graphics("ARM Mali-G78MP12"),
            43,
            SkipReason.graphics("NVIDIA GRID K520"),
            18,
            SkipReason.asic("AWS Inferentia"),
            86,
            SkipReason.asic("AWS Inferentia2"),
            53,
            SkipReason.asic("AWS Trainium"),
            9,
            SkipReason.asic("Qualcomm AI 100"),
            2));
  }

  @Test
  void report_totalsAddUp() {
    assertThat(all.report().read()).isEqualTo(5622);
    assertThat(all.report().used()).isEqualTo(2849 - 69);
    int skipped = all.report().skippedByReason().values().stream().mapToInt(i -> i).sum();
    assertThat(skipped).isEqualTo(5622 - 2849 + 69);
    assertThat(all.report().skippedByReason()).doesNotContainKey(SkipReason.UNDECIDED);
  }

  @Test
  void oci_h100_isTenDollarsPerGpuHourExactly() throws IOException {
    String raw =
        rawLine(
            "skypilot_catalog/oci_v8_vms_gpu_two_regions.csv", "BM.GPU.H100.8,", "us-phoenix-1");
    assertThat(raw).contains("\",80,,us-phoenix-1,");
    Offering oci = only("oci", "oci/us-phoenix-1", "BM.GPU.H100.8", PricingKind.ON_DEMAND);
    assertThat(oci.pricePerGpuHour()).isEqualByComparingTo("10");
    assertThat(oci.pricePerGpuHour().toPlainString()).isEqualTo("10");
    assertThat(oci.accelerator()).isEqualTo("H100");
  }

  @Test
  void gcp_a3High8_isHostPlusAcceleratorOverEight() throws IOException {
    // Raw rows: host a3-highgpu-8g us-central1-a 9.46006 (spot 3.86318); H100 x8 33.60609
    // (32.0104).
    rawLine(
        "skypilot_format_anycloud/gcp_vms_gpu_host_machines.csv",
        "a3-highgpu-8g,",
        "us-central1-a,9.46006,3.86318");
    rawLine(
        "skypilot_format_anycloud/gcp_vms_gpu.csv", ",,,H100,8,", "us-central1-a,33.60609,32.0104");
    Offering onDemand = only("gcp", "gcp/us-central1", "a3-highgpu-8g", PricingKind.ON_DEMAND);
    assertThat(onDemand.pricePerGpuHour().toPlainString())
        .isEqualTo("5.38326875"); // (9.46006 + 33.60609) / 8
    Offering spot = only("gcp", "gcp/us-central1", "a3-highgpu-8g", PricingKind.SPOT);
    assertThat(spot.pricePerGpuHour().toPlainString())
        .isEqualTo("4.4841975"); // (3.86318 + 32.0104) / 8
  }

  @Test
  void gcp_attachedT4_isTheAcceleratorPriceAlone() {
    assertThat(all.offerings())
        .filteredOn(o -> o.instanceType().startsWith("n1+"))
        .extracting(Offering::accelerator)
        .containsOnly("T4", "P4", "V100", "P100");
  }

  @Test
  void aws_p5_onDemandAndNoReserved() throws IOException {
    rawLine(
        "aws_vantage_tsaol/aws_gpu_instance_prices_flat.csv", "p5.48xlarge,", ",us-east-1,55.04,");
    Offering p5 = only("aws", "aws/us-east-1", "p5.48xlarge", PricingKind.ON_DEMAND);
    assertThat(p5.pricePerGpuHour().toPlainString()).isEqualTo("6.88");
    assertThat(all.offerings())
        .filteredOn(o -> o.instanceType().equals("p5.48xlarge"))
        .noneMatch(o -> o.pricing() == PricingKind.RESERVED_1Y);
    Offering p4de = only("aws", "aws/us-east-1", "p4de.24xlarge", PricingKind.ON_DEMAND);
    assertThat(p4de.accelerator()).isEqualTo("A100-80GB");
  }

  @Test
  void nebiusLambdaAzure_pricesEqualTheirRowsOverTheCount() {
    assertThat(
            only(
                    "nebius",
                    "nebius/eu-north1",
                    "gpu-h100-sxm_8gpu-128vcpu-1600gb",
                    PricingKind.ON_DEMAND)
                .pricePerGpuHour()
                .toPlainString())
        .isEqualTo("2.95"); // 23.60 / 8
    assertThat(
            only("lambda", "lambda/us-east-1", "gpu_8x_h100_sxm5", PricingKind.ON_DEMAND)
                .pricePerGpuHour()
                .toPlainString())
        .isEqualTo("3.99"); // 31.92 / 8
    assertThat(
            only("azure", "azure/centralus", "Standard_ND96isr_H100_v5", PricingKind.ON_DEMAND)
                .pricePerGpuHour())
        .isEqualByComparingTo(new BigDecimal("120.934").divide(BigDecimal.valueOf(8)));
  }

  @Test
  void everyOffering_refersToAMappedAccelerator() {
    Map<String, ?> names =
        AcceleratorMapping.all().stream()
            .collect(Collectors.toMap(a -> a.name(), Function.identity()));
    assertThat(all.offerings()).allMatch(o -> names.containsKey(o.accelerator()));
    assertThat(all.accelerators()).extracting(a -> a.name()).contains("H100", "MI300X", "B200");
  }

  @Test
  void gcpAcceleratorFileAlone_skipsBundledRowsLoudly() {
    ImportResult alone =
        CatalogImporter.importPaths(
            List.of(prices().resolve("skypilot_format_anycloud/gcp_vms_gpu.csv")));
    FileReport report = alone.report().files().getFirst();
    assertThat(report.read()).isEqualTo(2395);
    assertThat(report.skipped()).containsKey(SkipReason.GCP_NO_HOST);
    assertThat(alone.offerings()).allMatch(o -> o.instanceType().startsWith("n1+"));
  }

  private static void assertCounts(
      String file, String provider, int read, int used, Map<String, Integer> skipped) {
    FileReport report = byName.get(file);
    assertThat(report).as(file).isNotNull();
    assertThat(report.provider()).as(file).isEqualTo(provider);
    assertThat(report.read()).as(file + " read").isEqualTo(read);
    assertThat(report.used()).as(file + " used").isEqualTo(used);
    assertThat(report.skipped()).as(file + " skipped").containsExactlyInAnyOrderEntriesOf(skipped);
  }

  private static Offering only(
      String provider, String region, String instanceType, PricingKind pricing) {
    List<Offering> found =
        all.offerings().stream()
            .filter(
                o ->
                    o.provider().equals(provider)
                        && o.region().equals(region)
                        && o.instanceType().equals(instanceType)
                        && o.pricing() == pricing)
            .toList();
    assertThat(found).as(provider + " " + region + " " + instanceType).hasSize(1);
    return found.getFirst();
  }

  /** The one raw line of a file that starts with {@code start} and contains {@code part}. */
  static String rawLine(String file, String start, String part) throws IOException {
    List<String> lines =
        Files.readAllLines(prices().resolve(file)).stream()
            .filter(l -> l.startsWith(start) && l.contains(part))
            .toList();
    assertThat(lines).as(file + " " + start + " " + part).hasSize(1);
    return lines.getFirst();
  }
}
