package io.nuage.deal;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.ReservationKink;
import io.nuage.risk.Distribution;
import io.nuage.risk.Estimate;
import io.nuage.risk.Future;
import io.nuage.risk.FutureEnumeration;
import io.nuage.risk.FutureSampler;
import io.nuage.risk.RiskOptions;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code nuage deal --optimise} (docs/deals.md sections 5-6): the sample problem solved by
 * decomposition on the main sample, its bias bounded by independent replications, the answer
 * evaluated on a fresh sample, and the value of the stochastic solution and of perfect information
 * measured on that sample.
 */
public final class DealOptimisation {
  /** Told of progress: a phase's name and how far the run is. */
  public interface Progress {
    void phase(String name);

    /**
     * Told between steps inside a phase (a decomposition's iteration, a batch of futures); it may
     * stop the run by throwing.
     */
    default void step() {}

    Progress NONE = name -> {};
  }

  static final String SECOND_STAGE =
      "LP relaxation: gangs, the right of first refusal's and the no-padding binaries relaxed";

  private final Scenario scenario;
  private final CommittedSpend deal;
  private final @Nullable ReservedCapacity reserved;
  private final BigDecimal feePerGpu;
  private final RiskOptions sampling;
  private final PlanOptions options;
  private final double[] lo;
  private final double[] hi;
  private final int replications;
  private final int fresh;
  private final double gap;
  private final @Nullable CvarLimit limit;
  private final Progress progress;

  /**
   * @param bounds each yearly minimum between {@code bounds[0]} and {@code bounds[1]} times the
   *     written one
   * @param replications independent samples for the lower bound (at least 2 unless exact)
   * @param fresh futures of the fresh sample (0: twice the main sample)
   * @param gap the decomposition's relative gap
   */
  public DealOptimisation(
      Scenario scenario,
      String contractId,
      BigDecimal[] bounds,
      RiskOptions sampling,
      PlanOptions options,
      int replications,
      int fresh,
      double gap,
      Progress progress) {
    this(scenario, contractId, bounds, sampling, options, replications, fresh, gap, null, progress);
  }

  /**
   * @param limit the most the CVaR of the total cost may be on the sample (docs/deals.md section
   *     5), or null
   */
  public DealOptimisation(
      Scenario scenario,
      String contractId,
      BigDecimal[] bounds,
      RiskOptions sampling,
      PlanOptions options,
      int replications,
      int fresh,
      double gap,
      @Nullable CvarLimit limit,
      Progress progress) {
    this.scenario = scenario;
    this.reserved = reservedCapacity(scenario, contractId);
    this.deal =
        reserved != null
            ? sizingStandIn(reserved)
            : DealEvaluation.committedSpend(scenario, contractId);
    this.feePerGpu = reserved == null ? BigDecimal.ZERO : feePerGpu(scenario, reserved);
    if (reserved != null) {
      requireSizable(scenario, reserved, limit);
    }
    if (reserved == null) DealEvaluation.requireInsideHorizon(scenario, deal, "--optimise");
    if (bounds[0].signum() < 0 || bounds[1].compareTo(bounds[0]) < 0)
      throw new NuageException(
          "--bounds: expected LOW..HIGH with 0 ≤ LOW ≤ HIGH (got "
              + bounds[0].toPlainString()
              + ".."
              + bounds[1].toPlainString()
              + ")");
    this.lo = new double[reserved != null ? 1 : deal.term().years()];
    this.hi = new double[lo.length];
    for (int y = 0; y < lo.length; y++) {
      // a reservation's first stage is its GPUs (docs/deals.md section 5.1)
      double m = reserved != null ? reserved.gpus() : deal.yearlyMinimums().get(y).doubleValue();
      lo[y] = m * bounds[0].doubleValue();
      hi[y] = m * bounds[1].doubleValue();
    }
    // refused before any sample is solved (and before a server job exists)
    if (reserved != null) requireNoKink(scenario, reserved, lo[0], hi[0]);
    else if (DealOptimiser.tiers(deal, sum(lo), sum(hi)).isEmpty())
      throw new NuageException(
          "--bounds: no discount tier of "
              + deal.id()
              + " can be reached between the bounds (their totals are "
              + money(sum(lo))
              + " to "
              + money(sum(hi))
              + ")");
    this.sampling = sampling;
    this.options = options;
    this.replications = sampling.enumerate() ? 1 : replications;
    if (!sampling.enumerate() && sampling.samples() < 2)
      throw new NuageException(
          "--samples: --optimise needs at least 2 futures for its error bars (got "
              + sampling.samples()
              + "), or all to enumerate a discrete uncertainty");
    if (!sampling.enumerate() && replications < 2)
      throw new NuageException(
          "--replications: the lower bound's interval needs at least 2 (got " + replications + ")");
    this.fresh = fresh;
    this.gap = gap;
    this.limit = limit;
    this.progress = progress;
  }

  public OptimisedDeal run() {
    try (DealOptimiser o =
        reserved != null
            ? new DealOptimiser(
                scenario,
                reserved,
                feePerGpu.doubleValue(),
                lo,
                hi,
                options,
                sampling.threads(),
                gap,
                MAX_ITERATIONS,
                progress::step)
            : new DealOptimiser(
                scenario,
                deal,
                lo,
                hi,
                options,
                sampling.threads(),
                gap,
                MAX_ITERATIONS,
                limit,
                progress::step)) {
      Sample main = sample(sampling.seed());
      progress.phase("solving the sample problem (" + main.futures.size() + " futures)");
      DealOptimiser.Answer answer = o.solve(main.futures, main.weights, true);
      if (!Double.isFinite(answer.upper())) throw beyondLimit(main, 1, answer.lower());
      List<Double> bounds = new ArrayList<>();
      bounds.add(answer.lower());
      // a reservation's whole-GPU answer per replication: the spread of the SAA answer
      double continuous = gpusOf(answer);
      if (reserved != null && answer.signs()) answer = wholeGpus(o, answer, main);
      List<Double> gpus = new ArrayList<>();
      gpus.add(gpusOf(answer));
      for (int r = 1; r < replications; r++) {
        progress.phase("replication " + (r + 1) + " of " + replications);
        Sample s = sample(sampling.seed() + r);
        DealOptimiser.Answer replicated = o.solve(s.futures, s.weights, true);
        double bound = replicated.lower();
        if (!Double.isFinite(bound)) throw beyondLimit(s, r + 1, bound);
        bounds.add(bound);
        if (reserved != null && replicated.signs()) replicated = wholeGpus(o, replicated, s);
        gpus.add(gpusOf(replicated));
      }
      Sample check =
          sampling.enumerate() ? main : sample(sampling.seed() + replications + 1L, freshCount());
      progress.phase(
          "evaluating on "
              + check.futures.size()
              + (check.exact() ? " enumerated futures" : " fresh futures"));
      DealOptimiser.Evaluated chosen = o.evaluate(answer, check.futures);
      DealOptimiser.Evaluated none = o.evaluate(DealOptimiser.NONE, check.futures);
      progress.phase("the expected-value problem");
      FutureSampler sampler = new FutureSampler(scenario, scenario.uncertainty(), sampling.seed());
      // the expected-value problem decides on one future, whose CVaR is its cost: the limit is
      // Q(m, ξ̄) ≤ X (docs/deals.md section 6); if no decision meets it, the unlimited one
      List<Future> expected = List.of(sampler.expected());
      DealOptimiser.Answer ev = o.solve(expected, new double[] {1}, limit != null);
      boolean evWithin = Double.isFinite(ev.upper());
      if (!evWithin) ev = o.solve(expected, new double[] {1}, false);
      double[] eev = o.evaluate(ev, check.futures).objective();
      progress.phase("wait-and-see on " + check.futures.size() + " futures");
      double[] ws = o.waitAndSee(check.futures);
      OptimisedDeal.Reservation reservation =
          reserved == null ? null : reservation(answer, continuous, gpus, check.exact());
      return report(answer, bounds, main, check, chosen, none, eev, evWithin, ws, reservation);
    }
  }

  static final int MAX_ITERATIONS = 60;

  /** No answer meets the CVaR limit on a sample: the user's limit, not a fault. */
  private NuageException beyondLimit(Sample s, int replication, double bound) {
    CvarLimit l = java.util.Objects.requireNonNull(limit);
    return new NuageException(
        "--max: on the "
            + s.futures().size()
            + " futures of "
            + (replication == 1 ? "the main sample" : "replication " + replication)
            + (Double.isFinite(bound)
                ? " the decomposition found, in "
                    + MAX_ITERATIONS
                    + " iterations, no yearly minimums between the --bounds (nor not signing)"
                    + " that keep "
                    + l.name()
                    + " at or below "
                    + l.max().toPlainString()
                    + " "
                    + scenario.currency()
                    + ": raise --max, or widen --bounds"
                : " neither signing "
                    + deal.id()
                    + " with yearly minimums between the --bounds nor leaving it unsigned keeps "
                    + l.name()
                    + " at or below "
                    + l.max().toPlainString()
                    + " "
                    + scenario.currency()
                    + ": raise --max, or widen --bounds"));
  }

  private record Sample(List<Future> futures, double[] weights, boolean exact) {}

  private Sample sample(long seed) {
    return sample(seed, sampling.samples());
  }

  private int freshCount() {
    return fresh > 0 ? fresh : 2 * sampling.samples();
  }

  private Sample sample(long seed, int n) {
    if (sampling.enumerate()) {
      FutureEnumeration e = new FutureEnumeration(scenario, scenario.uncertainty());
      List<Future> futures = new ArrayList<>();
      double[] w = new double[(int) e.count()];
      for (int i = 0; i < w.length; i++) {
        FutureEnumeration.Weighed f = e.get(i);
        futures.add(f.future());
        w[i] = f.probability().doubleValue();
      }
      return new Sample(futures, w, true);
    }
    FutureSampler s = new FutureSampler(scenario, scenario.uncertainty(), seed);
    List<Future> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) futures.add(s.draw(i));
    return new Sample(futures, DealOptimiser.uniform(n), false);
  }

  private OptimisedDeal report(
      DealOptimiser.Answer a,
      List<Double> bounds,
      Sample main,
      Sample check,
      DealOptimiser.Evaluated chosenBoth,
      DealOptimiser.Evaluated noneBoth,
      double[] eev,
      boolean evWithin,
      double[] ws,
      OptimisedDeal.@Nullable Reservation reservation) {
    int futures = main.futures().size();
    boolean exact = check.exact();
    double[] w = check.weights();
    // the bounds, VSS and EVPI are the sample problem's objective (money plus the recourse's
    // steering); what it costs, saves and risks is money alone (docs/deals.md section 6)
    double[] chosen = chosenBoth.objective();
    double[] money = chosenBoth.money();
    double[] noneMoney = noneBoth.money();
    Estimate u = mean(chosen, w, exact);
    double[] dearer = new double[chosen.length];
    double[] saving = new double[chosen.length];
    double[] vss = new double[chosen.length];
    double[] evpi = new double[chosen.length];
    double[] steering = new double[chosen.length];
    for (int j = 0; j < chosen.length; j++) {
      saving[j] = noneMoney[j] - money[j];
      // to the cent: two LP values a rounding apart are the same cost, not a dearer one
      dearer[j] = Math.round(money[j] * 100) > Math.round(noneMoney[j] * 100) ? 1 : 0;
      vss[j] = eev[j] - chosen[j];
      evpi[j] = chosen[j] - ws[j];
      steering[j] = chosen[j] - money[j];
    }
    double[] b = bounds.stream().mapToDouble(Double::doubleValue).toArray();
    Estimate l = mean(b, DealOptimiser.uniform(b.length), exact);
    // each side one-sided 97.5%, so that both hold together with at least 95% (Bonferroni)
    BigDecimal lowerLimit =
        money(
            exact
                ? l.value()
                : l.value()
                    .subtract(l.standardError().multiply(BigDecimal.valueOf(t975(b.length - 1)))));
    BigDecimal upperLimit =
        money(
            exact
                ? u.value()
                : u.value()
                    .add(u.standardError().multiply(BigDecimal.valueOf(t975(chosen.length - 1)))));
    List<BigDecimal> minimums = new ArrayList<>();
    if (reservation == null) for (double m : a.minimums()) minimums.add(money(m));
    BigDecimal commitment =
        reservation != null
            ? reservation.fee()
            : money(minimums.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    BigDecimal written =
        reserved != null
            ? money(feePerGpu.multiply(BigDecimal.valueOf(reserved.gpus())))
            : deal.totalCommitment();
    BigDecimal above =
        !a.signs() || commitment.signum() == 0
            ? null
            : written
                .subtract(commitment)
                .multiply(BigDecimal.valueOf(100))
                .divide(commitment, MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_EVEN);
    List<String> notes = new ArrayList<>();
    if (!a.converged())
      notes.add(
          "the decomposition stopped after "
              + a.iterations()
              + " iterations above its gap target: the sample problem's answer is within the"
              + " decomposition gap shown, not the target");
    if (scenario.uncertainty().isCertain())
      notes.add("the scenario has no uncertainty section: every future is the scenario as written");
    if (reserved != null)
      notes.add(
          "sizing the reserved-capacity contract "
              + reserved.id()
              + ": the first stage is its GPU count, continuous in the sample problem ("
              + reservation.continuousGpus().toPlainString()
              + "); the recommendation is the better whole count of the two around it on the main"
              + " sample; the break-even demand is not computed for a reservation");
    else if (deal.discountTiers().isEmpty())
      notes.add(
          deal.id()
              + " has no discount tiers: its discount ("
              + deal.discount().toPlainString()
              + ") does not depend on its size, so the smallest minimums the bounds allow are"
              + " best (a bigger minimum only adds shortfall risk)");
    if (reserved == null && !deal.takeOrPay())
      notes.add(
          deal.id()
              + " is not take-or-pay: its minimums owe nothing when unused, so sizing it changes only"
              + " the discount (the tier its total reaches); each tier is priced at its smallest"
              + " total within the bounds, and the recommendation is that total");
    if (reserved == null) notes.addAll(DealNotes.of(scenario, deal));
    OptimisedDeal.CvarCheck cvar = null;
    if (limit != null) {
      cvar = cvarCheck(limit, a, main, check, money, eev, evWithin);
      if (exact)
        notes.add(
            "the "
                + limit.name()
                + " limit holds exactly on the enumerated futures: the answer's "
                + limit.name()
                + " of the sample problem's objective is "
                + cvar.sample().toPlainString()
                + ", of its money "
                + cvar.fresh().value().toPlainString());
      else
        notes.add(
            "the "
                + limit.name()
                + " limit holds on the main sample, on the sample problem's objective (money plus"
                + " steering, so on the money too); on the fresh sample the answer's money "
                + limit.name()
                + " is "
                + cvar.fresh().value().toPlainString()
                + (cvar.met() ? ", within" : ", ABOVE")
                + " the limit. With a sampled limit the lower bound is indicative: the sample's"
                + " feasible minimums are not the true ones, so E v_N ≤ v* is not guaranteed");
      String where = exact ? "the enumerated futures" : "the fresh sample";
      if (!cvar.expectedValueWithin())
        notes.add(
            "no size within the bounds (nor not signing) keeps the expected future's cost within"
                + " the "
                + limit.name()
                + " limit, so VSS compares with the expected-value decision chosen without it;"
                + " the expected-value decision breaks the "
                + limit.name()
                + " limit: its "
                + limit.name()
                + " on "
                + where
                + " is "
                + cvar.expectedValueDecision().toPlainString());
      else if (!cvar.expectedValueMet())
        notes.add(
            "VSS compares with the expected-value decision chosen with the limit on the expected"
                + " future's cost (a one-point distribution's "
                + limit.name()
                + " is its cost), but the expected-value decision breaks the "
                + limit.name()
                + " limit on the futures: its "
                + limit.name()
                + " on "
                + where
                + " is "
                + cvar.expectedValueDecision().toPlainString()
                + ", so a negative VSS is what keeping the limit costs, not a saving to take");
      else
        notes.add(
            "VSS compares with the expected-value decision chosen with the limit on the expected"
                + " future's cost (a one-point distribution's "
                + limit.name()
                + " is its cost); its "
                + limit.name()
                + " on "
                + where
                + " is "
                + cvar.expectedValueDecision().toPlainString()
                + ", within the limit");
      notes.add(
          "EVPI's wait-and-see decisions are chosen without the "
              + limit.name()
              + " limit (each knows its future): EVPI is what perfect information would save if"
              + " the limit were dropped with it, which is at least what it would save under the"
              + " limit");
    }
    BigDecimal value = money(a.upper());
    BigDecimal bound = money(Double.isFinite(a.lower()) ? a.lower() : a.upper());
    return new OptimisedDeal(
        scenario.name(),
        scenario.currency(),
        deal.id(),
        deal.provider(),
        sampling.seed(),
        futures,
        exact,
        replications,
        check.futures().size(),
        SECOND_STAGE,
        a.signs(),
        a.signs() ? a.tier().discount() : null,
        minimums,
        commitment,
        value,
        bound,
        value.signum() == 0
            ? BigDecimal.ZERO.setScale(6)
            : value
                .subtract(bound)
                .max(BigDecimal.ZERO)
                .divide(value.abs(), MathContext.DECIMAL64)
                .setScale(6, RoundingMode.HALF_EVEN),
        a.iterations(),
        a.converged(),
        mean(money, w, exact),
        mean(steering, w, exact),
        mean(noneMoney, w, exact),
        mean(saving, w, exact),
        probability(dearer, w, exact),
        l,
        lowerLimit,
        u,
        upperLimit,
        u.value().subtract(l.value()),
        upperLimit.subtract(lowerLimit),
        mean(vss, w, exact),
        mean(evpi, w, exact),
        above,
        cvar,
        null,
        notes,
        reservation);
  }

  /** A reservation's GPUs in an answer (0 when not signing); NaN for minimums. */
  private double gpusOf(DealOptimiser.Answer a) {
    if (reserved == null) return Double.NaN;
    return a.signs() ? a.minimums()[0] : 0;
  }

  /**
   * The better whole GPU count around a reservation's continuous answer on the main sample (ties:
   * the smaller), within the bounds (docs/deals.md section 5.1).
   */
  private DealOptimiser.Answer wholeGpus(DealOptimiser o, DealOptimiser.Answer a, Sample main) {
    // the solver's 149.9999999 is 150
    double g = Math.round(a.minimums()[0] * 1e6) / 1e6;
    List<Double> candidates = new ArrayList<>();
    for (double c : new double[] {Math.floor(g), Math.ceil(g)})
      if (c >= lo[0] - 1e-9 && c <= hi[0] + 1e-9 && !candidates.contains(c)) candidates.add(c);
    if (candidates.isEmpty())
      throw new NuageException(
          "--bounds: no whole number of GPUs lies between "
              + lo[0]
              + " and "
              + hi[0]
              + ": widen --bounds");
    DealOptimiser.Answer best = null;
    for (double c : candidates) {
      DealOptimiser.Answer at =
          new DealOptimiser.Answer(
              a.tier(),
              new double[] {c},
              0,
              a.lower(),
              a.iterations(),
              a.converged(),
              new double[0]);
      double[] values = o.evaluate(at, main.futures()).objective();
      double avg = 0;
      for (int j = 0; j < values.length; j++) avg += main.weights()[j] * values[j];
      if (best == null || avg < best.upper())
        best =
            new DealOptimiser.Answer(
                a.tier(), new double[] {c}, avg, a.lower(), a.iterations(), a.converged(), values);
    }
    // a whole count a rounding dearer than not signing is no answer: not signing is
    DealOptimiser.Answer none = o.lastNotSigned();
    if (best != null && best.upper() > none.upper())
      return new DealOptimiser.Answer(
          null, new double[0], none.upper(), a.lower(), 0, true, none.values());
    return java.util.Objects.requireNonNull(best);
  }

  /** The whole-GPU answer, the continuous one and the replications' spread. */
  private OptimisedDeal.Reservation reservation(
      DealOptimiser.Answer a, double continuous, List<Double> gpus, boolean exact) {
    int whole = a.signs() ? (int) Math.round(a.minimums()[0]) : 0;
    double mean = 0;
    for (double g : gpus) mean += g / gpus.size();
    double half = 0;
    if (!exact && gpus.size() > 1) {
      double ss = 0;
      for (double g : gpus) ss += (g - mean) * (g - mean);
      half = t975(gpus.size() - 1) * Math.sqrt(ss / (gpus.size() - 1) / gpus.size());
    }
    return new OptimisedDeal.Reservation(
        whole,
        gpus3(continuous),
        gpus3(mean),
        gpus3(mean - half),
        gpus3(mean + half),
        money(feePerGpu.multiply(BigDecimal.valueOf(whole))),
        feePerGpu);
  }

  private static BigDecimal gpus3(double v) {
    return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN);
  }

  /** The reserved-capacity contract {@code id}, or null when it is another kind (or none). */
  private static @Nullable ReservedCapacity reservedCapacity(Scenario scenario, String id) {
    for (var c : scenario.contracts())
      if (c.id().equals(id) && c instanceof ReservedCapacity r) return r;
    return null;
  }

  /**
   * The committed-spend fields the report shares (the provider, the id) for a reservation: a
   * stand-in that is never priced (docs/deals.md section 5.1).
   */
  private static CommittedSpend sizingStandIn(ReservedCapacity r) {
    return new CommittedSpend(
        r.id(),
        r.provider(),
        r.term(),
        java.util.Collections.nCopies(r.term().years(), BigDecimal.ZERO),
        BigDecimal.ZERO,
        true,
        List.of());
  }

  /** What sizing a reservation cannot do, refused (docs/deals.md section 5.1). */
  /**
   * docs/deals.md section 5.1: in each month of {@code r}'s term inside the horizon, the GPUs the
   * capacity schedule offers beyond the other reservations of its cell, {@code Cap'_t}, must not
   * lie strictly between the bounds' GPUs (there {@code max(0, Cap' − G)} has its kink and the
   * value function is not convex). Read from the scenario as written, before any future is drawn:
   * the same refusal the model would make while solving.
   */
  static void requireNoKink(Scenario scenario, ReservedCapacity r, double lo, double hi) {
    boolean onDemand =
        scenario.catalog().offerings().stream()
            .anyMatch(
                o ->
                    o.pricing() == io.nuage.catalog.PricingKind.ON_DEMAND
                        && o.region().equals(r.region())
                        && o.accelerator().equals(r.accelerator()));
    if (!onDemand || !scenario.policy().allows(r.region())) return;
    List<io.nuage.catalog.CapacityStep> steps =
        scenario.capacity().stream()
            .filter(c -> c.region().equals(r.region()) && c.accelerator().equals(r.accelerator()))
            .sorted(java.util.Comparator.comparing(io.nuage.catalog.CapacityStep::from))
            .toList();
    for (java.time.YearMonth m : r.term().months()) {
      if (!scenario.horizon().contains(m)) continue;
      int schedule = 0;
      for (var step : steps) if (!step.from().isAfter(m)) schedule = step.gpus();
      long other = 0;
      for (ReservedCapacity o : scenario.contracts(ReservedCapacity.class))
        if (o != r
            && o.region().equals(r.region())
            && o.accelerator().equals(r.accelerator())
            && o.term().contains(m)) other += o.gpus();
      double spare = schedule - other;
      if (spare > lo && spare < hi)
        throw ReservationKink.across(r.region() + " " + r.accelerator(), spare, m, lo, hi, r);
    }
  }

  private static void requireSizable(
      Scenario scenario, ReservedCapacity r, @Nullable CvarLimit limit) {
    if (limit != null)
      throw new NuageException(
          "--risk: a CVaR limit is not offered when sizing the reserved-capacity contract "
              + r.id()
              + " (docs/deals.md section 5.1): leave --risk and --max out");
    if (r.term().months().stream().noneMatch(scenario.horizon()::contains))
      throw new NuageException(
          "--optimise: the term "
              + r.term()
              + " of "
              + r.id()
              + " is outside the horizon "
              + scenario.horizon()
              + ", so no future uses its GPUs: shorten the term or lengthen the horizon");
    for (var p : scenario.catalog().providers())
      if (scenario.policy().maxShareOf(p.id()).compareTo(BigDecimal.ONE) < 0)
        throw new NuageException(
            "--optimise: the scenario caps the spend share of "
                + p.id()
                + " ("
                + scenario.policy().maxShareOf(p.id()).toPlainString()
                + "), and sizing the reserved-capacity contract "
                + r.id()
                + " under a share cap is not built (its fee enters the share rows; docs/deals.md"
                + " section 5.1): remove the cap to size it");
  }

  /** One GPU's fee over the term's months inside the horizon (as the planner's fixed cost). */
  static BigDecimal feePerGpu(Scenario scenario, ReservedCapacity r) {
    BigDecimal hours = BigDecimal.ZERO;
    for (java.time.YearMonth m : r.term().months())
      if (scenario.horizon().contains(m))
        hours = hours.add(BigDecimal.valueOf(m.lengthOfMonth() * 24L));
    return r.pricePerGpuHour().multiply(hours);
  }

  /** The limit against the answer's CVaR on the main sample and on the fresh one. */
  private static OptimisedDeal.CvarCheck cvarCheck(
      CvarLimit limit,
      DealOptimiser.Answer a,
      Sample main,
      Sample check,
      double[] chosen,
      double[] eev,
      boolean evWithin) {
    Distribution fresh = check.exact() ? Distribution.weighted() : Distribution.sampled();
    for (int j = 0; j < chosen.length; j++)
      fresh.put(
          BigDecimal.valueOf(chosen[j]),
          check.exact() ? BigDecimal.valueOf(check.weights()[j]) : null);
    Estimate f = fresh.cvar(limit.level());
    double evCvar = CvarLimit.cvar(eev, check.weights(), limit.level().doubleValue());
    return new OptimisedDeal.CvarCheck(
        limit.name(),
        limit.level(),
        limit.max(),
        money(CvarLimit.cvar(a.values(), main.weights(), limit.level().doubleValue())),
        f,
        f.value().compareTo(limit.max()) <= 0,
        money(evCvar),
        limit.allows(evCvar),
        evWithin);
  }

  /** The (weighted) share of ones, 6 decimals, with its binomial standard error (0 when exact). */
  static Estimate probability(double[] v, double[] w, boolean exact) {
    double p = 0;
    for (int j = 0; j < v.length; j++) p += w[j] * v[j];
    BigDecimal value = BigDecimal.valueOf(p).setScale(6, RoundingMode.HALF_EVEN);
    if (exact) return new Estimate(value, BigDecimal.ZERO.setScale(6));
    return new Estimate(
        value,
        BigDecimal.valueOf(Math.sqrt(p * (1 - p) / v.length)).setScale(6, RoundingMode.HALF_EVEN));
  }

  /** The (weighted) mean and its standard error {@code s/√n}, 0 when exact; to the cent. */
  static Estimate mean(double[] v, double[] w, boolean exact) {
    BigDecimal m = BigDecimal.ZERO;
    for (int j = 0; j < v.length; j++)
      m = m.add(BigDecimal.valueOf(v[j]).multiply(BigDecimal.valueOf(w[j])));
    if (exact || v.length < 2) return new Estimate(money(m), money(BigDecimal.ZERO));
    BigDecimal ss = BigDecimal.ZERO;
    for (double x : v) {
      BigDecimal d = BigDecimal.valueOf(x).subtract(m);
      ss = ss.add(d.multiply(d));
    }
    BigDecimal se =
        ss.divide(BigDecimal.valueOf((long) v.length * (v.length - 1)), MathContext.DECIMAL64)
            .sqrt(MathContext.DECIMAL64);
    return new Estimate(money(m), money(se));
  }

  /**
   * Student's t quantile, one-sided 97.5% (two-sided 95%), with {@code df} degrees of freedom,
   * exact to about 1e-12: the root of {@code F(t) = 0.975} found by bisection, where {@code F(t) =
   * 1 − I_x(df/2, 1/2)/2}, {@code x = df/(df + t²)}, and the regularized incomplete beta {@code
   * I_x} is evaluated by its continued fraction (Abramowitz and Stegun 26.7.1 and 26.5.8; Press et
   * al., Numerical Recipes, section 6.4). Checked against tabulated values in DealOptimisationTest.
   */
  static double t975(int df) {
    if (df < 1) throw new IllegalArgumentException("no degrees of freedom");
    double lo = 1.959963984540054; // the normal quantile: t is above it for every df
    double hi = 12.706204736174705; // df = 1 (Cauchy: tan(0.475π)), the largest
    for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
      double mid = 0.5 * (lo + hi);
      double upperTail = 0.5 * regularizedBeta(df / (df + mid * mid), 0.5 * df, 0.5);
      if (upperTail > 0.025) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  }

  /** {@code I_x(a, b)}, by the continued fraction on the side where it converges fast. */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double front =
        Math.exp(
            logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) return front * betaFraction(x, a, b) / a;
    return 1 - front * betaFraction(1 - x, b, a) / b;
  }

  /** The continued fraction of the incomplete beta (modified Lentz). */
  private static double betaFraction(double x, double a, double b) {
    double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) break;
    }
    return h;
  }

  /** {@code ln Γ(x)}, x > 0: Lanczos (g = 7, 9 terms), about 15 digits. */
  private static double logGamma(double x) {
    double[] g = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    x -= 1;
    double sum = g[0];
    for (int i = 1; i < g.length; i++) sum += g[i] / (x + i);
    double t = x + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  private static BigDecimal money(double v) {
    return money(BigDecimal.valueOf(v));
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN);
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
  }
}
