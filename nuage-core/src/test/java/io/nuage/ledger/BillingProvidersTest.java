package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Provider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BillingProvidersTest {
  private final BillingProviders names =
      new BillingProviders(
          List.of(
              Provider.of("azure"),
              Provider.of("oci"),
              new Provider("cw", "CoreWeave", Set.of("CoreWeave Inc"), BigDecimal.ZERO)));

  @Test
  void resolve_focusNamesOfTheLargeCloudsMapToScenarioIds() {
    assertThat(names.resolve("Microsoft")).isEqualTo("azure");
    assertThat(names.resolve("Oracle")).isEqualTo("oci");
    assertThat(names.resolve("Amazon Web Services")).isEqualTo("aws");
    assertThat(names.resolve("AWS")).isEqualTo("aws");
    assertThat(names.resolve("  Google   Cloud ")).isEqualTo("gcp");
  }

  @Test
  void resolve_providerBillingNamesWinAndAnythingElseIsNormalised() {
    assertThat(names.resolve("coreweave inc")).isEqualTo("cw");
    assertThat(names.resolve("Lambda Labs")).isEqualTo("lambda labs");
    assertThat(names.isKnown("cw")).isTrue();
    assertThat(names.isKnown("lambda labs")).isFalse();
  }
}
