package io.nuage.ledger.matching;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much one rule drew from one contract, in the contract's measure (money in the scenario's
 * currency, GPU-hours for a reservation).
 */
public record MatchedAmount(MatchRule rule, BigDecimal amount) {
  public MatchedAmount {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(amount, "amount");
  }
}
