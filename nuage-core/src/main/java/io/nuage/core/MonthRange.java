package io.nuage.core;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An inclusive range of calendar months: a scenario's horizon or a contract's term. Contract years
 * count from {@link #start()}: year 0 is the first twelve months.
 */
public record MonthRange(YearMonth start, YearMonth end) {
  public MonthRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "a range cannot end (" + end + ") before it starts (" + start + ")");
    }
  }

  public static MonthRange of(String start, String end) {
    return new MonthRange(YearMonth.parse(start), YearMonth.parse(end));
  }

  /** Number of months, both ends included. */
  public int length() {
    return (int) ChronoUnit.MONTHS.between(start, end) + 1;
  }

  public boolean contains(YearMonth month) {
    return !month.isBefore(start) && !month.isAfter(end);
  }

  public List<YearMonth> months() {
    return Stream.iterate(start, m -> !m.isAfter(end), m -> m.plusMonths(1)).toList();
  }

  /** 0-based index of a month in this range; the month must be inside it. */
  public int indexOf(YearMonth month) {
    if (!contains(month)) throw new IllegalArgumentException(month + " is outside " + this);
    return (int) ChronoUnit.MONTHS.between(start, month);
  }

  /** The 0-based contract year a month falls in, counting twelve months from the start. */
  public int yearOf(YearMonth month) {
    return indexOf(month) / 12;
  }

  /** Number of contract years, the last one possibly shorter than twelve months. */
  public int years() {
    return (length() + 11) / 12;
  }

  /** The months of contract year {@code year}, clipped to the range. */
  public MonthRange year(int year) {
    if (year < 0 || year >= years()) {
      throw new IllegalArgumentException("year " + year + " is outside 0.." + (years() - 1));
    }
    YearMonth from = start.plusMonths(12L * year);
    YearMonth to = from.plusMonths(11);
    return new MonthRange(from, to.isAfter(end) ? end : to);
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
