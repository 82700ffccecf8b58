package io.nuage.ledger.generate;

import io.nuage.core.NuageException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code --drift KIND[:PROVIDER]=PERCENT[@YYYY-MM]} value; every refusal names the value
 * and what was expected (docs/billing-from-plan.md, "Drift").
 */
public final class DriftParser {
  private static final Pattern SHAPE =
      Pattern.compile("([A-Za-z-]+)(?::([^=@\\s]+))?=([^@\\s]+)(?:@(\\S+))?");
  private static final Pattern PERCENT = Pattern.compile("([+-]?)(\\d+(?:\\.(\\d+))?)%");
  private static final String SYNTAX =
      "expected KIND[:PROVIDER]=PERCENT[@YYYY-MM], e.g. demand=+15%@2027-04 or overbill:azure=+2%";

  private static final BigDecimal MAX = BigDecimal.valueOf(1000);

  private DriftParser() {}

  /**
   * @param providers the scenario's provider ids
   * @param first the plan's first month
   * @param until the last billed month
   */
  public static Drift parse(
      String spec, Collection<String> providers, YearMonth first, YearMonth until) {
    Matcher m = SHAPE.matcher(spec.strip());
    if (!m.matches()) throw bad(spec, SYNTAX);
    String kind = m.group(1);
    String provider = m.group(2);
    if (provider != null && !providers.contains(provider)) {
      throw bad(
          spec,
          "unknown provider '"
              + provider
              + "' (expected one of "
              + String.join(", ", new TreeSet<>(providers))
              + ")");
    }
    BigDecimal percent = percent(spec, m.group(3));
    YearMonth from = month(spec, m.group(4), first, until);
    return switch (kind) {
      case "demand" -> {
        above(spec, percent, -100, " would leave no demand (expected above -100%)");
        yield new Drift.Demand(provider, percent, from, spec);
      }
      case "price" -> {
        above(spec, percent, -100, " would make the price nil (expected above -100%)");
        yield new Drift.Price(provider, percent, from, spec);
      }
      case "overbill" -> {
        if (percent.signum() <= 0)
          throw bad(
              spec,
              "an overbill is billed above the contract (got "
                  + percent.toPlainString()
                  + "%, expected above 0%)");
        yield new Drift.Overbill(provider, percent, from, spec);
      }
      default ->
          throw bad(spec, "unknown kind '" + kind + "' (expected demand, price or overbill)");
    };
  }

  private static BigDecimal percent(String spec, String text) {
    Matcher p = PERCENT.matcher(text);
    if (!p.matches()) {
      throw bad(
          spec,
          "'"
              + text
              + "' is not a percentage (expected a signed decimal with a % sign, e.g. +15% or"
              + " -7.5%)");
    }
    if (p.group(3) != null && p.group(3).length() > 2) {
      throw bad(
          spec, "'" + text + "' has more than two decimal places (expected e.g. +2.5% or +0.25%)");
    }
    BigDecimal v = new BigDecimal(p.group(2));
    // a bill ten times its plan is already far outside any drift worth showing; beyond, GPU-hours
    // in thousandths would outgrow a long
    if (!p.group(1).equals("-") && v.compareTo(MAX) > 0) {
      throw bad(
          spec,
          "'"
              + text
              + "' is too large (expected at most +"
              + MAX.toPlainString()
              + "%: a drift is -100% < P <= +1000%)");
    }
    return p.group(1).equals("-") ? v.negate() : v;
  }

  private static YearMonth month(
      String spec, @Nullable String text, YearMonth first, YearMonth until) {
    if (text == null) return first;
    YearMonth from;
    try {
      from = YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw bad(spec, "'" + text + "' is not a month (expected YYYY-MM, e.g. 2027-04)");
    }
    if (from.isAfter(until)) {
      throw bad(spec, from + " is after --until " + until + " (the drift would change nothing)");
    }
    if (from.isBefore(first)) {
      throw bad(
          spec,
          from
              + " is before the plan's first month "
              + first
              + " (expected "
              + first
              + " to "
              + until
              + ", or no @month for the whole plan)");
    }
    return from;
  }

  private static void above(String spec, BigDecimal percent, int floor, String why) {
    if (percent.compareTo(BigDecimal.valueOf(floor)) <= 0) {
      throw bad(spec, percent.toPlainString() + "%" + why);
    }
  }

  private static NuageException bad(String spec, String why) {
    return new NuageException("--drift '" + spec + "': " + why);
  }
}
