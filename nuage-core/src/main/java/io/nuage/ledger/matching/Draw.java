package io.nuage.ledger.matching;

import io.nuage.contract.Contract;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one matched charge (or sum of charges, or ContractApplied element) draws from one contract.
 *
 * @param currency the charges' {@code BillingCurrency}: {@code amount}'s currency when it is money
 * @param amount in the contract's measure: money in {@code currency}, or GPU-hours for a
 *     reservation
 * @param year the contract year (1-based) the charge names by one of the contract's per-year
 *     commitment ids (docs/ledger-drawdown.md, section 3): a true-up or a late charge billed after
 *     its year belongs to that year; null: the year of {@code month}
 */
public record Draw(
    Contract contract,
    MatchRule rule,
    YearMonth month,
    String currency,
    BigDecimal amount,
    @Nullable Integer year) {
  public Draw {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amount, "amount");
  }

  /** A draw placed in the contract year of its month. */
  public Draw(
      Contract contract, MatchRule rule, YearMonth month, String currency, BigDecimal amount) {
    this(contract, rule, month, currency, amount, null);
  }
}
