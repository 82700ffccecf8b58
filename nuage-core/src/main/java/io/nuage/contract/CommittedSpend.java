package io.nuage.contract;

import io.nuage.core.Checks;
import io.nuage.core.MonthRange;
import io.nuage.core.NuageException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A committed-spend deal: spend with the provider during each contract year counts towards that
 * year's minimum; consumption is priced at list less {@code discount}. Under take-or-pay the unmet
 * part of a year's minimum (the shortfall) is paid anyway.
 *
 * @param yearlyMinimums one minimum per contract year (counted from the term's start), exact USD;
 *     the list may ramp
 * @param discount fraction off list price, in [0, 1]
 * @param discountTiers the discount by total commitment (docs/deals.md section 1), in increasing
 *     order of {@code from} with discounts that never fall; empty when the discount does not depend
 *     on the size
 * @param followsList true: the discount applies to the list price of the month (in a drawn future,
 *     the drawn list), as enterprise discount programmes apply it; false: to the list price as
 *     signed, which then holds whatever the list does (docs/risk.md section 1)
 */
public record CommittedSpend(
    String id,
    String provider,
    MonthRange term,
    List<BigDecimal> yearlyMinimums,
    BigDecimal discount,
    boolean takeOrPay,
    List<DiscountTier> discountTiers,
    boolean followsList)
    implements Contract {
  public CommittedSpend {
    Checks.id(id, "contract.id");
    Checks.id(provider, "contract.provider");
    yearlyMinimums = List.copyOf(yearlyMinimums);
    if (yearlyMinimums.size() != term.years()) {
      throw new IllegalArgumentException(
          "contract "
              + id
              + " needs one yearly minimum per contract year (got "
              + yearlyMinimums.size()
              + ", expected "
              + term.years()
              + ")");
    }
    yearlyMinimums.forEach(m -> Checks.nonNegative(m, "contract.yearlyMinimums"));
    Checks.fraction(discount, "contract.discount");
    discountTiers = List.copyOf(discountTiers);
    for (int i = 1; i < discountTiers.size(); i++) {
      DiscountTier before = discountTiers.get(i - 1);
      DiscountTier tier = discountTiers.get(i);
      if (tier.from().compareTo(before.from()) <= 0)
        throw new IllegalArgumentException(
            "contract " + id + ": discount tiers must start at increasing commitments");
      if (tier.discount().compareTo(before.discount()) < 0)
        throw new IllegalArgumentException(
            "contract " + id + ": a bigger commitment cannot earn a smaller discount");
    }
  }

  /** A contract whose discount does not depend on its size, on the list as signed. */
  public CommittedSpend(
      String id,
      String provider,
      MonthRange term,
      List<BigDecimal> yearlyMinimums,
      BigDecimal discount,
      boolean takeOrPay) {
    this(id, provider, term, yearlyMinimums, discount, takeOrPay, List.of(), false);
  }

  /** A contract on the list as signed. */
  public CommittedSpend(
      String id,
      String provider,
      MonthRange term,
      List<BigDecimal> yearlyMinimums,
      BigDecimal discount,
      boolean takeOrPay,
      List<DiscountTier> discountTiers) {
    this(id, provider, term, yearlyMinimums, discount, takeOrPay, discountTiers, false);
  }

  /** The same deal with other minimums and discount (its tiers and list basis kept). */
  public CommittedSpend withMinimums(List<BigDecimal> minimums, BigDecimal newDiscount) {
    return new CommittedSpend(
        id, provider, term, minimums, newDiscount, takeOrPay, discountTiers, followsList);
  }

  /**
   * The discount a total commitment of {@code size} earns: the highest tier it reaches; the
   * contract's own discount when it has no tiers; empty when the size is below the first tier.
   */
  public Optional<BigDecimal> discountAt(BigDecimal size) {
    if (discountTiers.isEmpty()) return Optional.of(discount);
    Optional<BigDecimal> found = Optional.empty();
    for (DiscountTier tier : discountTiers)
      if (tier.from().compareTo(size) <= 0) found = Optional.of(tier.discount());
    return found;
  }

  /**
   * The same deal with every yearly minimum times {@code scale} (to the cent, HALF_EVEN) and the
   * discount its new size earns (docs/deals.md section 1).
   *
   * @throws NuageException when the scaled size is below the first tier
   */
  public CommittedSpend scaled(BigDecimal scale) {
    if (scale.signum() <= 0) throw new IllegalArgumentException("a scale must be above 0");
    List<BigDecimal> minimums =
        yearlyMinimums.stream()
            .map(m -> m.multiply(scale).setScale(2, RoundingMode.HALF_EVEN))
            .toList();
    BigDecimal size = minimums.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal earned =
        discountAt(size)
            .orElseThrow(
                () ->
                    new NuageException(
                        "contract "
                            + id
                            + " at x"
                            + scale.stripTrailingZeros().toPlainString()
                            + " commits "
                            + size.toPlainString()
                            + " in total, below its smallest discount tier ("
                            + discountTiers.getFirst().from().toPlainString()
                            + ")"));
    return withMinimums(minimums, earned);
  }

  /** The sum of all yearly minimums: the deal's headline value. */
  public BigDecimal totalCommitment() {
    return yearlyMinimums.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
