package io.nuage.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Invariant checks shared by the domain records. The scenario parser reports located problems
 * before a record is ever built; these checks are the last line and name the field and value.
 */
public final class Checks {
  private Checks() {}

  public static String id(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) throw new IllegalArgumentException(field + " cannot be blank");
    return value;
  }

  public static BigDecimal nonNegative(BigDecimal value, String field) {
    Objects.requireNonNull(value, field);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          field + " cannot be negative (got " + value.toPlainString() + ")");
    }
    return value;
  }

  public static BigDecimal positive(BigDecimal value, String field) {
    Objects.requireNonNull(value, field);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(
          field + " must be positive (got " + value.toPlainString() + ")");
    }
    return value;
  }

  public static int positive(int value, String field) {
    if (value <= 0)
      throw new IllegalArgumentException(field + " must be positive (got " + value + ")");
    return value;
  }

  /** A fraction in [0, 1], such as a discount or a share. */
  public static BigDecimal fraction(BigDecimal value, String field) {
    nonNegative(value, field);
    if (value.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          field + " must be a fraction between 0 and 1 (got " + value.toPlainString() + ")");
    }
    return value;
  }
}
