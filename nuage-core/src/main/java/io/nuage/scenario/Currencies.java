package io.nuage.scenario;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario's currency (every amount of the scenario, every ledger figure) and the rates that
 * convert bills in other currencies into it (docs/ledger-drawdown.md, section 2).
 *
 * @param currency an ISO 4217 code, {@code USD} by default
 * @param exchangeRates at most one per currency and month, none for {@code currency} itself
 */
public record Currencies(String currency, List<ExchangeRate> exchangeRates) {
  /** US dollars, no rates: a scenario that says nothing about currencies. */
  public static final Currencies USD = new Currencies("USD", List.of());

  public Currencies {
    checkCode(currency, "currency");
    exchangeRates = List.copyOf(exchangeRates);
    Map<String, ExchangeRate> seen = new HashMap<>();
    for (ExchangeRate r : exchangeRates) {
      if (r.currency().equals(currency))
        throw new IllegalArgumentException(
            "exchange rate for the scenario's own currency " + currency + " (expected none)");
      if (seen.put(r.currency() + " " + r.month(), r) != null)
        throw new IllegalArgumentException(
            "two exchange rates for " + r.currency() + " in " + r.month() + " (expected one)");
    }
  }

  /** The rate of {@code code} in {@code month}: 1 for the scenario's own currency. */
  public Optional<BigDecimal> rate(String code, YearMonth month) {
    if (code.equals(currency)) return Optional.of(BigDecimal.ONE);
    return exchangeRates.stream()
        .filter(r -> r.currency().equals(code) && r.month().equals(month))
        .map(ExchangeRate::rate)
        .findFirst();
  }

  /** Whether ISO 4217 knows {@code code} (three capital letters, e.g. USD, EUR, JPY). */
  public static boolean isCode(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) return false;
    try {
      java.util.Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static String checkCode(String code, String field) {
    if (!isCode(code))
      throw new IllegalArgumentException(
          field + ": not an ISO 4217 currency code (got " + code + ", expected e.g. USD)");
    return code;
  }
}
