package io.nuage.ledger.currency;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The ledger holds charges in a currency the scenario has no rate for in their month: it refuses to
 * mix them rather than guess (docs/ledger-drawdown.md, section 2). Bad input: exit 2, HTTP 422.
 */
public final class MissingExchangeRates {
  private MissingExchangeRates() {}

  /**
   * The refusal, one problem per currency, located at the scenario file's {@code exchange-rates}.
   *
   * @param scenarioFile the scenario as the user named it
   * @param missing the months lacking a rate, per currency
   */
  public static ValidationException of(
      String scenarioFile, String scenarioCurrency, Map<String, SortedSet<YearMonth>> missing) {
    List<Problem> problems =
        missing.entrySet().stream()
            .map(
                e ->
                    new Problem(
                        scenarioFile,
                        0,
                        0,
                        "exchange-rates",
                        "no rate for "
                            + e.getKey()
                            + " in "
                            + e.getValue().stream()
                                .map(YearMonth::toString)
                                .collect(Collectors.joining(", "))
                            + " (the ledger holds "
                            + e.getKey()
                            + " charges in "
                            + (e.getValue().size() == 1 ? "that month" : "those months")
                            + "; add e.g. {currency: "
                            + e.getKey()
                            + ", month: "
                            + e.getValue().first()
                            + ", rate: R}, R in "
                            + scenarioCurrency
                            + " per "
                            + e.getKey()
                            + ")"))
            .toList();
    return new ValidationException(problems);
  }
}
