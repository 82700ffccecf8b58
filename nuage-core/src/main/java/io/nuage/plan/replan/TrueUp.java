package io.nuage.plan.replan;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * A contract year not yet closed at the as-of date: what its minimum still needs and whether the
 * re-plan meets it (docs/replan.md, "The true-up ahead").
 *
 * @param year the 0-based contract year (the ledger's and the bills' year {@code year + 1})
 * @param commitment the contract's billing commitment id of that year as the scenario gives it
 *     ({@code billing.commitment-ids}), null when it gives none
 * @param committed the minimum, pro-rated to the horizon as in the plan's {@code contracts[]}
 * @param stillNeeded {@code max(0, committed - consumedToDate)}: the spend the months left must
 *     bring to meet it
 * @param planned what the re-plan consumes in the months left of the year
 * @param shortfall {@code max(0, committed - consumedToDate - planned)}, as the plan reports it
 */
public record TrueUp(
    String contract,
    String provider,
    int year,
    @Nullable String commitment,
    YearMonth from,
    YearMonth to,
    BigDecimal committed,
    BigDecimal consumedToDate,
    BigDecimal stillNeeded,
    BigDecimal planned,
    BigDecimal shortfall,
    boolean takeOrPay) {
  public boolean met() {
    return shortfall.signum() == 0;
  }
}
