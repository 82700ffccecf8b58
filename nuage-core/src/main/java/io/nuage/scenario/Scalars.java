package io.nuage.scenario;

import io.nuage.contract.RateRule;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads months, exact decimal amounts, fractions, whole counts and booleans from scalar nodes. A
 * number is read from the text the user wrote (never through a binary double), with {@code _}
 * allowed between digits.
 */
final class Scalars {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(_\\d+)*(\\.\\d+(_\\d+)*)?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+(_\\d+)*");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

  private final NodeReader r;

  Scalars(NodeReader r) {
    this.r = r;
  }

  Optional<YearMonth> month(Node node, String path) {
    if (!(node instanceof ScalarNode s) || NodeReader.isNull(s))
      return r.wrong(node, path, "a month YYYY-MM");
    var m = MONTH.matcher(s.getValue().strip());
    if (!m.matches()) return r.wrong(node, path, "a month YYYY-MM");
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) {
      r.problem(
          node,
          path,
          "impossible month (got "
              + NodeReader.shorten(s.getValue())
              + ", expected YYYY-MM with a month 01 to 12)");
      return Optional.empty();
    }
    return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
  }

  Optional<BigDecimal> amount(Node node, String path) {
    return amount(node, path, false);
  }

  Optional<BigDecimal> amount(Node node, String path, boolean positive) {
    String expected = positive ? "an amount above 0" : "an amount of 0 or more";
    if (!(node instanceof ScalarNode s) || NodeReader.isNull(s))
      return r.wrong(node, path, expected);
    String raw = s.getValue().strip();
    if (!DECIMAL.matcher(raw).matches()) return r.wrong(node, path, expected + " such as 12.50");
    BigDecimal value = new BigDecimal(raw.replace("_", ""));
    if (value.signum() < 0 || (positive && value.signum() == 0)) {
      String what = value.signum() < 0 ? "negative amount" : "amount must be above 0";
      r.problem(
          node, path, what + " (got " + NodeReader.shorten(raw) + ", expected " + expected + ")");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  Optional<BigDecimal> fraction(Node node, String path) {
    String expected = "a fraction between 0 and 1";
    if (!(node instanceof ScalarNode s) || NodeReader.isNull(s))
      return r.wrong(node, path, expected);
    String raw = s.getValue().strip();
    if (!DECIMAL.matcher(raw).matches()) return r.wrong(node, path, expected + " such as 0.25");
    BigDecimal value = new BigDecimal(raw.replace("_", ""));
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      r.problem(
          node,
          path,
          "out of range (got " + NodeReader.shorten(raw) + ", expected " + expected + ")");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** A contract's rate (a discount or a price per GPU-hour), within {@link RateRule}. */
  Optional<BigDecimal> rate(Node node, String path, boolean isFraction) {
    Optional<BigDecimal> read = isFraction ? fraction(node, path) : amount(node, path);
    if (read.isEmpty()) return read;
    if (RateRule.holds(read.get())) return read;
    r.problem(
        node,
        path,
        "rate out of range (got "
            + NodeReader.shorten(((ScalarNode) node).getValue().strip())
            + ", expected "
            + (isFraction ? "a fraction between 0 and 1" : "an amount of 0 or more")
            + " with at most 9 decimal places"
            + (isFraction ? "" : ", below 1_000_000_000")
            + ")");
    return Optional.empty();
  }

  Optional<Integer> count(Node node, String path, boolean positive) {
    String expected = positive ? "a whole number above 0" : "a whole number of 0 or more";
    if (!(node instanceof ScalarNode s) || NodeReader.isNull(s))
      return r.wrong(node, path, expected);
    String raw = s.getValue().strip();
    if (!WHOLE.matcher(raw).matches()) return r.wrong(node, path, expected);
    BigDecimal value = new BigDecimal(raw.replace("_", ""));
    if (value.signum() < 0 || (positive && value.signum() == 0)) {
      String what = value.signum() < 0 ? "negative count" : "count must be above 0";
      r.problem(
          node, path, what + " (got " + NodeReader.shorten(raw) + ", expected " + expected + ")");
      return Optional.empty();
    }
    if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      r.problem(
          node,
          path,
          "too large (got " + NodeReader.shorten(raw) + ", expected at most 2147483647)");
      return Optional.empty();
    }
    return Optional.of(value.intValueExact());
  }

  Optional<Boolean> bool(Node node, String path) {
    if (node instanceof ScalarNode s && s.isPlain() && Tag.BOOL.equals(s.getTag())) {
      return Optional.of(
          Boolean.parseBoolean(s.getValue().strip().toLowerCase(java.util.Locale.ROOT)));
    }
    return r.wrong(node, path, "true or false");
  }
}
