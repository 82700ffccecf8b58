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
}
