package io.nuage.ledger.currency;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One currency's billed amount in one month, converted into the scenario's currency: what every
 * ledger answer shows about its conversions.
 *
 * @param amount {@code Σ BilledCost} of the charges in {@code currency} that month, exact
 * @param rate units of the scenario's currency per one unit of {@code currency}
 * @param converted {@code amount × rate}, rounded to the cent half-even
 */
public record Conversion(
    String currency, YearMonth month, BigDecimal amount, BigDecimal rate, BigDecimal converted) {
  public Conversion {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(converted, "converted");
  }
}
