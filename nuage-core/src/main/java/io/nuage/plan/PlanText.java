package io.nuage.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** How money and quantities are written for people: {@code 1,234,567.89}. */
final class PlanText {
  private PlanText() {}

  static String money(BigDecimal v) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return f.format(v.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** Millions or billions with one decimal, for summaries: {@code $1.2B}. */
  static String short_(BigDecimal v) {
    double d = v.doubleValue();
    double a = Math.abs(d);
    if (a >= 1e9) return String.format(Locale.US, "$%.2fB", d / 1e9);
    if (a >= 1e6) return String.format(Locale.US, "$%.1fM", d / 1e6);
    return "$" + money(v);
  }

  /** The first five items in words, then how many more: for solver notes and errors. */
  static <T> String firstFew(List<T> items, Function<T, String> text) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(5, items.size()); i++) {
      if (i > 0) s.append("; ");
      s.append(text.apply(items.get(i)));
    }
    if (items.size() > 5) s.append("; and ").append(items.size() - 5).append(" more");
    return s.toString();
  }
}
