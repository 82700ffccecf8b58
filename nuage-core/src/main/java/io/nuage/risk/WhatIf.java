package io.nuage.risk;

import io.nuage.catalog.Accelerator;
import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import io.nuage.uncertainty.Delay;
import io.nuage.uncertainty.StepRef;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One future named by hand instead of drawn (docs/risk.md section 5): {@code nuage whatif}. Each
 * part is checked against the scenario and refused with what was expected.
 *
 * @param lostProvider a provider unavailable from {@code lostFrom} on, or null
 * @param delays capacity steps and how many months late they arrive
 * @param demandFactor every fleet's demand times this (1: unchanged)
 * @param prices list-price changes per accelerator name or family, as factors (0.7 for -30%)
 * @param cancelled training runs that do not happen
 */
public record WhatIf(
    @Nullable String lostProvider,
    @Nullable YearMonth lostFrom,
    Map<StepRef, Integer> delays,
    BigDecimal demandFactor,
    Map<String, BigDecimal> prices,
    Set<String> cancelled) {
  public WhatIf {
    delays = Map.copyOf(delays);
    Objects.requireNonNull(demandFactor, "demandFactor");
    if (demandFactor.signum() <= 0)
      throw new NuageException(
          "--demand: expected a factor above 0 such as x1.5 (got x" + demandFactor + ")");
    prices.forEach(
        (name, f) -> {
          if (f.signum() <= 0)
            throw new NuageException(
                "--price "
                    + name
                    + ": a list price cannot fall by 100% or more (got a factor of "
                    + f.toPlainString()
                    + ", expected above 0)");
        });
    delays.forEach(
        (ref, k) -> {
          if (k < 0)
            throw new NuageException(
                "--months: a capacity step cannot arrive early (got " + k + " for " + ref + ")");
        });
    prices = Map.copyOf(prices);
    cancelled = Set.copyOf(cancelled);
  }

  /** The scenario as written: nothing changed. */
  public static final WhatIf NONE =
      new WhatIf(null, null, Map.of(), BigDecimal.ONE, Map.of(), Set.of());

  /** Only {@code provider} lost from {@code from} on. */
  public static WhatIf losing(String provider, YearMonth from) {
    return new WhatIf(provider, from, Map.of(), BigDecimal.ONE, Map.of(), Set.of());
  }

  /**
   * What this future changes, one phrase each, in a stable order: "losing oci from 2029-01",
   * "delaying oci/us-phoenix-1/B200@2028-01 by 6 months", "demand x1.5", "H100 list prices -30%",
   * "cancelling training run gpt-next".
   */
  public List<String> changes() {
    List<String> out = new ArrayList<>();
    if (lostProvider != null) out.add("losing " + lostProvider + " from " + lostFrom);
    delays.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(StepRef::toString)))
        .forEach(e -> out.add("delaying " + e.getKey() + " by " + e.getValue() + " months"));
    if (demandFactor.compareTo(BigDecimal.ONE) != 0)
      out.add("demand x" + demandFactor.stripTrailingZeros().toPlainString());
    new java.util.TreeMap<>(prices)
        .forEach(
            (name, factor) -> {
              BigDecimal pct =
                  factor.subtract(BigDecimal.ONE).movePointRight(2).stripTrailingZeros();
              out.add(
                  name
                      + " list prices "
                      + (pct.signum() >= 0 ? "+" : "")
                      + pct.toPlainString()
                      + "%");
            });
    cancelled.stream().sorted().forEach(id -> out.add("cancelling training run " + id));
    return out;
  }

  /** True when this future is the scenario as written. */
  public boolean isEmpty() {
    return lostProvider == null
        && delays.isEmpty()
        && demandFactor.compareTo(BigDecimal.ONE) == 0
        && prices.isEmpty()
        && cancelled.isEmpty();
  }

  /** The future these changes make of {@code s}, every name checked against it. */
  public Future future(Scenario s) {
    int months = s.horizon().length();
    if (lostProvider != null) {
      if (s.catalog().provider(lostProvider).isEmpty())
        throw new NuageException(
            "--lose-provider: unknown provider (got "
                + lostProvider
                + ", expected one of "
                + String.join(
                    ", ", s.catalog().providers().stream().map(p -> p.id()).sorted().toList())
                + ")");
      if (lostFrom == null)
        throw new NuageException(
            "--lose-provider needs --from YYYY-MM (the first month without " + lostProvider + ")");
      if (!s.horizon().contains(lostFrom))
        throw new NuageException(
            "--from: outside the horizon (got " + lostFrom + ", expected " + s.horizon() + ")");
    }
    Map<StepRef, Delay> stepDelays = new HashMap<>();
    Set<StepRef> known = new HashSet<>();
    s.capacity().forEach(c -> known.add(StepRef.of(c)));
    delays.forEach(
        (ref, k) -> {
          if (!known.contains(ref))
            throw new NuageException(
                "--delay-capacity: unknown capacity step (got "
                    + ref
                    + ", expected REGION/ACCELERATOR@YYYY-MM of a step in the capacity section,"
                    + " such as "
                    + StepRef.of(s.capacity().get(0))
                    + ")");
          stepDelays.put(ref, new Delay.Months(k));
        });
    Map<String, double[]> demand = new HashMap<>();
    if (demandFactor.compareTo(BigDecimal.ONE) != 0)
      for (InferenceFleet f : s.workloads(InferenceFleet.class)) {
        double[] d = new double[months];
        Arrays.fill(d, demandFactor.doubleValue());
        demand.put(f.id(), d);
      }
    Map<String, double[]> priceFactors = new HashMap<>();
    prices.forEach(
        (name, factor) -> {
          List<Accelerator> matched = new ArrayList<>();
          for (Accelerator a : s.catalog().accelerators())
            if (a.name().equals(name) || a.family().equals(name)) matched.add(a);
          if (matched.isEmpty())
            throw new NuageException(
                "--price: unknown accelerator or family (got "
                    + name
                    + ", expected one of "
                    + String.join(
                        ", ", s.catalog().accelerators().stream().map(Accelerator::name).toList())
                    + ")");
          double[] f = new double[months];
          Arrays.fill(f, factor.doubleValue());
          matched.forEach(a -> priceFactors.put(a.name(), f));
        });
    Set<String> runs = new HashSet<>();
    s.workloads(TrainingRun.class).forEach(r -> runs.add(r.id()));
    for (String id : cancelled)
      if (!runs.contains(id))
        throw new NuageException(
            "--cancel: unknown training run (got "
                + id
                + ", expected one of "
                + String.join(", ", runs.stream().sorted().toList())
                + ")");
    return new Future(
        0,
        demand,
        cancelled,
        Map.of(),
        Map.of(),
        stepDelays,
        priceFactors,
        lostProvider == null ? Map.of() : Map.of(lostProvider, lostFrom));
  }
}
