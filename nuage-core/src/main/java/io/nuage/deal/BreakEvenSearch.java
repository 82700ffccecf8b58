package io.nuage.deal;

import io.nuage.risk.Future;
import io.nuage.risk.FuturePool;
import io.nuage.risk.Served;
import io.nuage.risk.WhatIf;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the break-even demand by bisection on re-plans of the scenario as written (docs/deals.md
 * section 3): each level {@code λ} serves the scenario with every fleet's demand times {@code λ}
 * twice, with the deal and without it, on the pool (two threads: both at once).
 */
public final class BreakEvenSearch {
  static final BigDecimal START_LOW = new BigDecimal("0.05");
  static final BigDecimal START_HIGH = new BigDecimal("4");
  static final BigDecimal LOWEST = new BigDecimal("0.001");
  static final BigDecimal HIGHEST = new BigDecimal("64");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final Scenario signed;
  private final Scenario none;
  private final FuturePool pool;
  private final BigDecimal tolerance;
  private int replans;

  /**
   * @param signed the scenario with the deal as written
   * @param none the scenario without it
   * @param pool serves the two re-plans of each level (its recourse: the exact MIP)
   * @param tolerance the bracket's width at which the search stops, above 0
   */
  public BreakEvenSearch(Scenario signed, Scenario none, FuturePool pool, BigDecimal tolerance) {
    if (tolerance.signum() <= 0)
      throw new IllegalArgumentException("the break-even tolerance must be above 0");
    this.signed = signed;
    this.none = none;
    this.pool = pool;
    this.tolerance = tolerance;
  }

  public BreakEven run() {
    BigDecimal low = START_LOW;
    BigDecimal high = START_HIGH;
    BigDecimal gLow = extra(low);
    BigDecimal gHigh = extra(high);
    // the deal dearer at the low end and not at the high end is the usual shape; the bracket widens
    // towards the side that has not changed sign yet, and keeps every level tried in its ends
    while (dearer(gLow) == dearer(gHigh)) {
      boolean down = !dearer(gLow); // cheaper at both ends: look lower for the shortfall
      if (down && low.compareTo(LOWEST) > 0) {
        BigDecimal next = low.divide(TWO).max(LOWEST);
        BigDecimal g = extra(next);
        if (dearer(g) != dearer(gLow)) {
          high = low;
          gHigh = gLow;
        }
        low = next;
        gLow = g;
      } else if (!down && high.compareTo(HIGHEST) < 0) {
        BigDecimal next = high.multiply(TWO).min(HIGHEST);
        BigDecimal g = extra(next);
        if (dearer(g) != dearer(gHigh)) {
          low = high;
          gLow = gHigh;
        }
        high = next;
        gHigh = g;
      } else
        return new BreakEven(
            down ? BreakEven.Outcome.ALWAYS_PAYS : BreakEven.Outcome.NEVER_PAYS,
            null,
            low,
            high,
            gLow,
            gHigh,
            tolerance,
            replans);
    }
    while (high.subtract(low).compareTo(tolerance) > 0) {
      BigDecimal mid = low.add(high).divide(TWO).setScale(9, RoundingMode.HALF_EVEN);
      BigDecimal g = extra(mid);
      if (dearer(g) == dearer(gLow)) {
        low = mid;
        gLow = g;
      } else {
        high = mid;
        gHigh = g;
      }
    }
    BigDecimal demand = low.add(high).divide(TWO).setScale(3, RoundingMode.HALF_EVEN);
    return new BreakEven(
        BreakEven.Outcome.FOUND, demand, low, high, gLow, gHigh, tolerance, replans);
  }

  private static boolean dearer(BigDecimal g) {
    return g.signum() > 0;
  }

  /** {@code g(λ)}: what the deal costs more than not signing at demand {@code λ}, exact. */
  private BigDecimal extra(BigDecimal level) {
    WhatIf w = new WhatIf(null, null, Map.of(), level, Map.of(), Set.of());
    Future future = w.future(signed);
    List<Served> served =
        pool.serve(List.of(new FuturePool.Job(signed, future), new FuturePool.Job(none, future)));
    replans += 2;
    return served.get(0).totalCost().subtract(served.get(1).totalCost());
  }
}
