package io.nuage.ledger.generate;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How long the charge periods of GPU and reservation rows are: a UTC day, or the month. */
public enum ChargePeriod {
  DAY,
  MONTH;

  /** One period: {@code [start, end)} in UTC, {@code hours} long. */
  record Period(LocalDateTime start, LocalDateTime end, long hours) {}

  /** The periods of a month, in order. */
  List<Period> periods(YearMonth month) {
    LocalDateTime first = month.atDay(1).atStartOfDay();
    if (this == MONTH) return List.of(monthPeriod(month));
    List<Period> out = new ArrayList<>(month.lengthOfMonth());
    for (int d = 0; d < month.lengthOfMonth(); d++) {
      out.add(new Period(first.plusDays(d), first.plusDays(d + 1L), 24));
    }
    return out;
  }

  /** The whole month as one period. */
  static Period monthPeriod(YearMonth month) {
    return new Period(
        month.atDay(1).atStartOfDay(),
        month.plusMonths(1).atDay(1).atStartOfDay(),
        24L * month.lengthOfMonth());
  }

  /** The option's spelling: {@code day}, {@code month}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
