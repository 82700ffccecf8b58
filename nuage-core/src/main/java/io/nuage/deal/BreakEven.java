package io.nuage.deal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The demand level at which the written deal pays for itself in the scenario as written
 * (docs/deals.md section 3): {@code g(λ) = T_deal(λ) − T_none(λ)} changes sign in {@code [low,
 * high]}, narrower than {@code tolerance}.
 *
 * @param outcome whether a crossing was found, or the deal pays (or not) at every level tried
 * @param demand the bracket's midpoint, 3 decimals; null without a crossing
 * @param low the bracket's low end (the lowest level tried without a crossing)
 * @param high the bracket's high end (the highest level tried without a crossing)
 * @param extraAtLow {@code g(low)}: the deal's extra cost at the low end (negative: it saves)
 * @param extraAtHigh {@code g(high)}
 */
public record BreakEven(
    Outcome outcome,
    @Nullable BigDecimal demand,
    BigDecimal low,
    BigDecimal high,
    BigDecimal extraAtLow,
    BigDecimal extraAtHigh,
    BigDecimal tolerance,
    int replans) {

  /** What the search found. */
  public enum Outcome {
    /** {@code g} changes sign in the bracket. */
    FOUND,
    /** {@code g < 0} at every level tried: the deal saves whatever the demand. */
    ALWAYS_PAYS,
    /** {@code g > 0} at every level tried: the deal never pays for itself. */
    NEVER_PAYS
  }
}
