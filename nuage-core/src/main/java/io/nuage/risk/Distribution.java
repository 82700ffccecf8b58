package io.nuage.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The values one figure took over the futures, in sample order, and the estimators of docs/risk.md
 * section 3, computed exactly in decimal and rounded at the end. Values are money in cents (a long
 * each: the only per-sample memory a run keeps); weights are null for Monte Carlo (each future 1/N)
 * or the exact probabilities of an enumeration.
 */
public final class Distribution {
  static final MathContext MC = MathContext.DECIMAL128;
  private long[] cents = new long[64];
  private BigDecimal @Nullable [] weights;
  private int n;

  private Distribution(boolean weighted) {
    this.weights = weighted ? new BigDecimal[64] : null;
  }

  /** Monte Carlo: every future weighs 1/N. */
  public static Distribution sampled() {
    return new Distribution(false);
  }

  /** Exact enumeration: each future weighs its probability. */
  public static Distribution weighted() {
    return new Distribution(true);
  }

  public boolean isExact() {
    return weights != null;
  }

  public int size() {
    return n;
  }

  public void add(BigDecimal money) {
    if (weights != null) throw new IllegalStateException("an enumeration needs weights");
    push(money, null);
  }

  public void add(BigDecimal money, BigDecimal weight) {
    if (weights == null) throw new IllegalStateException("Monte Carlo samples weigh 1/N");
    push(money, weight);
  }

  /**
   * Adds one future's value as the distribution counts futures: with its probability when the
   * futures are enumerated, with none (1/N) when they are drawn.
   */
  public void put(BigDecimal money, @Nullable BigDecimal weight) {
    if (weights != null) add(money, java.util.Objects.requireNonNull(weight, "weight"));
    else if (weight != null) throw new IllegalStateException("Monte Carlo samples weigh 1/N");
    else add(money);
  }

  private void push(BigDecimal money, @Nullable BigDecimal weight) {
    if (n == cents.length) {
      cents = Arrays.copyOf(cents, 2 * n);
      if (weights != null) weights = Arrays.copyOf(weights, 2 * n);
    }
    cents[n] = money.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    if (weights != null) weights[n] = weight;
    n++;
  }

  private BigDecimal value(int i) {
    return BigDecimal.valueOf(cents[i], 2);
  }

  private BigDecimal weight(int i) {
    return weights == null ? BigDecimal.ONE.divide(BigDecimal.valueOf(n), MC) : weights[i];
  }

  /**
   * The mean and its standard error {@code s/√N} (0 when exact, unknown from one sample), to the
   * cent.
   */
  public Estimate mean() {
    return mean(n);
  }

  /** The estimate over the first {@code k} samples (convergence). */
  public Estimate mean(int k) {
    if (k < 1 || k > n) throw new IllegalArgumentException("no samples to average");
    if (weights != null) {
      BigDecimal m = BigDecimal.ZERO;
      for (int i = 0; i < k; i++) m = m.add(value(i).multiply(weights[i]));
      return new Estimate(money(m), BigDecimal.ZERO.setScale(2));
    }
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal squares = BigDecimal.ZERO;
    for (int i = 0; i < k; i++) {
      BigDecimal v = value(i);
      sum = sum.add(v);
      squares = squares.add(v.multiply(v));
    }
    BigDecimal count = BigDecimal.valueOf(k);
    BigDecimal mean = sum.divide(count, MC);
    if (k == 1) return Estimate.withoutError(money(mean)); // s needs two samples
    // s² = (Σv² − (Σv)²/N)/(N−1): exact up to the one division
    BigDecimal ss = squares.subtract(sum.multiply(sum).divide(count, MC));
    BigDecimal variance = ss.max(BigDecimal.ZERO).divide(BigDecimal.valueOf(k - 1L), MC);
    BigDecimal se = variance.divide(count, MC).sqrt(MC);
    return new Estimate(money(mean), money(se));
  }

  /**
   * The lower quantile: the smallest value whose cumulative weight reaches {@code p} (for N equal
   * weights, the order statistic {@code T_(⌈pN⌉)}).
   */
  public BigDecimal quantile(BigDecimal p) {
    int[] order = order();
    BigDecimal cumulative = BigDecimal.ZERO;
    if (weights == null) {
      int k = p.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
      return value(order[Math.max(1, Math.min(n, k)) - 1]);
    }
    for (int i : order) {
      cumulative = cumulative.add(weights[i]);
      if (cumulative.compareTo(p) >= 0) return value(i);
    }
    return value(order[n - 1]);
  }

  /**
   * The 95% order-statistic interval of the {@code p} quantile: {@code [T_(l), T_(u)]} with {@code
   * l, u = round(Np ∓ 1.96 √(Np(1−p)))} clipped to [1, N]; the point itself when exact.
   */
  public BigDecimal[] quantileInterval(BigDecimal p) {
    if (weights != null) return new BigDecimal[] {quantile(p), quantile(p)};
    int[] order = order();
    double np = n * p.doubleValue();
    double half = 1.96 * Math.sqrt(np * (1 - p.doubleValue()));
    int l = (int) Math.max(1, Math.min(n, Math.round(np - half)));
    int u = (int) Math.max(1, Math.min(n, Math.round(np + half)));
    return new BigDecimal[] {value(order[l - 1]), value(order[u - 1])};
  }

  /**
   * CVaR at level {@code alpha}: the mean of the worst {@code 1 − alpha} of the probability mass
   * (Rockafellar-Uryasev: a value straddling the boundary counts for its part inside the tail), to
   * the cent. This is the Rockafellar-Uryasev sample estimator {@code η + (1/(N(1−α))) Σ (X_i −
   * η)^+} with {@code η} the sample VaR (the lower {@code alpha} quantile); its standard error is
   * that estimator's: {@code s_Z/√N} of the terms {@code Z_i = η + (X_i − η)^+/(1−α)} (the delta
   * method; Hong and Liu 2009, Trindade et al. 2007), 0 when exact, unknown when the tail holds one
   * sample ({@code k = ⌈(1−alpha)N⌉ = 1}).
   */
  public Estimate cvar(BigDecimal alpha) {
    int[] order = order();
    BigDecimal tail = BigDecimal.ONE.subtract(alpha);
    BigDecimal left = tail;
    BigDecimal sum = BigDecimal.ZERO;
    for (int j = n - 1; j >= 0 && left.signum() > 0; j--) {
      BigDecimal w = weight(order[j]).min(left);
      sum = sum.add(value(order[j]).multiply(w));
      left = left.subtract(w);
    }
    BigDecimal cvar = sum.divide(tail.subtract(left), MC);
    if (weights != null) return new Estimate(money(cvar), BigDecimal.ZERO.setScale(2));
    int k = tail.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
    k = Math.max(1, Math.min(n, k));
    if (k == 1) return Estimate.withoutError(money(cvar)); // a tail of one sample
    // Z_i = η + (X_i − η)^+/(1−α); the terms' mean is the CVaR above, their s/√N its error
    BigDecimal eta = quantile(alpha);
    BigDecimal s = BigDecimal.ZERO;
    BigDecimal s2 = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      BigDecimal z = eta.add(value(i).subtract(eta).max(BigDecimal.ZERO).divide(tail, MC));
      s = s.add(z);
      s2 = s2.add(z.multiply(z));
    }
    BigDecimal nn = BigDecimal.valueOf(n);
    BigDecimal var =
        s2.subtract(s.multiply(s).divide(nn, MC))
            .max(BigDecimal.ZERO)
            .divide(BigDecimal.valueOf(n - 1L), MC);
    return new Estimate(money(cvar), money(var.divide(nn, MC).sqrt(MC)));
  }

  /**
   * The probability that the value is above 0, 6 decimals, with its binomial standard error {@code
   * √(p̂(1−p̂)/N)} (0 when exact, unknown from one sample).
   */
  public Estimate probabilityPositive() {
    BigDecimal p = BigDecimal.ZERO;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (cents[i] > 0) {
        count++;
        if (weights != null) p = p.add(weights[i]);
      }
    }
    if (weights == null) p = BigDecimal.valueOf(count).divide(BigDecimal.valueOf(n), MC);
    if (weights == null && n == 1)
      return Estimate.withoutError(p.setScale(6, RoundingMode.HALF_EVEN)); // 0 or 1, from one
    BigDecimal se =
        weights != null
            ? BigDecimal.ZERO
            : p.multiply(BigDecimal.ONE.subtract(p)).divide(BigDecimal.valueOf(n), MC).sqrt(MC);
    return new Estimate(
        p.setScale(6, RoundingMode.HALF_EVEN), se.setScale(6, RoundingMode.HALF_EVEN));
  }

  /** Sample indexes by value, ties in sample order: the same order on every run. */
  private int[] order() {
    if (n == 0) throw new IllegalStateException("no samples");
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    Arrays.sort(
        idx,
        (a, b) -> cents[a] != cents[b] ? Long.compare(cents[a], cents[b]) : Integer.compare(a, b));
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = idx[i];
    return out;
  }

  static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN);
  }
}
