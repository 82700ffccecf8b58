package io.nuage.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Accelerator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AcceleratorMappingTest {
  @Test
  void h100_isTheReference() {
    Accelerator h100 = AcceleratorMapping.normalise("H100", "BM.GPU.H100.8").orElseThrow();
    assertThat(h100.family()).isEqualTo("H100");
    assertThat(h100.throughput()).isEqualByComparingTo(BigDecimal.ONE);
  }

  @Test
  void instanceTypeToken_givesTheFormFactor() {
    assertThat(name("H100", "gpu_8x_h100_sxm5")).isEqualTo("H100-SXM");
    assertThat(name("H100", "gpu_1x_h100_pcie")).isEqualTo("H100-PCIE");
    assertThat(name("H100", "1x-H100_NVL-32-65536")).isEqualTo("H100-NVL");
    assertThat(name("H100", "h100-80gb.sxm.8x")).isEqualTo("H100-SXM");
    assertThat(name("A100-80GB", "gpu_8x_a100_80gb_sxm4")).isEqualTo("A100-80GB-SXM");
    assertThat(name("A100", "2x-A100_PCIE-32-65536")).isEqualTo("A100-PCIE");
    assertThat(name("H100", "Standard_ND96isr_H100_v5")).isEqualTo("H100");
  }

  @Test
  void aliases_andCase_areNormalised() {
    assertThat(name("H100-MEGA", "a3-megagpu-8g")).isEqualTo("H100-MEGA-80GB");
    assertThat(name("A6000", "gpu_1x_a6000")).isEqualTo("RTXA6000");
    assertThat(name("RTX PRO 6000", "g7e.2xlarge")).isEqualTo("RTXPRO6000");
    assertThat(name("rtx4000-ada", "")).isEqualTo("RTX4000-Ada");
  }

  @Test
  void families_groupVariants() {
    assertThat(AcceleratorMapping.all())
        .filteredOn(a -> a.family().equals("H100"))
        .extracting(Accelerator::name)
        .containsExactlyInAnyOrder("H100", "H100-SXM", "H100-PCIE", "H100-NVL", "H100-MEGA-80GB");
    assertThat(AcceleratorMapping.byName("A10G").orElseThrow().family()).isEqualTo("A10");
  }

  @Test
  void unknownName_isEmpty() {
    assertThat(AcceleratorMapping.normalise("tpu-v5p-8", "")).isEmpty();
    assertThat(AcceleratorMapping.normalise("X9000", "")).isEmpty();
  }

  private static String name(String source, String instanceType) {
    return AcceleratorMapping.normalise(source, instanceType).orElseThrow().name();
  }
}
