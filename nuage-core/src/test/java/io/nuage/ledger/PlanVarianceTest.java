package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanVarianceTest {
  @Test
  void compare_variancePerProviderAndMonth() {
    var plan =
        List.of(
            new PlannedUsage(
                "oci", YearMonth.of(2027, 1), new BigDecimal("1000"), new BigDecimal("100")),
            new PlannedUsage(
                "oci", YearMonth.of(2027, 1), new BigDecimal("200"), new BigDecimal("20")),
            new PlannedUsage("gcp", YearMonth.of(2027, 1), new BigDecimal("50"), BigDecimal.ZERO));
    var actual =
        List.of(
            new MonthlySpend(
                "oci",
                YearMonth.of(2027, 1),
                new BigDecimal("1500"),
                new BigDecimal("1400"),
                new BigDecimal("90")),
            new MonthlySpend(
                "aws",
                YearMonth.of(2027, 1),
                new BigDecimal("10"),
                new BigDecimal("10"),
                BigDecimal.ZERO));

    List<PlanVariance> v = PlanVariance.compare(plan, actual);

    assertThat(v).extracting(PlanVariance::provider).containsExactly("aws", "gcp", "oci");
    PlanVariance oci = v.get(2);
    // planned 1,200 / 120 GPU-h; actual 1,500 / 90: +300 (+25%), -30 GPU-h (-25%)
    assertThat(oci.spendVariance()).isEqualByComparingTo("300");
    assertThat(oci.spendVarianceRatio()).isEqualTo(new BigDecimal("0.2500"));
    assertThat(oci.gpuHoursVariance()).isEqualByComparingTo("-30");
    assertThat(oci.gpuHoursVarianceRatio()).isEqualTo(new BigDecimal("-0.2500"));
    assertThat(v.get(0).spendVarianceRatio()).isNull(); // aws: nothing planned
    assertThat(v.get(1).spendVariance()).isEqualByComparingTo("-50");
  }

  @Test
  void compare_addsThePartsOfThePlanAndComparesTheirTotal() {
    YearMonth jan = YearMonth.of(2027, 1);
    var plan =
        List.of(
            new PlannedUsage(
                "nebius",
                jan,
                new PlannedParts(
                    new BigDecimal("100.50"),
                    new BigDecimal("7000"),
                    new BigDecimal("30"),
                    new BigDecimal("4.25"),
                    BigDecimal.ZERO),
                new BigDecimal("40")),
            new PlannedUsage(
                "nebius",
                jan,
                new PlannedParts(
                    BigDecimal.ZERO,
                    new BigDecimal("500"),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    new BigDecimal("1")),
                BigDecimal.ZERO));
    var actual =
        List.of(
            new MonthlySpend(
                "nebius", jan, new BigDecimal("7635.75"), BigDecimal.ZERO, new BigDecimal("40")));

    PlanVariance v = PlanVariance.compare(plan, actual).getFirst();

    // planned 100.50 + 7,500 + 30 + 4.25 + 1 = 7,635.75: exactly the actual
    assertThat(v.plannedParts().reservedFees()).isEqualByComparingTo("7500");
    assertThat(v.plannedParts().trueUp()).isEqualByComparingTo("1");
    assertThat(v.plannedSpend()).isEqualByComparingTo("7635.75");
    assertThat(v.spendVariance()).isEqualByComparingTo("0");
    assertThat(v.spendVarianceRatio()).isEqualTo(new BigDecimal("0.0000"));
  }

  @Test
  void aLineWhosePlannedSpendIsNotItsParts_isRefused() {
    var parts = PlannedParts.usage(BigDecimal.TEN);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new PlanVariance(
                    "oci",
                    YearMonth.of(2027, 1),
                    parts,
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ZERO,
                    null,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plannedSpend 1 is not the sum of its parts 10");
  }
}
