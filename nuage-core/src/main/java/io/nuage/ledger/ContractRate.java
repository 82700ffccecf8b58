package io.nuage.ledger;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.RateCard;
import io.nuage.contract.RateRule;
import io.nuage.contract.ReservedCapacity;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A contracted price a billed row is reconciled against (docs/ledger-drawdown.md, section 7):
 * either a discount on list price or a fixed price per GPU-hour. When several rates cover a row the
 * lowest {@code priority} wins: a reservation matched by commitment discount id, then the
 * committed-spend deal, then the rate card. A row no rate covers is expected at list price.
 *
 * @param commitmentDiscountId when set, the rate only covers rows with this id
 */
public record ContractRate(
    String contract,
    String provider,
    LocalDate from,
    LocalDate to,
    @Nullable String commitmentDiscountId,
    int priority,
    @Nullable BigDecimal discount,
    @Nullable BigDecimal pricePerHour) {
  /** Excess above which a row is flagged: half a cent, the provider's own rounding is not. */
  public static final BigDecimal TOLERANCE = new BigDecimal("0.005");

  public ContractRate {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(provider, "provider");
    if ((discount == null) == (pricePerHour == null)) {
      throw new IllegalArgumentException(
          "rate of " + contract + " needs exactly one of discount and pricePerHour");
    }
    BigDecimal factor = discount != null ? BigDecimal.ONE.subtract(discount) : pricePerHour;
    if (!RateRule.holds(factor)) {
      throw new IllegalArgumentException(
          "rate of "
              + contract
              + " must be at least 0, below 10^9 and have at most 9 decimal places (got "
              + factor.toPlainString()
              + ")");
    }
  }

  /**
   * What the row's base is multiplied by: one minus the discount (of the list cost), or the price
   * per hour (of the hours).
   */
  public BigDecimal factor() {
    return discount != null
        ? BigDecimal.ONE.subtract(discount)
        : Objects.requireNonNull(pricePerHour);
  }

  /** The rates of a scenario's contracts, lowest priority first. */
  public static List<ContractRate> of(Scenario scenario) {
    List<ContractRate> rates = new ArrayList<>();
    for (Contract k : scenario.contracts()) {
      LocalDate from = k.term().start().atDay(1);
      LocalDate to = k.term().end().plusMonths(1).atDay(1);
      switch (k) {
        case ReservedCapacity r -> {
          // the rows the provider applied to it: by its id, or by a commitment id its bills carry
          var ids = new java.util.LinkedHashSet<String>();
          ids.add(r.id());
          ids.addAll(scenario.billingOf(r.id()).commitmentIds());
          for (String id : ids)
            rates.add(
                new ContractRate(r.id(), r.provider(), from, to, id, 0, null, r.pricePerGpuHour()));
        }
        case CommittedSpend c ->
            rates.add(
                new ContractRate(c.id(), c.provider(), from, to, null, 1, c.discount(), null));
        case RateCard c ->
            rates.add(
                new ContractRate(c.id(), c.provider(), from, to, null, 2, c.discount(), null));
        default -> {}
      }
    }
    rates.sort(java.util.Comparator.comparingInt(ContractRate::priority));
    return rates;
  }

  /**
   * The cost a row should have been billed at this rate, or null when the rate cannot price it (a
   * per-hour rate on a row not priced in hours).
   */
  public @Nullable BigDecimal expected(
      BigDecimal listCost, @Nullable BigDecimal pricingQuantity, @Nullable String pricingUnit) {
    if (discount != null) return listCost.multiply(BigDecimal.ONE.subtract(discount));
    if (pricingQuantity == null || !isHours(pricingUnit)) return null;
    return pricingQuantity.multiply(Objects.requireNonNull(pricePerHour));
  }

  /** Whether a billed amount is above the expected one by more than the tolerance. */
  public static boolean overbilled(BigDecimal billed, BigDecimal expected) {
    return billed.subtract(expected).compareTo(TOLERANCE) > 0;
  }

  static boolean isHours(@Nullable String unit) {
    return unit != null && unit.toLowerCase(Locale.ROOT).contains("hour");
  }
}
