package io.nuage.risk;

import io.nuage.scenario.Scenario;
import io.nuage.uncertainty.Source;
import io.nuage.uncertainty.Uncertainty;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Draws (or enumerates) futures, serves each with a recourse on a pool of threads, and reduces them
 * in sample order to the estimators of docs/risk.md section 3: the same seed gives the same report
 * whatever the thread count.
 */
public final class RiskAnalysis {
  static final BigDecimal[] QUANTILES = {
    new BigDecimal("0.05"), new BigDecimal("0.50"), new BigDecimal("0.95"), new BigDecimal("0.99")
  };
  private static final BigDecimal CVAR_LEVEL = new BigDecimal("0.95");

  /** The quantiles of each year's cost: the fan chart's bands and median. */
  static final BigDecimal[] FAN = {
    new BigDecimal("0.05"),
    new BigDecimal("0.25"),
    new BigDecimal("0.50"),
    new BigDecimal("0.75"),
    new BigDecimal("0.95")
  };

  /** Told of progress: how many futures in all, then each one served. */
  public interface Progress {
    void start(long futures);

    void served();

    Progress NONE =
        new Progress() {
          @Override
          public void start(long futures) {}

          @Override
          public void served() {}
        };
  }

  private final Scenario scenario;
  private final String policy;
  private final Supplier<Recourse> recourses;
  private final RiskOptions options;
  private final Progress progress;
  private final @Nullable FutureServer server;

  /**
   * @param recourses makes one recourse per worker thread
   * @param policy the recourse policy's name, for the report
   */
  public RiskAnalysis(
      Scenario scenario,
      String policy,
      Supplier<Recourse> recourses,
      RiskOptions options,
      Progress progress) {
    this(scenario, policy, recourses, options, progress, null);
  }

  private RiskAnalysis(
      Scenario scenario,
      String policy,
      Supplier<Recourse> recourses,
      RiskOptions options,
      Progress progress,
      @Nullable FutureServer server) {
    this.scenario = scenario;
    this.policy = policy;
    this.recourses = recourses;
    this.options = options;
    this.progress = progress;
    this.server = server;
  }

  /**
   * The same analysis with the drawn futures served by {@code server} (a distributed engine); the
   * scenario as written is still planned here, on this machine's threads.
   */
  public RiskAnalysis servedBy(FutureServer server) {
    return new RiskAnalysis(scenario, policy, recourses, options, progress, server);
  }

  public RiskReport run() {
    Uncertainty u = scenario.uncertainty();
    FutureEnumeration enumeration = options.enumerate() ? new FutureEnumeration(scenario, u) : null;
    long futures = enumeration != null ? enumeration.count() : options.samples();
    List<Source> alone = new ArrayList<>();
    if (options.sourceSamples() > 0)
      for (Source s : Source.values()) if (!u.only(s).isCertain()) alone.add(s);
    progress.start(2 + futures + (long) alone.size() * options.sourceSamples());
    try (FuturePool pool = new FuturePool(options.threads(), recourses, progress)) {
      // the scenario as written twice (docs/risk.md section 2.2): as nuage plan solves it, the
      // figure reported, and by the futures' recourse, the reference of every difference
      Future<Optional<Served>> planning =
          pool.submit(
              recourse -> {
                Optional<Served> p = recourse.planned(scenario);
                progress.served();
                return p;
              });
      Served byRecourse =
          pool.serve(List.of(new FuturePool.Job(scenario, io.nuage.risk.Future.asWritten(-1))))
              .get(0);
      Served base = get(planning).orElse(byRecourse);
      // without uncertainty every future is the scenario as written: the plan, not served again
      Served certain = u.isCertain() ? base : null;
      Reduction all = new Reduction(enumeration != null);
      FutureServer by = server != null ? server : new Pooled(pool);
      Draws draws = enumeration != null ? Draws.enumeration() : Draws.sampled(options.seed());
      BigDecimal gapSum = BigDecimal.ZERO;
      for (long start = 0; start < futures; start += by.block()) {
        long end = Math.min(futures, start + by.block());
        List<BigDecimal> weights = new ArrayList<>();
        if (enumeration != null)
          for (long i = start; i < end; i++) weights.add(enumeration.get(i).probability());
        List<Served> served =
            certain != null
                ? asWritten(certain, (int) (end - start))
                : serve(by, draws, start, end);
        for (int k = 0; k < served.size(); k++) {
          Served s = served.get(k);
          all.add(s, enumeration != null ? weights.get(k) : null);
          gapSum = gapSum.add(relativeGap(s));
        }
      }
      List<RiskReport.SourceCost> sources = new ArrayList<>();
      for (Source source : alone) {
        Draws one = Draws.sampledAlone(options.seed(), source);
        Distribution d = Distribution.sampled();
        for (long start = 0; start < options.sourceSamples(); start += by.block()) {
          long end = Math.min(options.sourceSamples(), start + by.block());
          for (Served s : serve(by, one, start, end)) d.add(s.totalCost());
        }
        Estimate mean = d.mean();
        sources.add(
            new RiskReport.SourceCost(
                source.key(),
                options.sourceSamples(),
                mean,
                mean.value().subtract(byRecourse.totalCost()).setScale(2, RoundingMode.HALF_EVEN)));
      }
      return all.report(
          base,
          byRecourse,
          futures,
          gapSum
              .divide(BigDecimal.valueOf(futures), MathContext.DECIMAL128)
              .setScale(6, RoundingMode.HALF_EVEN),
          sources);
    }
  }

  /** {@code n} futures that are the scenario as written, counted as served. */
  private List<Served> asWritten(Served plan, int n) {
    for (int i = 0; i < n; i++) progress.served();
    return java.util.Collections.nCopies(n, plan);
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while planning the scenario as written", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }

  private static BigDecimal relativeGap(Served s) {
    if (s.totalCost().signum() <= 0) return BigDecimal.ZERO;
    return s.totalCost()
        .subtract(s.lowerBound())
        .max(BigDecimal.ZERO)
        .divide(s.totalCost(), MathContext.DECIMAL128);
  }

  /** Futures {@code from} to {@code to} served; an engine's counted as served when they return. */
  private List<Served> serve(FutureServer by, Draws draws, long from, long to) {
    List<Served> served = by.serve(scenario, draws, from, to);
    if (served.size() != to - from)
      throw new IllegalStateException(
          "asked " + (to - from) + " futures from " + from + ", got " + served.size());
    if (!(by instanceof Pooled)) for (int i = 0; i < served.size(); i++) progress.served();
    return served;
  }

  /** This machine's threads: a few futures per thread at a time, each drawn where it is served. */
  private final class Pooled implements FutureServer {
    private final FuturePool pool;
    private final Map<Draws, java.util.function.LongFunction<io.nuage.risk.Future>> drawers =
        new java.util.HashMap<>();

    Pooled(FuturePool pool) {
      this.pool = pool;
    }

    @Override
    public List<Served> serve(Scenario base, Draws draws, long from, long to) {
      java.util.function.LongFunction<io.nuage.risk.Future> drawer =
          drawers.computeIfAbsent(draws, d -> d.of(base));
      List<FuturePool.Job> jobs = new ArrayList<>();
      for (long i = from; i < to; i++) jobs.add(new FuturePool.Job(base, drawer.apply(i)));
      return pool.serve(jobs);
    }

    @Override
    public List<Served> serveEach(
        Scenario drawnFrom, List<Scenario> bases, Draws draws, long from, long to) {
      java.util.function.LongFunction<io.nuage.risk.Future> drawer =
          drawers.computeIfAbsent(draws, d -> d.of(drawnFrom));
      List<FuturePool.Job> jobs = new ArrayList<>();
      for (long i = from; i < to; i++) {
        io.nuage.risk.Future f = drawer.apply(i);
        for (Scenario base : bases) jobs.add(new FuturePool.Job(base, f));
      }
      return pool.serve(jobs);
    }

    @Override
    public int block() {
      return 8 * options.threads();
    }
  }

  private record YearKey(String key, int year) {}

  /** The running figures of every served future, in sample order. */
  private final class Reduction {
    private final boolean exact;
    private final Distribution cost;
    private final Distribution unmet;
    private final Distribution unmetCost;
    private final Distribution billed;
    private final Map<YearKey, Distribution> shortfalls = new LinkedHashMap<>();
    private final Map<YearKey, Distribution> excess = new LinkedHashMap<>();
    private final Map<YearKey, Distribution> yearCosts = new LinkedHashMap<>();
    private int n;

    Reduction(boolean exact) {
      this.exact = exact;
      this.cost = fresh();
      this.unmet = fresh();
      this.unmetCost = fresh();
      this.billed = fresh();
    }

    private Distribution fresh() {
      return exact ? Distribution.weighted() : Distribution.sampled();
    }

    void add(Served s, BigDecimal weight) {
      cost.put(s.totalCost(), weight);
      unmet.put(s.unmetGpuHours().signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO, weight);
      unmetCost.put(s.unmetCost(), weight);
      billed.put(s.totalCost().subtract(s.unmetCost()), weight);
      add(shortfalls, s.shortfalls(), weight);
      add(excess, s.capExcess(), weight);
      add(yearCosts, s.yearCosts(), weight);
      if (exact) weights.add(weight);
      n++;
    }

    private void add(
        Map<YearKey, Distribution> into, List<Served.YearFigure> figures, BigDecimal w) {
      Map<YearKey, BigDecimal> these = new LinkedHashMap<>();
      for (Served.YearFigure f : figures)
        these.merge(new YearKey(f.key(), f.year()), f.amount(), BigDecimal::add);
      for (YearKey key : these.keySet())
        if (!into.containsKey(key)) {
          // a year first seen now was 0 in every earlier future
          Distribution d = fresh();
          for (int i = 0; i < n; i++) d.put(BigDecimal.ZERO, exact ? weightOf(i) : null);
          into.put(key, d);
        }
      into.forEach((key, d) -> d.put(these.getOrDefault(key, BigDecimal.ZERO), w));
    }

    private final List<BigDecimal> weights = new ArrayList<>();

    private BigDecimal weightOf(int i) {
      return weights.get(i);
    }

    RiskReport report(
        Served base,
        Served byRecourse,
        long futures,
        BigDecimal meanGap,
        List<RiskReport.SourceCost> sources) {
      List<RiskReport.Quantile> q = new ArrayList<>();
      for (BigDecimal p : QUANTILES) {
        BigDecimal[] interval = cost.quantileInterval(p);
        q.add(new RiskReport.Quantile(p, cost.quantile(p), interval[0], interval[1]));
      }
      List<RiskReport.Convergence> convergence = new ArrayList<>();
      if (!exact)
        for (int div = 16; div >= 1; div /= 2) {
          int k = (int) (futures / div);
          // two samples or more: an error always known
          if (k >= 2)
            convergence.add(
                new RiskReport.Convergence(
                    k, java.util.Objects.requireNonNull(cost.mean(k).standardError())));
        }
      return new RiskReport(
          scenario.name(),
          scenario.currency(),
          policy,
          options.seed(),
          futures,
          exact,
          base.totalCost().setScale(2, RoundingMode.HALF_EVEN),
          byRecourse.totalCost().setScale(2, RoundingMode.HALF_EVEN),
          cost.mean(),
          unmetCost.mean(),
          billed.mean(),
          q,
          cost.cvar(CVAR_LEVEL),
          unmet.probabilityPositive(),
          years(base),
          meanGap,
          years(shortfalls),
          years(excess),
          sources,
          convergence,
          io.nuage.plan.recourse.RecourseTerms.of(scenario).unmetPenaltyPerGpuHour());
    }

    /** Each calendar year's cost over the futures, beside the scenario as written. */
    private List<RiskReport.YearCost> years(Served base) {
      Map<Integer, BigDecimal> asWritten = new java.util.TreeMap<>();
      for (Served.YearFigure f : base.yearCosts())
        asWritten.merge(f.year(), f.amount(), BigDecimal::add);
      java.util.TreeSet<Integer> all = new java.util.TreeSet<>(asWritten.keySet());
      yearCosts.keySet().forEach(k -> all.add(k.year()));
      List<RiskReport.YearCost> out = new ArrayList<>();
      for (int y : all) {
        Distribution d = yearCosts.get(new YearKey(Served.COST, y));
        List<RiskReport.YearQuantile> q = new ArrayList<>();
        for (BigDecimal p : FAN)
          q.add(new RiskReport.YearQuantile(p, d == null ? zero() : d.quantile(p)));
        out.add(
            new RiskReport.YearCost(
                y,
                asWritten.getOrDefault(y, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN),
                d == null ? zeroInEveryFuture() : d.mean(),
                q));
      }
      return out;
    }

    /** A year no future spent in: 0, its error unknown from one future as any mean's. */
    private Estimate zeroInEveryFuture() {
      return exact || n >= 2 ? new Estimate(zero(), zero()) : Estimate.withoutError(zero());
    }

    private static BigDecimal zero() {
      return BigDecimal.ZERO.setScale(2);
    }

    private List<RiskReport.YearRisk> years(Map<YearKey, Distribution> by) {
      List<RiskReport.YearRisk> out = new ArrayList<>();
      by.entrySet().stream()
          .sorted(
              Map.Entry.comparingByKey(
                  java.util.Comparator.comparing(YearKey::key).thenComparingInt(YearKey::year)))
          .forEach(
              e -> {
                YearKey k = e.getKey();
                Distribution d = e.getValue();
                out.add(
                    new RiskReport.YearRisk(
                        k.key(),
                        k.year(),
                        d.probabilityPositive(),
                        d.mean(),
                        d.quantile(QUANTILES[2])));
              });
      return out;
    }
  }
}
