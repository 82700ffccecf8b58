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

  /**
   * Review of issue 13, item 1: the standard error of the sample CVaR is that of the
   * Rockafellar-Uryasev estimator {@code CVaR = η + (1/(N(1−α))) Σ (X_i − η)^+}, η the sample VaR,
   * i.e. {@code s_Z/√N} of the terms {@code Z_i = η + (X_i − η)^+/(1−α)}; it was {@code s/√k} of
   * the k worst samples, which misses the spread that comes from how many samples land in the tail.
   *
   * <p>The review's case: 40 futures, 29 at $900,000 and 11 at $1,260,000, α = 0.7. η =
   * T_(⌈0.7×40⌉) = T_(28) = 900,000. Z_i = 900,000 for the 29, and 900,000 + 360,000/0.3 =
   * 2,100,000 for the 11: mean 900,000 + 1,200,000 × 11/40 = 1,230,000 (the CVaR). s_Z² =
   * 1,200,000² × (11 × 29/40²) × 40/39 = 1.44e12 × 0.199375 × 1.025641… = 294,461,538,461.5…; s_Z =
   * 542,643.10…; s_Z/√40 = 85,799.408… → $85,799.41 (the tail-only s/√k gave $30,000.00: the 12
   * worst are 11 at 1.26M and one at 0.9M, s = 103,923.05, /√12 = 30,000.00).
   */
  @Test
  void cvarStandardError_isTheRockafellarUryasevEstimators() {
    Distribution d = Distribution.sampled();
    for (int i = 0; i < 29; i++) d.add(d("900000"));
    for (int i = 0; i < 11; i++) d.add(d("1260000"));
    Estimate e = d.cvar(d("0.7"));
    assertThat(e.value()).isEqualByComparingTo("1230000.00");
    // 1.2e6 × √(0.199375 × 40/39) / √40, computed in doubles: a different computation
    double expected = 1.2e6 * Math.sqrt(11.0 * 29 / (40.0 * 40) * 40 / 39) / Math.sqrt(40);
    assertThat(expected).isCloseTo(85_799.41, org.assertj.core.data.Offset.offset(0.01));
    assertThat(e.standardError().doubleValue())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
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
