package io.nuage.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Planned against actual for one provider and month (docs/ledger-drawdown.md, section 8).
 *
 * @param plannedParts what the plan bills, by part; {@code plannedSpend} is their total
 * @param spendVariance {@code actualSpend - plannedSpend}
 * @param spendVarianceRatio {@code spendVariance / plannedSpend}, 4 decimals; null when nothing was
 *     planned
 */
public record PlanVariance(
    String provider,
    YearMonth month,
    PlannedParts plannedParts,
    BigDecimal plannedSpend,
    BigDecimal actualSpend,
    BigDecimal spendVariance,
    @Nullable BigDecimal spendVarianceRatio,
    BigDecimal plannedGpuHours,
    BigDecimal actualGpuHours,
    BigDecimal gpuHoursVariance,
    @Nullable BigDecimal gpuHoursVarianceRatio) {
  public PlanVariance {
    if (plannedParts.total().compareTo(plannedSpend) != 0)
      throw new IllegalArgumentException(
          "plannedSpend "
              + plannedSpend.toPlainString()
              + " is not the sum of its parts "
              + plannedParts.total().toPlainString());
  }

  /** One line per provider and month present in the plan or in the ledger. */
  public static List<PlanVariance> compare(List<PlannedUsage> plan, List<MonthlySpend> actual) {
    record Key(String provider, YearMonth month) {}
    Comparator<Key> order = Comparator.comparing(Key::provider).thenComparing(Key::month);
    Map<Key, BigDecimal[]> sums = new TreeMap<>(order);
    Map<Key, PlannedParts> parts = new TreeMap<>(order);
    for (PlannedUsage p : plan) {
      Key key = new Key(p.provider(), p.month());
      BigDecimal[] s = sums.computeIfAbsent(key, k -> zeros());
      s[0] = s[0].add(p.spend());
      s[2] = s[2].add(p.gpuHours());
      parts.merge(key, p.parts(), PlannedParts::plus);
    }
    for (MonthlySpend a : actual) {
      BigDecimal[] s = sums.computeIfAbsent(new Key(a.provider(), a.month()), k -> zeros());
      s[1] = s[1].add(a.billed());
      s[3] = s[3].add(a.gpuHours());
    }
    List<PlanVariance> lines = new ArrayList<>();
    sums.forEach(
        (k, s) ->
            lines.add(
                new PlanVariance(
                    k.provider(),
                    k.month(),
                    parts.getOrDefault(k, PlannedParts.ZERO),
                    s[0],
                    s[1],
                    s[1].subtract(s[0]),
                    ratio(s[1].subtract(s[0]), s[0]),
                    s[2],
                    s[3],
                    s[3].subtract(s[2]),
                    ratio(s[3].subtract(s[2]), s[2]))));
    return lines;
  }

  /**
   * How far each provider's bills of the month {@code asOf} cuts reach (docs/ledger-drawdown.md,
   * section 8): the latest end of its GPU usage charges that start in that month before {@code
   * asOf}, at least {@code asOf} and at most the month's end. Daily GPU bills reach {@code asOf}; a
   * monthly GPU line that starts on the 1st covers its month. Only GPU usage tells: storage is
   * monthly in every bill (and in the plan's), and a purchase's period may run a year ahead. Empty
   * when {@code asOf} is a 1st (no month is cut).
   */
  public static Map<String, LocalDateTime> reach(
      List<ChargeSum> charges, BillingProviders names, LocalDate asOf) {
    Map<String, LocalDateTime> out = new TreeMap<>();
    YearMonth cut = YearMonth.from(asOf);
    if (asOf.getDayOfMonth() == 1) return out;
    LocalDateTime end = cut.plusMonths(1).atDay(1).atStartOfDay();
    for (ChargeSum c : charges) {
      if (!"Usage".equals(c.chargeCategory())
          || c.gpuHours().signum() <= 0
          || !YearMonth.from(c.from()).equals(cut)
          || !c.from().isBefore(asOf)) continue;
      LocalDateTime to = c.lastEnd().isAfter(end) ? end : c.lastEnd();
      out.merge(names.resolve(c.providerName()), to, (a, b) -> a.isAfter(b) ? a : b);
    }
    out.replaceAll((p, to) -> to.isBefore(asOf.atStartOfDay()) ? asOf.atStartOfDay() : to);
    return out;
  }

  /** Whether {@code asOf} cuts {@code month}: its actual covers only the days before it. */
  public static boolean isPartial(YearMonth month, LocalDate asOf) {
    return month.atDay(1).isBefore(asOf) && asOf.isBefore(month.plusMonths(1).atDay(1));
  }

  private static BigDecimal[] zeros() {
    return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
  }

  private static @Nullable BigDecimal ratio(BigDecimal variance, BigDecimal planned) {
    return planned.signum() == 0 ? null : variance.divide(planned, 4, RoundingMode.HALF_EVEN);
  }
}
