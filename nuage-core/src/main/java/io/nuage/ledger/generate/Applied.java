package io.nuage.ledger.generate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The {@code ContractApplied} cost generated so far per contract and 0-based contract year. */
final class Applied {
  private final Map<String, BigDecimal> cost = new HashMap<>();

  void add(String contract, int year, BigDecimal amount) {
    cost.merge(contract + "|" + year, amount, BigDecimal::add);
  }

  BigDecimal of(String contract, int year) {
    return cost.getOrDefault(contract + "|" + year, BigDecimal.ZERO);
  }
}
