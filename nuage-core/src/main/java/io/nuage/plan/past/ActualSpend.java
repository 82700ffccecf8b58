package io.nuage.plan.past;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What one provider billed in one fixed month: Σ {@code BilledCost} of every charge category.
 *
 * @param provider the scenario's provider id, or the billing name of a provider it does not name
 */
public record ActualSpend(String provider, YearMonth month, BigDecimal amount) {
  public ActualSpend {
    Checks.id(provider, "actual spend provider");
    Objects.requireNonNull(month, "actual spend month");
    Objects.requireNonNull(amount, "actual spend amount");
  }
}
