package io.nuage.ledger.matching;

import io.nuage.contract.Contract;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What one matched charge (or sum of charges, or ContractApplied element) draws from one contract.
 *
 * @param currency the charges' {@code BillingCurrency}: {@code amount}'s currency when it is money
 * @param amount in the contract's measure: money in {@code currency}, or GPU-hours for a
 *     reservation
 */
public record Draw(
    Contract contract, MatchRule rule, YearMonth month, String currency, BigDecimal amount) {
  public Draw {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amount, "amount");
  }
}
