package io.nuage.contract;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One step of a committed-spend contract's discount table (docs/deals.md section 1): a commitment
 * of {@code from} dollars or more in total over the term earns {@code discount}, unless a higher
 * tier applies.
 *
 * @param from the smallest total commitment of the tier, exact USD
 * @param discount fraction off list price, in [0, 1]
 */
public record DiscountTier(BigDecimal from, BigDecimal discount) {
  public DiscountTier {
    Objects.requireNonNull(from, "from");
    Checks.nonNegative(from, "discountTier.from");
    Checks.fraction(discount, "discountTier.discount");
  }
}
