package io.nuage.risk;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.CapacityStep;
import io.nuage.scenario.Scenario;
import io.nuage.uncertainty.Delay;
import io.nuage.uncertainty.DemandRisk;
import io.nuage.uncertainty.PriceRisk;
import io.nuage.uncertainty.ProviderRisk;
import io.nuage.uncertainty.RunRisk;
import io.nuage.uncertainty.Source;
import io.nuage.uncertainty.StepRef;
import io.nuage.uncertainty.Uncertainty;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws futures (docs/risk.md sections 1 and 3). Each source draws from its own stream of the
 * sample, always the same number of values in the same order (ids sorted), so that a future depends
 * only on the seed and the sample's number, and one source alone draws what it draws with the
 * others.
 */
public final class FutureSampler {
  private final Scenario scenario;
  private final Uncertainty uncertainty;
  private final long seed;
  private final List<YearMonth> months;
  private final List<InferenceFleet> fleets;
  private final List<TrainingRun> runs;
  private final List<CapacityStep> steps;

  public FutureSampler(Scenario scenario, Uncertainty uncertainty, long seed) {
    this.scenario = scenario;
    this.uncertainty = uncertainty;
    this.seed = seed;
    this.months = scenario.horizon().months();
    this.fleets =
        scenario.workloads(InferenceFleet.class).stream()
            .sorted(Comparator.comparing(InferenceFleet::id))
            .toList();
    this.runs =
        scenario.workloads(TrainingRun.class).stream()
            .sorted(Comparator.comparing(TrainingRun::id))
            .toList();
    this.steps =
        scenario.capacity().stream()
            .sorted(
                Comparator.comparing(CapacityStep::region)
                    .thenComparing(CapacityStep::accelerator)
                    .thenComparing(CapacityStep::from))
            .toList();
  }

  public Future draw(long sample) {
    Set<String> cancelled = new HashSet<>();
    Map<String, BigDecimal> sizes = new HashMap<>();
    Map<String, Integer> slips = new HashMap<>();
    SampleStream s = new SampleStream(seed, sample, Source.TRAINING_RUNS);
    for (TrainingRun run : runs) {
      RunRisk r = uncertainty.runOf(run.id());
      double cancel = s.uniform();
      double size = s.uniform();
      double slip = s.uniform();
      if (cancel < r.cancel().doubleValue()) cancelled.add(run.id());
      BigDecimal factor = r.size().sample(size);
      if (factor.compareTo(BigDecimal.ONE) != 0) sizes.put(run.id(), factor);
      int months = r.slipMonths().sample(slip);
      if (months != 0) slips.put(run.id(), months);
    }
    return new Future(
        sample,
        demand(new SampleStream(seed, sample, Source.DEMAND)),
        cancelled,
        sizes,
        slips,
        delays(new SampleStream(seed, sample, Source.CAPACITY)),
        prices(new SampleStream(seed, sample, Source.PRICES)),
        losses(new SampleStream(seed, sample, Source.PROVIDERS)));
  }

  /**
   * The expected-value future (docs/deals.md section 6, VSS): every continuous random variable at
   * its mean (a fleet's demand factor {@code E[L] e^{μt}}, a list price's {@code e^{(μ+σ²/2)y}}),
   * every discrete event at its most likely outcome (the mean of a cancellation is not a future): a
   * run cancelled only when its probability is above one half, its size and slip and each capacity
   * step's delay the outcome of largest weight, no provider lost unless its yearly probability is
   * above one half, from the first month it may be.
   */
  public Future expected() {
    int n = months.size();
    Map<String, double[]> demand = new HashMap<>();
    for (InferenceFleet f : fleets) {
      DemandRisk r = uncertainty.demandOf(f.id());
      if (r.isCertain()) continue;
      double level = 0;
      for (var w : r.levels().outcomes())
        level += w.value().doubleValue() * w.weight().doubleValue();
      double[] d = new double[n];
      for (int t = 0; t < n; t++) {
        double time =
            r.isMotionCertain() ? 0 : r.step() == DemandRisk.Step.MONTH ? t / 12.0 : t / 12;
        d[t] = level * Math.exp(r.drift() * time);
      }
      demand.put(f.id(), d);
    }
    Set<String> cancelled = new HashSet<>();
    Map<String, BigDecimal> sizes = new HashMap<>();
    Map<String, Integer> slips = new HashMap<>();
    for (TrainingRun run : runs) {
      RunRisk r = uncertainty.runOf(run.id());
      if (r.cancel().compareTo(new BigDecimal("0.5")) > 0) cancelled.add(run.id());
      BigDecimal size = mode(r.size());
      if (size.compareTo(BigDecimal.ONE) != 0) sizes.put(run.id(), size);
      int slip = mode(r.slipMonths());
      if (slip != 0) slips.put(run.id(), slip);
    }
    Map<StepRef, Delay> delays = new HashMap<>();
    for (CapacityStep step : steps) {
      StepRef ref = StepRef.of(step);
      Delay d = mode(uncertainty.slipOf(ref));
      if (!d.equals(Delay.ON_TIME)) delays.put(ref, d);
    }
    int years = (n + 11) / 12;
    Map<String, double[]> byKey = new HashMap<>();
    for (var e : uncertainty.pricesSorted().entrySet()) {
      PriceRisk r = e.getValue();
      double[] f = new double[n];
      for (int y = 0; y < years; y++)
        for (int t = 12 * y; t < Math.min(n, 12 * y + 12); t++)
          f[t] = Math.exp(y * (r.drift() + r.volatility() * r.volatility() / 2));
      byKey.put(e.getKey(), f);
    }
    Map<String, double[]> prices = new HashMap<>();
    for (Accelerator a : scenario.catalog().accelerators()) {
      double[] f = byKey.containsKey(a.name()) ? byKey.get(a.name()) : byKey.get(a.family());
      if (f != null) prices.put(a.name(), f);
    }
    Map<String, YearMonth> losses = new HashMap<>();
    for (var e : uncertainty.providersSorted().entrySet()) {
      ProviderRisk r = e.getValue();
      if (r.yearlyProbability().compareTo(new BigDecimal("0.5")) > 0)
        losses.put(e.getKey(), r.from() == null ? months.getFirst() : r.from());
    }
    return new Future(-1, demand, cancelled, sizes, slips, delays, prices, losses);
  }

  /** The outcome of largest weight (the first of equals). */
  private static <T> T mode(io.nuage.uncertainty.Discrete<T> d) {
    var best = d.outcomes().getFirst();
    for (var w : d.outcomes()) if (w.weight().compareTo(best.weight()) > 0) best = w;
    return best.value();
  }

  private Map<String, double[]> demand(SampleStream s) {
    int n = months.size();
    double[] common = new double[n];
    for (int t = 0; t < n; t++) common[t] = s.normal();
    Map<String, double[]> factors = new HashMap<>();
    for (InferenceFleet f : fleets) {
      double[] own = new double[n];
      for (int t = 0; t < n; t++) own[t] = s.normal();
      double u = s.uniform();
      DemandRisk r = uncertainty.demandOf(f.id());
      if (r.isCertain()) continue;
      double level = r.levels().sample(u).doubleValue();
      double[] d =
          r.isMotionCertain()
              ? ones(n)
              : r.step() == DemandRisk.Step.MONTH
                  ? monthly(r, common, own)
                  : yearly(r, common, own);
      for (int t = 0; t < n; t++) d[t] *= level;
      factors.put(f.id(), d);
    }
    return factors;
  }

  private static double[] ones(int n) {
    double[] d = new double[n];
    java.util.Arrays.fill(d, 1.0);
    return d;
  }

  /** X(t) = X(t-1) + (μ - σ²/2)Δ + σ√Δ (ρ Z0 + √(1-ρ²) Zf), X(0) = 0, Δ = 1/12. */
  private static double[] monthly(DemandRisk r, double[] common, double[] own) {
    double dt = 1.0 / 12;
    double rho = r.correlation();
    double[] d = new double[common.length];
    double x = 0;
    for (int t = 0; t < d.length; t++) {
      if (t > 0) {
        double z = rho * common[t - 1] + Math.sqrt(1 - rho * rho) * own[t - 1];
        x +=
            (r.drift() - r.volatility() * r.volatility() / 2) * dt
                + r.volatility() * Math.sqrt(dt) * z;
      }
      d[t] = Math.exp(x);
    }
    return d;
  }

  /**
   * Held through each plan year; a year's increment uses the sum of that year's twelve monthly
   * normals over √12 (again standard normal), so that month and year fleets share the common
   * factor.
   */
  private static double[] yearly(DemandRisk r, double[] common, double[] own) {
    double rho = r.correlation();
    double[] d = new double[common.length];
    double x = 0;
    for (int t = 0; t < d.length; t++) {
      if (t > 0 && t % 12 == 0) {
        double z0 = 0;
        double zf = 0;
        for (int k = t - 12; k < t; k++) {
          z0 += common[k];
          zf += own[k];
        }
        double z = (rho * z0 + Math.sqrt(1 - rho * rho) * zf) / Math.sqrt(12);
        x += r.drift() - r.volatility() * r.volatility() / 2 + r.volatility() * z;
      }
      d[t] = Math.exp(x);
    }
    return d;
  }

  private Map<StepRef, Delay> delays(SampleStream s) {
    Map<StepRef, Delay> m = new HashMap<>();
    for (CapacityStep step : steps) {
      StepRef ref = StepRef.of(step);
      Delay d = uncertainty.slipOf(ref).sample(s.uniform());
      if (!d.equals(Delay.ON_TIME)) m.put(ref, d);
    }
    return m;
  }

  private Map<String, double[]> prices(SampleStream s) {
    int n = months.size();
    int years = (n + 11) / 12;
    Map<String, double[]> byKey = new HashMap<>();
    for (var e : uncertainty.pricesSorted().entrySet()) {
      PriceRisk r = e.getValue();
      double[] f = new double[n];
      double x = 0;
      for (int y = 0; y < years; y++) {
        if (y > 0) x += r.drift() + r.volatility() * s.normal();
        for (int t = 12 * y; t < Math.min(n, 12 * y + 12); t++) f[t] = Math.exp(x);
      }
      byKey.put(e.getKey(), f);
    }
    Map<String, double[]> byAccelerator = new HashMap<>();
    for (Accelerator a : scenario.catalog().accelerators()) {
      double[] f = byKey.containsKey(a.name()) ? byKey.get(a.name()) : byKey.get(a.family());
      if (f != null) byAccelerator.put(a.name(), f);
    }
    return byAccelerator;
  }

  private Map<String, YearMonth> losses(SampleStream s) {
    Map<String, YearMonth> m = new HashMap<>();
    for (var e : uncertainty.providersSorted().entrySet()) {
      ProviderRisk r = e.getValue();
      double h = r.monthlyHazard();
      YearMonth lost = null;
      for (YearMonth month : months) {
        double u = s.uniform();
        boolean atRisk = r.from() == null || !month.isBefore(r.from());
        if (lost == null && atRisk && u < h) lost = month;
      }
      if (lost != null) m.put(e.getKey(), lost);
    }
    return m;
  }
}
