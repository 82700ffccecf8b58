package io.nuage.risk;

import io.nuage.catalog.Provider;
import io.nuage.core.MonthRange;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Concentration risk (docs/risk.md section 5.1): for each provider of the scenario's catalog, what
 * losing it from the middle of the horizon costs, its contracts still owed. Each row is a what-if
 * against the same base, both plans verified.
 */
public final class Concentration {
  private Concentration() {}

  /**
   * One provider lost.
   *
   * @param extraCost the future's total less the base's (unmet demand included at its penalty)
   * @param shortfallChange the change of the take-or-pay shortfall over every contract year
   * @param unmetGpuHours reference GPU-hours left unserved in the future (0: all served)
   * @param unmetCost what they cost at the penalty (in {@code extraCost})
   * @param margin how far the future's plan is proven from the best plan of that future (its
   *     recourse objective, money plus steering, less its proven bound; 0 or more)
   */
  public record Row(
      String provider,
      YearMonth from,
      BigDecimal extraCost,
      BigDecimal shortfallChange,
      BigDecimal unmetGpuHours,
      BigDecimal unmetCost,
      BigDecimal margin,
      WhatIfResult whatIf) {
    public Row {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(from, "from");
    }

    static Row of(WhatIfResult r) {
      String p = Objects.requireNonNull(r.whatIf().lostProvider());
      BigDecimal shortfall =
          r.future()
              .plan()
              .costBreakdown()
              .shortfall()
              .subtract(r.base().plan().costBreakdown().shortfall());
      return new Row(
          p,
          Objects.requireNonNull(r.whatIf().lostFrom()),
          r.delta(),
          shortfall,
          r.future().unmetGpuHours(),
          r.future().unmetCost().setScale(2, java.math.RoundingMode.HALF_EVEN),
          Concentration.margin(r.future()),
          r);
    }
  }

  /** A plan's proven distance to the best plan of its future: objective less bound, at least 0. */
  public static BigDecimal margin(RecoursePlan p) {
    return p.objective().subtract(p.lowerBound()).max(BigDecimal.ZERO.setScale(2));
  }

  /**
   * The report: the scenario as written as {@code nuage plan} solves it ({@code asWritten}, its
   * total), the base every row is compared with (the same scenario served by the rows' recourse:
   * docs/risk.md section 2.2), and one row per provider, by name.
   */
  public record Report(BigDecimal asWritten, RecoursePlan base, YearMonth from, List<Row> rows) {
    public Report {
      Objects.requireNonNull(asWritten, "asWritten");
      rows = List.copyOf(rows);
    }
  }

  /** Progress for a caller that shows it: called before each provider's re-plan. */
  public interface Progress {
    void losing(String provider, int index, int count);

    Progress NONE = (p, i, n) -> {};
  }

  /**
   * The middle of the horizon: the first month of the plan year (12 months counted from the
   * horizon's first month) that holds month ⌊M/2⌋ (0-based) of its M months. 2027-01..2031-12:
   * month 30 is 2029-07, in the plan year that starts 2029-01.
   */
  public static YearMonth middle(MonthRange horizon) {
    int m = horizon.length() / 2;
    return horizon.start().plusMonths(12L * (m / 12));
  }

  /**
   * The report, its re-plans (the base and one per provider) served by {@code threads} workers:
   * each is its own solve, independent of the others, and the rows come out in provider order
   * whatever the thread count.
   */
  public static Report of(WhatIfAnalysis analysis, Scenario s, int threads, Progress progress) {
    return of(analysis, s, threads, null, progress);
  }

  /** The same against a given base (a plan read from a file and verified), or served when null. */
  public static Report of(
      WhatIfAnalysis analysis,
      Scenario s,
      int threads,
      @Nullable RecoursePlan given,
      Progress progress) {
    return of(analysis, s, threads, given, null, progress);
  }

  /**
   * The same, the scenario as written's plan total {@code planned} known already ({@code nuage
   * demo} has just made the plan); planned here when null (the given base's total, with one).
   */
  public static Report of(
      WhatIfAnalysis analysis,
      Scenario s,
      int threads,
      @Nullable RecoursePlan given,
      @Nullable BigDecimal planned,
      Progress progress) {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
    YearMonth from = middle(s.horizon());
    List<WhatIf> losses =
        s.catalog().providers().stream()
            .map(Provider::id)
            .sorted(Comparator.naturalOrder())
            .map(p -> WhatIf.losing(p, from))
            .toList();
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().name("nuage-concentration-", 0).daemon().factory());
    try {
      java.util.concurrent.Future<RecoursePlan> base =
          given != null
              ? java.util.concurrent.CompletableFuture.completedFuture(given)
              : pool.submit(analysis::base);
      java.util.concurrent.Future<java.util.Optional<BigDecimal>> asWritten =
          planned != null || given != null
              ? java.util.concurrent.CompletableFuture.completedFuture(
                  java.util.Optional.ofNullable(planned != null ? planned : given.totalCost()))
              : pool.submit(analysis::planned);
      List<java.util.concurrent.Future<RecoursePlan>> futures = new ArrayList<>();
      for (WhatIf w : losses)
        futures.add(
            pool.submit(
                () -> {
                  progress.losing(
                      Objects.requireNonNull(w.lostProvider()),
                      started.getAndIncrement(),
                      losses.size());
                  return analysis.serve(w);
                }));
      RecoursePlan byRecourse = get(base);
      BigDecimal plan = get(asWritten).orElse(byRecourse.totalCost());
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < losses.size(); i++)
        rows.add(Row.of(analysis.result(plan, byRecourse, losses.get(i), get(futures.get(i)))));
      return new Report(plan, byRecourse, from, rows);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T get(java.util.concurrent.Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while re-planning", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }
}
