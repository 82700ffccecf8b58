package io.nuage.scenario;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code currency} and {@code exchange-rates} (docs/scenario.md, "Currencies"). */
final class CurrencySection {
  private CurrencySection() {}

  static Optional<Currencies> read(NodeReader r, Fields top) {
    Optional<String> currency =
        top.optional("currency", r.text, "USD").flatMap(c -> code(r, top, "currency", c));
    Optional<List<Node>> items = top.optional("exchange-rates", r.list, List.of());
    if (items.isEmpty()) return Optional.empty();
    List<ExchangeRate> rates = new ArrayList<>();
    Map<String, String> firstAt = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < items.get().size(); i++) {
      String at = "exchange-rates[" + i + "]";
      Optional<ExchangeRate> rate =
          r.mapping(items.get().get(i), at).flatMap(f -> one(r, f, currency, firstAt));
      rate.ifPresent(rates::add);
      ok &= rate.isPresent();
    }
    if (!ok || currency.isEmpty()) return Optional.empty();
    return Optional.of(new Currencies(currency.get(), rates));
  }

  private static Optional<ExchangeRate> one(
      NodeReader r, Fields f, Optional<String> scenarioCurrency, Map<String, String> firstAt) {
    f.allowOnly(List.of("currency", "month", "rate"));
    Optional<String> currency =
        f.required("currency", r.text).flatMap(c -> code(r, f, "currency", c));
    Optional<YearMonth> month = f.required("month", r.month);
    Optional<BigDecimal> rate = f.required("rate", r.rateAmount).flatMap(x -> positive(r, f, x));
    if (currency.isPresent() && currency.equals(scenarioCurrency)) {
      r.problem(
          f.node("currency").orElseThrow(),
          f.pathOf("currency"),
          "the scenario's own currency (got "
              + currency.get()
              + ", expected another currency: "
              + currency.get()
              + " amounts are used as they are)");
      return Optional.empty();
    }
    if (currency.isEmpty() || month.isEmpty() || rate.isEmpty()) return Optional.empty();
    Node at = f.node("month").orElseThrow();
    String first = firstAt.putIfAbsent(currency.get() + " " + month.get(), r.where(at));
    if (first != null) {
      r.problem(
          at,
          f.pathOf("month"),
          "duplicate exchange rate (got "
              + currency.get()
              + " "
              + month.get()
              + " again, expected one rate per currency and month; first at "
              + first
              + ")");
      return Optional.empty();
    }
    return Optional.of(new ExchangeRate(currency.get(), month.get(), rate.get()));
  }

  private static Optional<String> code(NodeReader r, Fields f, String key, String code) {
    if (Currencies.isCode(code)) return Optional.of(code);
    r.problem(
        f.node(key).orElseThrow(),
        f.pathOf(key),
        "unknown currency code (got "
            + NodeReader.shorten(code)
            + ", expected an ISO 4217 code such as USD, EUR or JPY)");
    return Optional.empty();
  }

  private static Optional<BigDecimal> positive(NodeReader r, Fields f, BigDecimal rate) {
    if (rate.signum() > 0) return Optional.of(rate);
    r.problem(
        f.node("rate").orElseThrow(),
        f.pathOf("rate"),
        "rate must be above 0 (got "
            + rate.toPlainString()
            + ", expected units of the scenario's currency per one unit of the currency)");
    return Optional.empty();
  }
}
