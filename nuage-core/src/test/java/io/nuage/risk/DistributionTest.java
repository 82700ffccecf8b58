package io.nuage.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionTest {
  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  /** Random money with cents, as a recourse cost would be. */
  static List<BigDecimal> values(int n, long seed) {
    var random = new SplittableRandom(seed);
    List<BigDecimal> v = new ArrayList<>();
    for (int i = 0; i < n; i++)
      v.add(BigDecimal.valueOf(random.nextLong(1_000_000_00L, 5_000_000_00L), 2));
    return v;
  }

  /**
   * Issue 12 review, finding 2: from one sample a standard error is unknown, and was 0.00 (a
   * certainty the run does not have). The CVaR95 of 20 samples is the mean of a tail of one.
   */
  @Test
  void oneSample_orATailOfOne_hasNoStandardError() {
    Distribution one = Distribution.sampled();
    one.add(new BigDecimal("1234.56"));
    assertThat(one.mean()).isEqualTo(new Estimate(new BigDecimal("1234.56"), null));
    assertThat(one.cvar(new BigDecimal("0.95")).standardError()).isNull();
    assertThat(one.probabilityPositive()).isEqualTo(new Estimate(new BigDecimal("1.000000"), null));

    List<BigDecimal> v = values(21, 3);
    Distribution twenty = Distribution.sampled();
    v.subList(0, 20).forEach(twenty::add);
    // ⌈0.05 × 20⌉ = 1: the largest value alone, no spread to estimate an error from
    assertThat(twenty.cvar(new BigDecimal("0.95")).value())
        .isEqualByComparingTo(v.subList(0, 20).stream().max(BigDecimal::compareTo).orElseThrow());
    assertThat(twenty.cvar(new BigDecimal("0.95")).standardError()).isNull();
    assertThat(twenty.mean().standardError()).isNotNull().isPositive();
    Distribution more = Distribution.sampled();
    v.forEach(more::add);
    // ⌈0.05 × 21⌉ = 2: two tail samples estimate it
    assertThat(more.cvar(new BigDecimal("0.95")).standardError()).isNotNull();
  }

  @Test
  void mean_andItsStandardError_matchTheTwoPassFormula() {
    List<BigDecimal> v = values(200, 1);
    Distribution d = Distribution.sampled();
    v.forEach(d::add);
    // two-pass in doubles: a different computation of the same figures
    double mean = v.stream().mapToDouble(BigDecimal::doubleValue).sum() / v.size();
    double ss =
        v.stream().mapToDouble(x -> (x.doubleValue() - mean) * (x.doubleValue() - mean)).sum();
    double se = Math.sqrt(ss / (v.size() - 1) / v.size());
    assertThat(d.mean().value().doubleValue())
        .isCloseTo(mean, org.assertj.core.data.Offset.offset(0.01));
    assertThat(d.mean().standardError().doubleValue())
        .isCloseTo(se, org.assertj.core.data.Offset.offset(0.01));
    // the prefix estimate is the estimate of the prefix
    Distribution half = Distribution.sampled();
    v.subList(0, 100).forEach(half::add);
    assertThat(d.mean(100)).isEqualTo(half.mean());
  }

  @Test
  void quantiles_areOrderStatistics_andCvarTheMeanOfTheTail() {
    List<BigDecimal> v = values(200, 2);
    Distribution d = Distribution.sampled();
    v.forEach(d::add);
    List<BigDecimal> sorted = v.stream().sorted().toList();
    assertThat(d.quantile(d("0.95"))).isEqualTo(sorted.get(190 - 1));
    assertThat(d.quantile(d("0.5"))).isEqualTo(sorted.get(100 - 1));
    assertThat(d.quantile(d("0.05"))).isEqualTo(sorted.get(10 - 1));
    assertThat(d.quantile(d("0.99"))).isEqualTo(sorted.get(198 - 1));
    BigDecimal[] interval = d.quantileInterval(d("0.95"));
    assertThat(interval[0]).isLessThanOrEqualTo(d.quantile(d("0.95")));
    assertThat(interval[1]).isGreaterThanOrEqualTo(d.quantile(d("0.95")));
    // 5% of 200 is 10 samples: CVaR95 is the mean of the 10 largest
    BigDecimal top =
        sorted.subList(190, 200).stream()
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.TEN);
    assertThat(d.cvar(d("0.95")).value())
        .isEqualByComparingTo(top.setScale(2, java.math.RoundingMode.HALF_EVEN));
  }

  @Test
  void cvar_countsAStraddlingSampleForItsPartInTheTail() {
    // 30 samples: the worst 5% is 1.5 samples: the largest whole and half the second
    Distribution d = Distribution.sampled();
    for (int i = 1; i <= 30; i++) d.add(BigDecimal.valueOf(i));
    // (30 × 1/30 + 29 × 0.5/30) / 0.05 = (1 + 0.48333…)/0.05 = 29.6666… → 29.67
    assertThat(d.cvar(d("0.95")).value()).isEqualByComparingTo("29.67");
  }

  @Test
  void weighted_isExact() {
    // two futures: 100.00 with probability 0.3, 250.00 with 0.7
    Distribution d = Distribution.weighted();
    d.add(d("250.00"), d("0.7"));
    d.add(d("100.00"), d("0.3"));
    assertThat(d.mean().value()).isEqualByComparingTo("205.00");
    assertThat(d.mean().standardError()).isZero();
    assertThat(d.quantile(d("0.3"))).isEqualByComparingTo("100.00");
    assertThat(d.quantile(d("0.31"))).isEqualByComparingTo("250.00");
    assertThat(d.cvar(d("0.95")).value()).isEqualByComparingTo("250.00");
    Distribution shortfall = Distribution.weighted();
    shortfall.add(d("0"), d("0.7"));
    shortfall.add(d("12.5"), d("0.3"));
    assertThat(shortfall.probabilityPositive().value()).isEqualByComparingTo("0.3");
  }

  @Test
  void probability_hasItsBinomialError() {
    Distribution d = Distribution.sampled();
    for (int i = 0; i < 100; i++) d.add(i < 20 ? d("5.00") : BigDecimal.ZERO);
    assertThat(d.probabilityPositive().value()).isEqualByComparingTo("0.2");
    assertThat(d.probabilityPositive().standardError()).isEqualByComparingTo("0.04");
  }
}
