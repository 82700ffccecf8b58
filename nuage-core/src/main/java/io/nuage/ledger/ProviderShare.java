package io.nuage.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A provider's share of a calendar year's billed spend against the policy cap.
 *
 * @param share {@code billed / total billed of the year}, 4 decimals half-even (0 when the total is
 *     not positive)
 * @param over whether the share is strictly above the cap
 */
public record ProviderShare(
    String provider, int year, BigDecimal billed, BigDecimal share, BigDecimal cap, boolean over) {

  /** Shares per calendar year from monthly spend; {@code cap} gives each provider's cap. */
  public static List<ProviderShare> of(List<MonthlySpend> spend, Function<String, BigDecimal> cap) {
    Map<Integer, Map<String, BigDecimal>> byYear = new TreeMap<>();
    for (MonthlySpend s : spend) {
      byYear
          .computeIfAbsent(s.month().getYear(), y -> new TreeMap<>())
          .merge(s.provider(), s.billed(), BigDecimal::add);
    }
    List<ProviderShare> shares = new ArrayList<>();
    byYear.forEach(
        (year, providers) -> {
          BigDecimal total = providers.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          providers.forEach(
              (provider, billed) -> {
                BigDecimal share =
                    total.signum() > 0
                        ? billed.divide(total, 4, RoundingMode.HALF_EVEN)
                        : BigDecimal.ZERO.setScale(4);
                BigDecimal c = cap.apply(provider);
                shares.add(
                    new ProviderShare(provider, year, billed, share, c, share.compareTo(c) > 0));
              });
        });
    return shares;
  }
}
