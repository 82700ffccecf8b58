package io.nuage.scenario;

import io.nuage.core.MonthRange;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads an inference fleet's GPU-hours per month, written either as compounded monthly growth or
 * month by month. Every month must lie inside the scenario's horizon.
 */
final class DemandCurve {
  private DemandCurve() {}

  static Optional<SortedMap<YearMonth, BigDecimal>> read(
      NodeReader r, Fields f, MonthRange horizon) {
    f.allowOnly(List.of("from", "initial", "monthly-growth", "until", "by-month"));
    if (f.has("by-month")) {
      if (f.has("from") || f.has("initial") || f.has("monthly-growth") || f.has("until")) {
        r.problem(
            f.node(),
            f.path(),
            "two forms at once (got by-month and growth fields, expected either by-month or from/initial/monthly-growth)");
        return Optional.empty();
      }
      return f.required("by-month", r.mapping).flatMap(m -> byMonth(r, m, horizon));
    }
    if (!f.requireOneOf("by-month", "from")) return Optional.empty();
    Optional<YearMonth> from =
        f.required("from", r.month).flatMap(m -> inside(r, f, "from", m, horizon));
    Optional<BigDecimal> initial = f.required("initial", r.amount);
    Optional<BigDecimal> growth = f.optional("monthly-growth", r.fraction, BigDecimal.ZERO);
    Optional<YearMonth> until =
        f.optional("until", r.month, horizon.end()).flatMap(m -> inside(r, f, "until", m, horizon));
    if (from.isEmpty() || initial.isEmpty() || growth.isEmpty() || until.isEmpty())
      return Optional.empty();
    if (until.get().isBefore(from.get())) {
      r.problem(
          f.node("until").orElseThrow(),
          f.pathOf("until"),
          "ends before it starts (got " + until.get() + ", expected " + from.get() + " or later)");
      return Optional.empty();
    }
    // Without a usable horizon (already reported) a curve without `until` has no end: stop at
    // its first month rather than compound it up to the year 9999.
    YearMonth last =
        !f.has("until") && horizon.equals(ScenarioParser.ANY_TIME) ? from.get() : until.get();
    var hours = new TreeMap<YearMonth, BigDecimal>();
    BigDecimal factor = BigDecimal.ONE.add(growth.get());
    BigDecimal exact = initial.get();
    // Compound on the unrounded value so rounding never accumulates; report whole GPU-hours.
    for (YearMonth m = from.get(); !m.isAfter(last); m = m.plusMonths(1)) {
      hours.put(m, exact.setScale(0, RoundingMode.HALF_EVEN));
      exact = exact.multiply(factor, MathContext.DECIMAL128);
    }
    return Optional.of(hours);
  }

  private static Optional<YearMonth> inside(
      NodeReader r, Fields f, String key, YearMonth month, MonthRange horizon) {
    if (horizon.contains(month)) return Optional.of(month);
    r.problem(
        f.node(key).orElseThrow(),
        f.pathOf(key),
        "month outside the horizon (got "
            + month
            + ", expected "
            + horizon.start()
            + " to "
            + horizon.end()
            + ")");
    return Optional.empty();
  }

  private static Optional<SortedMap<YearMonth, BigDecimal>> byMonth(
      NodeReader r, Fields m, MonthRange horizon) {
    var hours = new TreeMap<YearMonth, BigDecimal>();
    boolean ok = true;
    for (String key : m.keys()) {
      Node keyNode = m.keyNode(key);
      Optional<YearMonth> month =
          r.month.read(keyNode, m.pathOf(key)).flatMap(x -> inside(r, m, key, x, horizon));
      Optional<BigDecimal> value = m.required(key, r.amount);
      if (month.isPresent() && value.isPresent()) hours.put(month.get(), value.get());
      else ok = false;
    }
    return ok ? Optional.of(hours) : Optional.empty();
  }
}
