package io.nuage.uncertainty;

import java.math.BigDecimal;
import java.util.List;

/**
 * A discrete distribution: outcomes with exact decimal weights summing to exactly 1 (docs/risk.md
 * section 1.2). Sampling takes the first outcome whose cumulative weight exceeds a uniform draw.
 */
public record Discrete<T>(List<Weighted<T>> outcomes) {
  public Discrete {
    outcomes = List.copyOf(outcomes);
    if (outcomes.isEmpty()) throw new IllegalArgumentException("a distribution needs an outcome");
    BigDecimal sum =
        outcomes.stream().map(Weighted::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(BigDecimal.ONE) != 0)
      throw new IllegalArgumentException(
          "weights sum to " + sum.toPlainString() + " (expected exactly 1)");
  }

  /** The distribution that always gives {@code value}. */
  public static <T> Discrete<T> always(T value) {
    return new Discrete<>(List.of(new Weighted<>(value, BigDecimal.ONE)));
  }

  /** True when one outcome has all the weight. */
  public boolean isCertain() {
    return outcomes.stream().anyMatch(o -> o.weight().compareTo(BigDecimal.ONE) == 0);
  }

  /** True when every outcome with weight is {@code value} (compared as numbers for decimals). */
  public static <T> boolean isCertainly(Discrete<T> d, T value) {
    return d.outcomes.stream()
        .filter(o -> o.weight().signum() > 0)
        .allMatch(
            o ->
                o.value() instanceof BigDecimal b && value instanceof BigDecimal v
                    ? b.compareTo(v) == 0
                    : o.value().equals(value));
  }

  /** The outcome a uniform draw {@code u} in [0, 1) picks. */
  public T sample(double u) {
    double cumulative = 0;
    for (Weighted<T> o : outcomes) {
      cumulative += o.weight().doubleValue();
      if (u < cumulative) return o.value();
    }
    // rounding of the doubles can leave u above the last cumulative: the last outcome with weight
    for (int i = outcomes.size() - 1; i >= 0; i--)
      if (outcomes.get(i).weight().signum() > 0) return outcomes.get(i).value();
    throw new IllegalStateException("no outcome has weight");
  }
}
