package io.nuage.plan.replan;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far one provider's bills reach (docs/replan.md, "The as-of date"): {@code billedUntil} is the
 * latest {@code ChargePeriodEnd} of its daily (or hourly) usage rows, or of all its rows when it
 * has none (a provider billed monthly only); {@code months} are the months in which any of its rows
 * starts. A monthly row (storage, a fee) says nothing about the days of usage billed, so it never
 * moves {@code billedUntil} of a provider billed by the day.
 */
public record ProviderBills(
    String provider, LocalDateTime billedUntil, boolean daily, Set<YearMonth> months) {
  public ProviderBills {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(billedUntil, "billedUntil");
    months = Set.copyOf(new TreeSet<>(months));
  }

  /**
   * The months from {@code from} (or this provider's first month billed after it) to the month
   * before {@code firstOpen} in which none of its rows starts, except those {@code idle} says the
   * provider had nothing to bill in.
   */
  public List<YearMonth> missing(
      YearMonth from, YearMonth firstOpen, java.util.function.Predicate<YearMonth> idle) {
    YearMonth first = new TreeSet<>(months).ceiling(from);
    List<YearMonth> result = new ArrayList<>();
    if (first == null) return result;
    for (YearMonth m = first; m.isBefore(firstOpen); m = m.plusMonths(1)) {
      if (!months.contains(m) && !idle.test(m)) result.add(m);
    }
    return result;
  }
}
