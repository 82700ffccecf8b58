package io.nuage.plan.past;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a committed-spend contract's year consumed before the as-of date, inside the horizon.
 *
 * @param year the 0-based contract year (twelve months from the term's start), as in a plan's
 *     {@code contracts[]}
 */
public record ActualConsumption(String contract, int year, BigDecimal amount) {
  public ActualConsumption {
    Checks.id(contract, "actual consumption contract");
    if (year < 0) throw new IllegalArgumentException("contract year cannot be negative: " + year);
    Objects.requireNonNull(amount, "actual consumption amount");
  }
}
