package io.nuage.cli;

import io.nuage.catalog.Offering;
import java.math.RoundingMode;
import java.util.List;

/** Offerings as a table that fits in 100 columns. */
final class OfferingTable {
  static final int WIDTH = 100;
  private static final String ROW = "%-27s %-15s %-11s %10s %s%n";
  private static final int FIXED = 27 + 1 + 15 + 1 + 11 + 1 + 10 + 1;

  private OfferingTable() {}

  static String render(List<Offering> shown, int matching) {
    var sb = new StringBuilder();
    sb.append(String.format(ROW, "REGION", "ACCELERATOR", "PRICING", "$/GPU-H", "INSTANCE"));
    for (Offering o : shown) {
      sb.append(
          String.format(
              ROW,
              fit(o.region(), 27),
              fit(o.accelerator(), 15),
              o.pricing().label(),
              o.pricePerGpuHour().setScale(4, RoundingMode.HALF_EVEN).toPlainString(),
              fit(o.instanceType(), WIDTH - FIXED)));
    }
    sb.append(
        String.format(
            "%d of %d matching offerings; USD per GPU-hour, rounded to 4 decimals for display%n"
                + "(--format json or csv gives exact figures)%n",
            shown.size(), matching));
    return sb.toString();
  }

  /** Cuts text to {@code width} columns, marking the cut with {@code ~}. */
  static String fit(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }
}
