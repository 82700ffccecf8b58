package io.nuage.risk;

import io.nuage.catalog.CapacityStep;
import io.nuage.scenario.Scenario;
import io.nuage.uncertainty.Delay;
import io.nuage.uncertainty.StepRef;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import io.nuage.workload.Workload;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The scenario of a drawn future (docs/risk.md section 1): demand scaled, runs cancelled, resized
 * and slipped, capacity steps late or missing, lost providers' capacity at zero. Contracts, catalog
 * and policy are the scenario's own: they are signed. Prices and lost reservations are not in the
 * scenario's terms (a signed reservation stays in the contracts); they are the future's {@link
 * Market}.
 */
public final class FutureScenario {
  private FutureScenario() {}

  public static Scenario of(Scenario base, Future future) {
    return base.withCapacityAndWorkloads(capacity(base, future), workloads(base, future));
  }

  private static List<Workload> workloads(Scenario base, Future future) {
    List<Workload> result = new ArrayList<>();
    List<YearMonth> months = base.horizon().months();
    for (Workload w : base.workloads()) {
      switch (w) {
        case TrainingRun r -> {
          if (future.cancelled().contains(r.id())) continue;
          result.add(run(r, future));
        }
        case InferenceFleet f -> {
          double[] factors = future.demandFactors().get(f.id());
          result.add(factors == null ? f : scaled(f, factors, months));
        }
        default -> result.add(w);
      }
    }
    return result;
  }

  private static TrainingRun run(TrainingRun r, Future future) {
    BigDecimal size = future.sizes().getOrDefault(r.id(), BigDecimal.ONE);
    int slip = future.slips().getOrDefault(r.id(), 0);
    if (size.compareTo(BigDecimal.ONE) == 0 && slip == 0) return r;
    int gpus =
        Math.max(
            1,
            BigDecimal.valueOf(r.gpus())
                .multiply(size)
                .setScale(0, RoundingMode.HALF_EVEN)
                .intValueExact());
    return new TrainingRun(
        r.id(),
        gpus,
        r.referenceHours(),
        r.accelerators(),
        r.earliestStart().plusMonths(slip),
        r.deadline().plusMonths(slip),
        r.datasetTb(),
        r.datasetHome());
  }

  /** GPU-hours times the month's factor, as exact decimals rounded to 1e-3 GPU-hour HALF_EVEN. */
  private static InferenceFleet scaled(InferenceFleet f, double[] factors, List<YearMonth> months) {
    List<GeographyDemand> demands = new ArrayList<>();
    for (GeographyDemand g : f.demands()) {
      SortedMap<YearMonth, BigDecimal> hours = new TreeMap<>();
      g.gpuHoursByMonth()
          .forEach(
              (m, h) -> {
                int t = months.indexOf(m);
                BigDecimal factor = t < 0 ? BigDecimal.ONE : BigDecimal.valueOf(factors[t]);
                hours.put(m, h.multiply(factor).setScale(3, RoundingMode.HALF_EVEN));
              });
      demands.add(new GeographyDemand(g.geography(), g.allowedRegions(), hours));
    }
    return new InferenceFleet(f.id(), f.accelerators(), demands);
  }

  /**
   * Each step's increment over the level before it arrives when it arrives (or never); the level of
   * a month is the sum of the increments arrived by then, at least 0; a lost provider's level is 0
   * from its month on.
   */
  private static List<CapacityStep> capacity(Scenario base, Future future) {
    record Key(String region, String accelerator) {}
    Map<Key, List<CapacityStep>> byKey = new LinkedHashMap<>();
    for (CapacityStep s : base.capacity())
      byKey.computeIfAbsent(new Key(s.region(), s.accelerator()), k -> new ArrayList<>()).add(s);
    List<CapacityStep> result = new ArrayList<>();
    for (var e : byKey.entrySet()) {
      List<CapacityStep> steps = new ArrayList<>(e.getValue());
      steps.sort(Comparator.comparing(CapacityStep::from));
      TreeMap<YearMonth, Long> increments = new TreeMap<>();
      int previous = 0;
      for (CapacityStep s : steps) {
        Delay d = future.stepDelays().getOrDefault(StepRef.of(s), Delay.ON_TIME);
        if (d instanceof Delay.Months m)
          increments.merge(s.from().plusMonths(m.months()), (long) s.gpus() - previous, Long::sum);
        previous = s.gpus();
      }
      String provider = base.providerOf(e.getKey().region());
      YearMonth lost = future.providerLoss().get(provider);
      long level = 0;
      for (var inc : increments.entrySet()) {
        if (lost != null && !inc.getKey().isBefore(lost)) break;
        level += inc.getValue();
        result.add(
            new CapacityStep(
                e.getKey().region(),
                e.getKey().accelerator(),
                inc.getKey(),
                (int) Math.max(0, level)));
      }
      if (lost != null)
        result.add(new CapacityStep(e.getKey().region(), e.getKey().accelerator(), lost, 0));
    }
    return result;
  }
}
