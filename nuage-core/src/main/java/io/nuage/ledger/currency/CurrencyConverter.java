package io.nuage.ledger.currency;

import io.nuage.scenario.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Converts per-currency, per-month sums into the scenario's currency (docs/ledger-drawdown.md,
 * section 2): a sum in the scenario's currency is used exactly; a sum {@code S} in currency {@code
 * X}, month {@code m}, becomes {@code round(S × r(X, m), 2)} half-even, the product exact.
 */
public final class CurrencyConverter {
  private final Currencies currencies;

  public CurrencyConverter(Currencies currencies) {
    this.currencies = currencies;
  }

  public String currency() {
    return currencies.currency();
  }

  /**
   * Refuses (exit 2) when a currency other than the scenario's has no rate in one of {@code
   * charged}'s months; names every such currency with its months.
   *
   * @param charged the currencies and months charges were billed in
   */
  public void requireRates(String scenarioFile, CurrencySums charged) {
    Map<String, SortedSet<YearMonth>> missing = new TreeMap<>();
    for (CurrencySums.Key k : charged.byCurrencyMonth().keySet()) {
      if (currencies.rate(k.currency(), k.month()).isEmpty())
        missing.computeIfAbsent(k.currency(), c -> new TreeSet<>()).add(k.month());
    }
    if (!missing.isEmpty())
      throw MissingExchangeRates.of(scenarioFile, currencies.currency(), missing);
  }

  /** The sum of the converted currency-month sums of one figure. */
  public BigDecimal total(CurrencySums sums) {
    BigDecimal total = BigDecimal.ZERO;
    for (var e : sums.byCurrencyMonth().entrySet())
      total = total.add(convert(e.getKey().currency(), e.getKey().month(), e.getValue()));
    return total;
  }

  /** One currency-month sum in the scenario's currency. */
  public BigDecimal convert(String currency, YearMonth month, BigDecimal amount) {
    if (currency.equals(currencies.currency())) return amount;
    BigDecimal rate =
        currencies
            .rate(currency, month)
            .orElseThrow(
                () -> new IllegalStateException("no rate for " + currency + " in " + month));
    return amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** The conversions of {@code billed}: one per foreign currency and month, in that order. */
  public List<Conversion> conversions(CurrencySums billed) {
    List<Conversion> out = new ArrayList<>();
    for (var e : billed.byCurrencyMonth().entrySet()) {
      String c = e.getKey().currency();
      if (c.equals(currencies.currency())) continue;
      YearMonth m = e.getKey().month();
      out.add(
          new Conversion(
              c,
              m,
              e.getValue(),
              currencies.rate(c, m).orElseThrow(),
              convert(c, m, e.getValue())));
    }
    return out;
  }
}
