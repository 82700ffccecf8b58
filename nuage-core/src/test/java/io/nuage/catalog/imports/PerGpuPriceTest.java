package io.nuage.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PerGpuPriceTest {
  @Test
  void terminatingQuotient_isExactAndKeepsTheSourceScale() {
    assertThat(PerGpuPrice.of(new BigDecimal("80"), 8).toPlainString()).isEqualTo("10");
    assertThat(PerGpuPrice.of(new BigDecimal("80.00"), 8).toPlainString()).isEqualTo("10.00");
    assertThat(PerGpuPrice.of(new BigDecimal("23.60"), 8).toPlainString()).isEqualTo("2.95");
    assertThat(PerGpuPrice.of(new BigDecimal("3.87"), 3).toPlainString()).isEqualTo("1.29");
    assertThat(PerGpuPrice.of(new BigDecimal("8.0"), 16).toPlainString()).isEqualTo("0.5");
  }

  @Test
  void nonTerminatingQuotient_hasThirtyFourSignificantDigitsHalfEven() {
    BigDecimal third = PerGpuPrice.of(new BigDecimal("1.00"), 3);
    assertThat(third.precision()).isEqualTo(34);
    assertThat(third.toPlainString()).isEqualTo("0." + "3".repeat(34));
    assertThat(PerGpuPrice.of(new BigDecimal("2"), 3).toPlainString())
        .isEqualTo("0." + "6".repeat(33) + "7");
  }
}
