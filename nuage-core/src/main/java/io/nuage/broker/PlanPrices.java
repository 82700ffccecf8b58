package io.nuage.broker;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The shadow prices a plan published in its {@code binding} list (docs/plan-json.md), read back by
 * constraint family, and the spend of each plan year they are relative to.
 *
 * @param capacity dollars per GPU-month, by {@code region|accelerator|YYYY-MM}
 * @param minimum dollars per dollar of a contract year's minimum, by {@code contract|year}
 * @param share dollars per point of a calendar year's spend, by {@code provider|year}
 * @param yearSpend the plan's total spend per calendar year (Σ {@code providers[].spend})
 */
public record PlanPrices(
    Map<String, BigDecimal> capacity,
    Map<String, BigDecimal> minimum,
    Map<String, BigDecimal> share,
    Map<Integer, BigDecimal> yearSpend) {
  public PlanPrices {
    capacity = Map.copyOf(capacity);
    minimum = Map.copyOf(minimum);
    share = Map.copyOf(share);
    yearSpend = Map.copyOf(yearSpend);
  }

  /**
   * Reads {@code binding} rows ({@code constraint}, {@code shadowPrice}); an unknown family is
   * ignored (the plan JSON may add families).
   *
   * @throws IllegalArgumentException naming the constraint when a known family's key is malformed
   */
  public static PlanPrices of(Map<String, BigDecimal> binding, Map<Integer, BigDecimal> yearSpend) {
    Map<String, BigDecimal> capacity = new HashMap<>();
    Map<String, BigDecimal> minimum = new HashMap<>();
    Map<String, BigDecimal> share = new HashMap<>();
    binding.forEach(
        (constraint, price) -> {
          int open = constraint.indexOf('[');
          if (open < 0 || !constraint.endsWith("]")) return;
          String family = constraint.substring(0, open);
          String[] key = constraint.substring(open + 1, constraint.length() - 1).split(",");
          switch (family) {
            case "capacity" -> {
              expect(constraint, key, 3);
              YearMonth.parse(key[2]);
              capacity.put(key[0] + "|" + key[1] + "|" + key[2], price);
            }
            case "minimum" -> {
              expect(constraint, key, 2);
              minimum.put(key[0] + "|" + Integer.parseInt(key[1]), price);
            }
            case "share" -> {
              expect(constraint, key, 2);
              share.put(key[0] + "|" + Integer.parseInt(key[1]), price);
            }
            default -> {}
          }
        });
    return new PlanPrices(capacity, minimum, share, yearSpend);
  }

  private static void expect(String constraint, String[] key, int parts) {
    if (key.length != parts)
      throw new IllegalArgumentException(
          "binding constraint " + constraint + ": expected " + parts + " keys in brackets");
  }

  /** Dollars one more GPU-month in that cell and month would save (0 when not binding). */
  public BigDecimal capacity(String region, String accelerator, YearMonth month) {
    return capacity.getOrDefault(region + "|" + accelerator + "|" + month, BigDecimal.ZERO);
  }

  /** Dollars a dollar less of that contract year's minimum would save (0 when not binding). */
  public BigDecimal minimum(String contract, int year) {
    return minimum.getOrDefault(contract + "|" + year, BigDecimal.ZERO);
  }

  /**
   * The share rows' dual per dollar of spend: a point is a hundredth of the year's spend, so the
   * dual of {@code spend_p - cap x total <= 0} is {@code shadowPrice / (0.01 x total)}.
   */
  public BigDecimal sharePerDollar(String provider, int year) {
    BigDecimal perPoint = share.get(provider + "|" + year);
    BigDecimal total = yearSpend.get(year);
    if (perPoint == null || total == null || total.signum() == 0) return BigDecimal.ZERO;
    return perPoint.divide(total.movePointLeft(2), MathContext.DECIMAL64);
  }

  /** Providers with a binding share row in {@code year}. */
  public java.util.List<String> sharedProviders(int year) {
    return share.keySet().stream()
        .filter(k -> k.endsWith("|" + year))
        .map(k -> k.substring(0, k.indexOf('|')))
        .sorted()
        .toList();
  }
}
