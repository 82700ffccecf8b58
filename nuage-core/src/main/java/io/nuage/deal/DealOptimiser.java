package io.nuage.deal;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.DiscountTier;
import io.nuage.contract.ReservedCapacity;
import io.nuage.plan.ExtensiveForm;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.SecondStage;
import io.nuage.risk.Future;
import io.nuage.risk.FutureScenario;
import io.nuage.risk.PlannerRecourse;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The sample-average approximation of the deal's two-stage program (docs/deals.md section 5): for
 * each discount tier whose range meets the bounds, the multi-cut L-shaped method over the futures'
 * LP second stages; and not signing. Also evaluates an answer on other futures and the wait-and-see
 * value of each future (section 6).
 */
final class DealOptimiser implements AutoCloseable {
  private static final BigDecimal CENT = new BigDecimal("0.01");

  /**
   * One tier's range of totals and its discount; {@code to} is infinite for the last. A reservation
   * has one "tier", its range of GPUs, and no discount (docs/deals.md section 5.1).
   */
  record Tier(double from, double to, @Nullable BigDecimal discount) {}

  /**
   * An answer: sign with {@code minimums} at {@code tier}'s discount, or not ({@code tier} null).
   *
   * @param upper the sample average of the futures' values at it
   * @param lower a proven lower bound on the sample problem's optimum within its tier
   * @param values each future's value
   */
  record Answer(
      @Nullable Tier tier,
      double[] minimums,
      double upper,
      double lower,
      int iterations,
      boolean converged,
      double[] values) {
    boolean signs() {
      return tier != null;
    }
  }

  private final Scenario scenario;
  private final @Nullable CommittedSpend deal;
  private final @Nullable ReservedCapacity reservation;
  private final String id;
  private final double feePerGpu;
  private final double[] lo;
  private final double[] hi;
  private final PlanOptions options;
  private final double gap;
  private final int maxIterations;
  private final List<Tier> tiers;
  private final @Nullable CvarLimit limit;
  private final Runnable step;
  private final ExecutorService pool;

  DealOptimiser(
      Scenario scenario,
      CommittedSpend deal,
      double[] lo,
      double[] hi,
      PlanOptions options,
      int threads,
      double gap,
      int maxIterations,
      @Nullable CvarLimit limit,
      Runnable step) {
    this(scenario, deal, null, 0, lo, hi, options, threads, gap, maxIterations, limit, step);
  }

  /**
   * Sizes reservation {@code k}: its GPUs between {@code lo[0]} and {@code hi[0]}, at {@code
   * feePerGpu} each over the horizon (docs/deals.md section 5.1).
   */
  DealOptimiser(
      Scenario scenario,
      ReservedCapacity k,
      double feePerGpu,
      double[] lo,
      double[] hi,
      PlanOptions options,
      int threads,
      double gap,
      int maxIterations,
      Runnable step) {
    this(scenario, null, k, feePerGpu, lo, hi, options, threads, gap, maxIterations, null, step);
  }

  private DealOptimiser(
      Scenario scenario,
      @Nullable CommittedSpend deal,
      @Nullable ReservedCapacity reservation,
      double feePerGpu,
      double[] lo,
      double[] hi,
      PlanOptions options,
      int threads,
      double gap,
      int maxIterations,
      @Nullable CvarLimit limit,
      Runnable step) {
    this.scenario = scenario;
    this.deal = deal;
    this.reservation = reservation;
    this.id = deal != null ? deal.id() : java.util.Objects.requireNonNull(reservation).id();
    this.feePerGpu = feePerGpu;
    this.lo = lo.clone();
    this.hi = hi.clone();
    this.options = options;
    this.gap = gap;
    this.maxIterations = maxIterations;
    this.tiers =
        deal != null ? tiers(deal, sum(lo), sum(hi)) : List.of(new Tier(lo[0], hi[0], null));
    this.limit = limit;
    this.step = step;
    this.pool = Executors.newFixedThreadPool(threads);
  }

  private @Nullable Answer lastNotSigned;

  /** Not signing on the futures of the last {@link #solve}, as an answer with its values. */
  Answer lastNotSigned() {
    return java.util.Objects.requireNonNull(lastNotSigned, "solve first");
  }

  List<Tier> tiers() {
    return tiers;
  }

  /** The tiers whose range of totals meets {@code [sumLo, sumHi]}, clipped to it. */
  static List<Tier> tiers(CommittedSpend deal, double sumLo, double sumHi) {
    List<Tier> out = new ArrayList<>();
    if (deal.discountTiers().isEmpty()) {
      out.add(new Tier(sumLo, sumHi, deal.discount()));
      return out;
    }
    List<DiscountTier> t = deal.discountTiers();
    for (int i = 0; i < t.size(); i++) {
      double from = t.get(i).from().doubleValue();
      // a cent below the next tier: a total there earns the next tier's discount, not this one's
      double to =
          i + 1 < t.size()
              ? t.get(i + 1).from().subtract(CENT).doubleValue()
              : Double.POSITIVE_INFINITY;
      double a = Math.max(from, sumLo);
      double b = Math.min(to, sumHi);
      if (a <= b) out.add(new Tier(a, b, t.get(i).discount()));
    }
    return out;
  }

  /**
   * The best answer over the tiers and not signing on {@code futures}, within the CVaR limit if
   * there is one ({@code limited}); its {@code lower} is the least of every alternative's bound: a
   * bound on the sample problem's optimum. Its {@code upper} is infinite when no alternative meets
   * the limit.
   */
  Answer solve(List<Future> futures, double[] weights, boolean limited) {
    CvarLimit l = limited ? limit : null;
    Answer best = notSigned(futures, weights, l);
    lastNotSigned = best;
    double lower = best.lower();
    for (Tier tier : byPromise()) {
      if (!takesOrPays()) {
        // not take-or-pay: the minimums only pick the tier (the discount); its smallest total
        Answer at = flat(tier, futures, weights, l);
        lower = Math.min(lower, at.lower());
        if (at.upper() < best.upper()) best = at;
        continue;
      }
      // the extensive form has no CVaR rows: with a limit, the decomposition at every size
      if (futures.size() <= EXTENSIVE_MAX && l == null) {
        ExtensiveForm.Solution e = extensive(tier, futures, weights);
        lower = Math.min(lower, e.bound());
        if (e.objective() < best.upper())
          best = new Answer(tier, e.minimums(), e.objective(), e.bound(), 1, true, new double[0]);
        continue;
      }
      List<SecondStage> stages = stages(tier, futures);
      try {
        LShaped.Result r =
            LShaped.solve(
                stages,
                weights,
                lo,
                hi,
                tier.from(),
                tier.to(),
                gap,
                maxIterations,
                best.upper(),
                l,
                step,
                pool,
                fee());
        lower = Math.min(lower, r.lower());
        if (r.upper() < best.upper())
          best =
              new Answer(
                  tier,
                  r.minimums(),
                  r.upper(),
                  r.lower(),
                  r.iterations(),
                  r.converged(),
                  r.values());
      } finally {
        stages.forEach(SecondStage::close);
      }
    }
    return new Answer(
        best.tier(),
        best.minimums(),
        best.upper(),
        lower,
        best.iterations(),
        best.converged(),
        best.values());
  }

  /**
   * Each future's value under an answer: the sample problem's objective (money plus the recourse's
   * steering) and the money alone (docs/deals.md section 6).
   */
  record Evaluated(double[] objective, double[] money) {}

  /** Each future's value under {@code a} (its minimums at its tier's discount, or not signed). */
  Evaluated evaluate(Answer a, List<Future> futures) {
    List<SecondStage.Value> at;
    if (!a.signs()) at = notSignedValues(futures);
    else {
      List<SecondStage> stages = stages(a.tier(), futures);
      try {
        step.run();
        at = LShaped.evaluate(stages, takesOrPays() ? a.minimums() : new double[0], pool);
      } finally {
        stages.forEach(SecondStage::close);
      }
    }
    return new Evaluated(
        at.stream().mapToDouble(SecondStage.Value::objective).toArray(),
        at.stream().mapToDouble(SecondStage.Value::money).toArray());
  }

  /** Not signing, as an answer to evaluate. */
  static final Answer NONE = new Answer(null, new double[0], 0, 0, 0, true, new double[0]);

  /** Each future's best value with the minimums chosen knowing it (wait-and-see). */
  double[] waitAndSee(List<Future> futures) {
    double[] best = evaluate(NONE, futures).objective().clone();
    for (Tier tier : byPromise()) {
      if (!takesOrPays()) {
        double[] v = evaluate(flatAnswer(tier, 0, 0, new double[0]), futures).objective();
        for (int j = 0; j < best.length; j++) best[j] = Math.min(best[j], v[j]);
        continue;
      }
      List<SecondStage> stages = stages(tier, futures);
      try {
        List<Callable<Double>> jobs = new ArrayList<>();
        for (int j = 0; j < stages.size(); j++) {
          SecondStage s = stages.get(j);
          double cutoff = best[j];
          jobs.add(
              () ->
                  LShaped.solve(
                          List.of(s),
                          new double[] {1},
                          lo,
                          hi,
                          tier.from(),
                          tier.to(),
                          gap,
                          maxIterations,
                          cutoff,
                          null,
                          () -> {},
                          null,
                          fee())
                      .upper());
        }
        step.run();
        List<Double> values = LShaped.all(pool, jobs);
        for (int j = 0; j < best.length; j++) best[j] = Math.min(best[j], values.get(j));
      } finally {
        stages.forEach(SecondStage::close);
      }
    }
    return best;
  }

  /** Whether the deal's minimums are owed (a reservation's GPUs always count). */
  private boolean takesOrPays() {
    return deal == null || deal.takeOrPay();
  }

  /**
   * A contract that is not take-or-pay at {@code tier}: its minimums owe nothing, so every size in
   * the tier costs the same in every future (the discount alone); the answer is the tier's smallest
   * total, {@code lo + t (hi − lo)} with {@code t} putting the sum at the tier's start. Its values
   * are the second stage's LP at that discount; its bound the LPs' checked bounds.
   */
  private Answer flat(
      Tier tier, List<Future> futures, double[] weights, @Nullable CvarLimit limit) {
    Evaluated at = evaluate(flatAnswer(tier, 0, 0, new double[0]), futures);
    double[] values = at.objective();
    double avg = 0;
    for (int j = 0; j < values.length; j++) avg += weights[j] * values[j];
    if (limit != null
        && !limit.allows(CvarLimit.cvar(values, weights, limit.level().doubleValue())))
      return flatAnswer(tier, Double.POSITIVE_INFINITY, avg, values);
    return flatAnswer(tier, avg, avg, values);
  }

  private Answer flatAnswer(Tier tier, double upper, double lower, double[] values) {
    double sumLo = sum(lo);
    double sumHi = sum(hi);
    double t = sumHi > sumLo ? (tier.from() - sumLo) / (sumHi - sumLo) : 0;
    double[] m = new double[lo.length];
    for (int y = 0; y < m.length; y++) m[y] = lo[y] + Math.max(0, Math.min(1, t)) * (hi[y] - lo[y]);
    return new Answer(tier, m, upper, lower, 1, true, values);
  }

  /**
   * The tiers in the order they are solved: the one holding the written total first, then by
   * distance from it; a good answer found early cuts the others off sooner.
   */
  private List<Tier> byPromise() {
    if (deal == null) return tiers;
    double written = deal.totalCommitment().doubleValue();
    List<Tier> out = new ArrayList<>(tiers);
    out.sort(
        java.util.Comparator.comparingDouble(
            t ->
                written < t.from() ? t.from() - written : written > t.to() ? written - t.to() : 0));
    return out;
  }

  /**
   * Not signing on {@code futures}. With a CVaR limit its values must meet it (to a billionth of X)
   * for it to be an answer, else its {@code upper} is infinite; its bound is infinite only when the
   * futures' bounds alone already break the limit (proven: each value is at least its bound).
   */
  private Answer notSigned(List<Future> futures, double[] weights, @Nullable CvarLimit limit) {
    List<SecondStage.Value> at = notSignedValues(futures);
    double[] values = at.stream().mapToDouble(SecondStage.Value::objective).toArray();
    double[] bounds = at.stream().mapToDouble(SecondStage.Value::bound).toArray();
    double avg = 0;
    double bound = 0;
    for (int j = 0; j < values.length; j++) {
      avg += weights[j] * values[j];
      bound += weights[j] * bounds[j];
    }
    if (limit != null) {
      double level = limit.level().doubleValue();
      if (!limit.allows(CvarLimit.cvar(values, weights, level))) avg = Double.POSITIVE_INFINITY;
      if (!limit.allows(CvarLimit.cvar(bounds, weights, level))) bound = Double.POSITIVE_INFINITY;
    }
    return new Answer(null, new double[0], avg, bound, 0, true, values);
  }

  /** Each future's second stage without the deal. */
  private List<SecondStage.Value> notSignedValues(List<Future> futures) {
    List<Callable<SecondStage.Value>> jobs = new ArrayList<>();
    Scenario without = scenario.withContract(id, null);
    for (Future f : futures)
      jobs.add(
          () -> {
            Scenario future = FutureScenario.of(without, f);
            try (SecondStage s =
                new SecondStage(future, PlannerRecourse.terms(future, f), (String) null, options)) {
              return s.at(new double[0]);
            }
          });
    step.run();
    return LShaped.all(pool, jobs);
  }

  /**
   * Up to this many futures a tier's sample problem is solved as one extensive-form LP, above it by
   * decomposition (docs/deals.md section 5).
   */
  static final int EXTENSIVE_MAX = 8;

  private ExtensiveForm.Solution extensive(Tier tier, List<Future> futures, double[] weights) {
    Scenario signed = reservation != null ? scenario : scenario.withContract(id, widest(tier));
    List<Scenario> scenarios = new ArrayList<>();
    List<io.nuage.plan.recourse.RecourseTerms> terms = new ArrayList<>();
    for (Future f : futures) {
      Scenario future = FutureScenario.of(signed, f);
      scenarios.add(future);
      terms.add(PlannerRecourse.terms(future, f));
    }
    try (ExtensiveForm form =
        reservation != null
            ? new ExtensiveForm(scenarios, terms, weights, sized(), options)
            : new ExtensiveForm(
                scenarios, terms, weights, id, lo, hi, tier.from(), tier.to(), options)) {
      return form.solve();
    }
  }

  /** The deal at its widest minimums and {@code tier}'s discount. */
  private CommittedSpend widest(Tier tier) {
    List<BigDecimal> widest = new ArrayList<>();
    for (double h : hi) widest.add(BigDecimal.valueOf(h).setScale(2, RoundingMode.HALF_EVEN));
    return java.util.Objects.requireNonNull(deal)
        .withMinimums(widest, java.util.Objects.requireNonNull(tier.discount()));
  }

  /** The reservation to size, within the bounds. */
  private SecondStage.Reservation sized() {
    return new SecondStage.Reservation(java.util.Objects.requireNonNull(reservation), lo[0], hi[0]);
  }

  /**
   * The fee per GPU when sizing a reservation (the master's scale, no floor); null for minimums.
   */
  private @Nullable Double fee() {
    return reservation == null ? null : feePerGpu;
  }

  /**
   * The futures' second stages with the deal at its widest minimums and {@code tier}'s discount.
   */
  private List<SecondStage> stages(Tier tier, List<Future> futures) {
    Scenario signed = reservation != null ? scenario : scenario.withContract(id, widest(tier));
    List<Callable<SecondStage>> jobs = new ArrayList<>();
    for (Future f : futures)
      jobs.add(
          () -> {
            Scenario future = FutureScenario.of(signed, f);
            return reservation != null
                ? new SecondStage(future, PlannerRecourse.terms(future, f), sized(), options)
                : new SecondStage(future, PlannerRecourse.terms(future, f), id, options);
          });
    return LShaped.all(pool, jobs);
  }

  static double[] uniform(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0 / n);
    return w;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
