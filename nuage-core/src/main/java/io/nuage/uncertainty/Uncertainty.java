package io.nuage.uncertainty;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A scenario's {@code uncertainty:} section, parsed: what each source may draw (docs/risk.md
 * section 1). A source left out of the section is certain.
 *
 * @param demand the default for every fleet; {@code demandByFleet} overrides it per fleet id
 * @param runs the default for every training run; {@code runsById} overrides it per run id
 * @param capacitySlip the default slip of every capacity step; {@code slipByStep} per step
 * @param prices by accelerator name or family (a name wins over its family)
 * @param providers by provider id
 * @param unmetPenaltyPerGpuHour the price of unmet demand; null: twice the dearest list price
 * @param shareCapPenalty the steering penalty per dollar above a share cap (not money)
 */
public record Uncertainty(
    DemandRisk demand,
    Map<String, DemandRisk> demandByFleet,
    RunRisk runs,
    Map<String, RunRisk> runsById,
    Discrete<Delay> capacitySlip,
    Map<StepRef, Discrete<Delay>> slipByStep,
    Map<String, PriceRisk> prices,
    Map<String, ProviderRisk> providers,
    @Nullable BigDecimal unmetPenaltyPerGpuHour,
    BigDecimal shareCapPenalty) {
  public Uncertainty {
    Objects.requireNonNull(demand, "demand");
    demandByFleet = Map.copyOf(demandByFleet);
    Objects.requireNonNull(runs, "runs");
    runsById = Map.copyOf(runsById);
    Objects.requireNonNull(capacitySlip, "capacitySlip");
    slipByStep = Map.copyOf(slipByStep);
    prices = Map.copyOf(prices);
    providers = Map.copyOf(providers);
    if (unmetPenaltyPerGpuHour != null && unmetPenaltyPerGpuHour.signum() <= 0)
      throw new IllegalArgumentException("the unmet penalty must be above 0");
    Objects.requireNonNull(shareCapPenalty, "shareCapPenalty");
    if (shareCapPenalty.signum() < 0)
      throw new IllegalArgumentException("the share-cap penalty cannot be negative");
  }

  /**
   * The default steering penalty per dollar above a share cap: large enough that a recourse holds a
   * cap wherever it can (docs/risk.md section 2; at 1 the shipped example's recourse broke oci's
   * cap as written, a dollar over it saving more than a dollar; from 1.5 on it holds it).
   */
  public static final BigDecimal DEFAULT_SHARE_CAP_PENALTY = BigDecimal.TEN;

  /** Nothing uncertain: every future is the scenario as written. */
  public static final Uncertainty NONE =
      new Uncertainty(
          DemandRisk.NONE,
          Map.of(),
          RunRisk.NONE,
          Map.of(),
          Discrete.always(Delay.ON_TIME),
          Map.of(),
          Map.of(),
          Map.of(),
          null,
          DEFAULT_SHARE_CAP_PENALTY);

  public DemandRisk demandOf(String fleet) {
    return demandByFleet.getOrDefault(fleet, demand);
  }

  public RunRisk runOf(String run) {
    return runsById.getOrDefault(run, runs);
  }

  public Discrete<Delay> slipOf(StepRef step) {
    return slipByStep.getOrDefault(step, capacitySlip);
  }

  /** True when no source can draw anything but the scenario as written. */
  public boolean isCertain() {
    return demand.isCertain()
        && demandByFleet.values().stream().allMatch(DemandRisk::isCertain)
        && runs.isCertain()
        && runsById.values().stream().allMatch(RunRisk::isCertain)
        && Discrete.isCertainly(capacitySlip, Delay.ON_TIME)
        && slipByStep.values().stream().allMatch(d -> Discrete.isCertainly(d, Delay.ON_TIME))
        && prices.isEmpty()
        && providers.values().stream().allMatch(p -> p.yearlyProbability().signum() == 0);
  }

  /** The same section with every source but {@code kept} certain ("each source alone"). */
  public Uncertainty only(Source kept) {
    return new Uncertainty(
        kept == Source.DEMAND ? demand : DemandRisk.NONE,
        kept == Source.DEMAND ? demandByFleet : Map.of(),
        kept == Source.TRAINING_RUNS ? runs : RunRisk.NONE,
        kept == Source.TRAINING_RUNS ? runsById : Map.of(),
        kept == Source.CAPACITY ? capacitySlip : Discrete.always(Delay.ON_TIME),
        kept == Source.CAPACITY ? slipByStep : Map.of(),
        kept == Source.PRICES ? prices : Map.of(),
        kept == Source.PROVIDERS ? providers : Map.of(),
        unmetPenaltyPerGpuHour,
        shareCapPenalty);
  }

  /** Sorted views, so that draws happen in one order whatever the maps' own. */
  public Map<String, PriceRisk> pricesSorted() {
    return new TreeMap<>(prices);
  }

  public Map<String, ProviderRisk> providersSorted() {
    return new TreeMap<>(providers);
  }
}
