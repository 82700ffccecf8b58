package io.nuage.ledger.currency;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * One figure's sums, kept per currency and month so that nothing is ever added across currencies;
 * {@link CurrencyConverter#total} turns them into the scenario's currency.
 */
public final class CurrencySums {
  record Key(String currency, YearMonth month) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = currency.compareTo(o.currency);
      return c != 0 ? c : month.compareTo(o.month);
    }
  }

  private final Map<Key, BigDecimal> sums = new TreeMap<>();

  /** Adds {@code amount} in {@code currency}, charged in {@code month}. */
  public CurrencySums add(String currency, YearMonth month, BigDecimal amount) {
    sums.merge(new Key(currency, month), amount, BigDecimal::add);
    return this;
  }

  /** Adds every sum of {@code other}. */
  public CurrencySums addAll(CurrencySums other) {
    other.sums.forEach((k, v) -> sums.merge(k, v, BigDecimal::add));
    return this;
  }

  Map<Key, BigDecimal> byCurrencyMonth() {
    return sums;
  }

  public boolean isEmpty() {
    return sums.isEmpty();
  }
}
