package io.nuage.contract;

import io.nuage.core.Checks;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;
import java.util.List;

/**
 * A committed-spend deal: spend with the provider during each contract year counts towards that
 * year's minimum; consumption is priced at list less {@code discount}. Under take-or-pay the unmet
 * part of a year's minimum (the shortfall) is paid anyway.
 *
 * @param yearlyMinimums one minimum per contract year (counted from the term's start), exact USD;
 *     the list may ramp
 * @param discount fraction off list price, in [0, 1]
 */
public record CommittedSpend(
    String id,
    String provider,
    MonthRange term,
    List<BigDecimal> yearlyMinimums,
    BigDecimal discount,
    boolean takeOrPay)
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
  }

  /** The sum of all yearly minimums: the deal's headline value. */
  public BigDecimal totalCommitment() {
    return yearlyMinimums.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
