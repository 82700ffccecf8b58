package io.nuage.risk;

import io.nuage.catalog.CapacityStep;
import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import io.nuage.uncertainty.Delay;
import io.nuage.uncertainty.DemandRisk;
import io.nuage.uncertainty.RunRisk;
import io.nuage.uncertainty.StepRef;
import io.nuage.uncertainty.Uncertainty;
import io.nuage.uncertainty.Weighted;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every future of a scenario whose uncertainty is discrete, with its exact probability
 * (docs/risk.md section 3, "Exact enumeration"): demand levels, runs cancelled, resized and
 * slipped, capacity slips. A motion (drift or volatility), a price drift or a provider hazard has
 * no exact probabilities and is refused, as is an enumeration of more than {@link
 * RiskOptions#MAX_ENUMERATED} futures.
 */
public final class FutureEnumeration {
  /** A future and its probability. */
  public record Weighed(Future future, BigDecimal probability) {}

  private record Choice(BigDecimal weight, Consumer<Builder> apply) {}

  private static final class Builder {
    final Map<String, double[]> demand = new HashMap<>();
    final Set<String> cancelled = new HashSet<>();
    final Map<String, BigDecimal> sizes = new HashMap<>();
    final Map<String, Integer> slips = new HashMap<>();
    final Map<StepRef, Delay> delays = new HashMap<>();
  }

  private final List<List<Choice>> dimensions = new ArrayList<>();
  private final long count;

  public FutureEnumeration(Scenario scenario, Uncertainty u) {
    refuseContinuous(scenario, u);
    int months = scenario.horizon().length();
    scenario.workloads(InferenceFleet.class).stream()
        .sorted(Comparator.comparing(InferenceFleet::id))
        .forEach(
            f -> {
              DemandRisk r = u.demandOf(f.id());
              if (r.isCertain()) return;
              List<Choice> c = new ArrayList<>();
              for (Weighted<BigDecimal> w : r.levels().outcomes()) {
                if (w.weight().signum() == 0) continue;
                double[] level = new double[months];
                Arrays.fill(level, w.value().doubleValue());
                c.add(new Choice(w.weight(), b -> b.demand.put(f.id(), level)));
              }
              dimensions.add(c);
            });
    scenario.workloads(TrainingRun.class).stream()
        .sorted(Comparator.comparing(TrainingRun::id))
        .forEach(
            run -> {
              RunRisk r = u.runOf(run.id());
              if (r.isCertain()) return;
              List<Choice> c = new ArrayList<>();
              if (r.cancel().signum() > 0)
                c.add(new Choice(r.cancel(), b -> b.cancelled.add(run.id())));
              BigDecimal kept = BigDecimal.ONE.subtract(r.cancel());
              if (kept.signum() > 0)
                for (Weighted<BigDecimal> size : r.size().outcomes())
                  for (Weighted<Integer> slip : r.slipMonths().outcomes()) {
                    BigDecimal w = kept.multiply(size.weight()).multiply(slip.weight());
                    if (w.signum() == 0) continue;
                    c.add(
                        new Choice(
                            w,
                            b -> {
                              if (size.value().compareTo(BigDecimal.ONE) != 0)
                                b.sizes.put(run.id(), size.value());
                              if (slip.value() != 0) b.slips.put(run.id(), slip.value());
                            }));
                  }
              dimensions.add(c);
            });
    scenario.capacity().stream()
        .sorted(
            Comparator.comparing(CapacityStep::region)
                .thenComparing(CapacityStep::accelerator)
                .thenComparing(CapacityStep::from))
        .forEach(
            step -> {
              StepRef ref = StepRef.of(step);
              var slip = u.slipOf(ref);
              if (io.nuage.uncertainty.Discrete.isCertainly(slip, Delay.ON_TIME)) return;
              List<Choice> c = new ArrayList<>();
              for (Weighted<Delay> w : slip.outcomes())
                if (w.weight().signum() > 0)
                  c.add(new Choice(w.weight(), b -> b.delays.put(ref, w.value())));
              dimensions.add(c);
            });
    long n = 1;
    for (List<Choice> d : dimensions) {
      n = Math.multiplyExact(n, (long) d.size());
      if (n > RiskOptions.MAX_ENUMERATED)
        throw new NuageException(
            "--samples all: the uncertainty has more than "
                + RiskOptions.MAX_ENUMERATED
                + " futures (expected at most that many to enumerate; draw --samples N instead)");
    }
    this.count = n;
  }

  private static void refuseContinuous(Scenario scenario, Uncertainty u) {
    List<String> why = new ArrayList<>();
    for (InferenceFleet f : scenario.workloads(InferenceFleet.class))
      if (!u.demandOf(f.id()).isMotionCertain())
        why.add("demand of " + f.id() + " has a drift or volatility");
    if (!u.prices().isEmpty()) why.add("prices drift");
    u.providers()
        .forEach(
            (p, r) -> {
              if (r.yearlyProbability().signum() > 0) why.add("provider " + p + " may be lost");
            });
    if (!why.isEmpty())
      throw new NuageException(
          "--samples all needs discrete uncertainty with exact weights (got "
              + String.join(", ", why)
              + "; expected demand levels, training-runs and capacity slips only: draw --samples N"
              + " instead)");
  }

  /** How many futures there are (1 when nothing is uncertain). */
  public long count() {
    return count;
  }

  /** Future number {@code i} (0-based, mixed radix over the sources in a fixed order). */
  public Weighed get(long i) {
    if (i < 0 || i >= count) throw new IndexOutOfBoundsException(i);
    Builder b = new Builder();
    BigDecimal p = BigDecimal.ONE;
    long rest = i;
    for (List<Choice> d : dimensions) {
      Choice c = d.get((int) (rest % d.size()));
      rest /= d.size();
      c.apply().accept(b);
      p = p.multiply(c.weight());
    }
    return new Weighed(
        new Future(i, b.demand, b.cancelled, b.sizes, b.slips, b.delays, Map.of(), Map.of()), p);
  }
}
