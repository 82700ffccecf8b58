package io.nuage.risk;

import io.nuage.uncertainty.Delay;
import io.nuage.uncertainty.StepRef;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * One drawn future (docs/risk.md section 1): what each source drew for sample {@code sample}.
 * Factors are doubles, as the sampler makes them; they become exact decimals where the future's
 * scenario is built ({@link FutureScenario}).
 *
 * @param demandFactors per fleet id, the factor of each horizon month (index 0 = first month)
 * @param cancelled the ids of the cancelled training runs
 * @param sizes per training run id, its gang multiplier (1 when not drawn)
 * @param slips per training run id, months its window moves later (0 when not drawn)
 * @param stepDelays per capacity step, how late it arrives (on time when absent)
 * @param priceFactors per accelerator name, the list-price factor of each horizon month
 * @param providerLoss per provider id, the first month it is unavailable (absent: never)
 */
public record Future(
    long sample,
    Map<String, double[]> demandFactors,
    Set<String> cancelled,
    Map<String, BigDecimal> sizes,
    Map<String, Integer> slips,
    Map<StepRef, Delay> stepDelays,
    Map<String, double[]> priceFactors,
    Map<String, YearMonth> providerLoss) {
  public Future {
    demandFactors = Map.copyOf(demandFactors);
    cancelled = Set.copyOf(cancelled);
    sizes = Map.copyOf(sizes);
    slips = Map.copyOf(slips);
    stepDelays = Map.copyOf(stepDelays);
    priceFactors = Map.copyOf(priceFactors);
    providerLoss = Map.copyOf(providerLoss);
  }

  /** The scenario as written. */
  public static Future asWritten(long sample) {
    return new Future(sample, Map.of(), Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }
}
