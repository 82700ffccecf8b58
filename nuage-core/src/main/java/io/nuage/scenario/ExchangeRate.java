package io.nuage.scenario;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Units of the scenario's currency per one unit of {@code currency}, for charges whose {@code
 * ChargePeriodStart} falls in {@code month} (UTC).
 *
 * @param currency an ISO 4217 code
 */
public record ExchangeRate(String currency, YearMonth month, BigDecimal rate) {
  public ExchangeRate {
    Currencies.checkCode(currency, "exchangeRate.currency");
    Objects.requireNonNull(month, "month");
    Checks.positive(rate, "exchangeRate.rate");
  }
}
