package io.nuage.uncertainty;

import java.math.BigDecimal;
import java.util.Objects;

/** One outcome of a discrete distribution and its exact probability. */
public record Weighted<T>(T value, BigDecimal weight) {
  public Weighted {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(weight, "weight");
    if (weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0)
      throw new IllegalArgumentException(
          "weight out of range (got " + weight.toPlainString() + ", expected 0 to 1)");
  }
}
