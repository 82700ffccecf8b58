package io.nuage.plan.recourse;

import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a drawn future adds to its scenario when it is served (docs/risk.md section 2.0): contracts,
 * catalog and policy stay the scenario's, these are the future's own.
 *
 * @param unmetPenaltyPerGpuHour the price of a reference GPU-hour of demand left unserved (money)
 * @param shareCapPenalty the steering penalty per dollar above a share cap (not money)
 * @param listPriceFactors per accelerator name and month, the factor on its on-demand list price (1
 *     where absent); committed-spend rates and reservation fees stay as signed
 * @param providersLost per provider, the first month it is unavailable: its reservations deliver 0
 *     GPUs from then on, their fees still owed
 * @param kept per training run, the placement an adapting recourse keeps when the future still
 *     allows it (empty for {@code replan})
 */
public record RecourseTerms(
    BigDecimal unmetPenaltyPerGpuHour,
    BigDecimal shareCapPenalty,
    Map<String, Map<YearMonth, BigDecimal>> listPriceFactors,
    Map<String, YearMonth> providersLost,
    Map<String, RunPlace> kept) {
  public RecourseTerms {
    Objects.requireNonNull(unmetPenaltyPerGpuHour, "unmetPenaltyPerGpuHour");
    if (unmetPenaltyPerGpuHour.signum() <= 0)
      throw new IllegalArgumentException(
          "the unmet penalty must be above 0 (got " + unmetPenaltyPerGpuHour + ")");
    Objects.requireNonNull(shareCapPenalty, "shareCapPenalty");
    if (shareCapPenalty.signum() < 0)
      throw new IllegalArgumentException(
          "the share-cap penalty cannot be negative (got " + shareCapPenalty + ")");
    Map<String, Map<YearMonth, BigDecimal>> factors = new HashMap<>();
    listPriceFactors.forEach(
        (acc, byMonth) -> {
          byMonth.forEach(
              (m, f) -> {
                if (f.signum() <= 0)
                  throw new IllegalArgumentException(
                      "the list-price factor of " + acc + " in " + m + " must be above 0");
              });
          factors.put(acc, Map.copyOf(byMonth));
        });
    listPriceFactors = Map.copyOf(factors);
    providersLost = Map.copyOf(providersLost);
    kept = Map.copyOf(kept);
  }

  /**
   * The scenario's own terms: its uncertainty section's penalties (the unmet penalty by default
   * twice the dearest on-demand list price of the catalog), list prices as written, no provider
   * lost, nothing kept.
   */
  public static RecourseTerms of(Scenario scenario) {
    BigDecimal penalty = scenario.uncertainty().unmetPenaltyPerGpuHour();
    if (penalty == null) penalty = defaultPenalty(scenario);
    return new RecourseTerms(
        penalty, scenario.uncertainty().shareCapPenalty(), Map.of(), Map.of(), Map.of());
  }

  /** Twice the dearest on-demand list price of the catalog ($1 for a catalog without one). */
  public static BigDecimal defaultPenalty(Scenario scenario) {
    return scenario.catalog().offerings().stream()
        .filter(o -> o.pricing() == PricingKind.ON_DEMAND)
        .map(Offering::pricePerGpuHour)
        .max(BigDecimal::compareTo)
        .map(p -> p.multiply(BigDecimal.TWO))
        .filter(p -> p.signum() > 0)
        .orElse(BigDecimal.ONE);
  }

  public RecourseTerms withPrices(Map<String, Map<YearMonth, BigDecimal>> factors) {
    return new RecourseTerms(unmetPenaltyPerGpuHour, shareCapPenalty, factors, providersLost, kept);
  }

  public RecourseTerms withProvidersLost(Map<String, YearMonth> lost) {
    return new RecourseTerms(unmetPenaltyPerGpuHour, shareCapPenalty, listPriceFactors, lost, kept);
  }

  public RecourseTerms withKept(Map<String, RunPlace> places) {
    return new RecourseTerms(
        unmetPenaltyPerGpuHour, shareCapPenalty, listPriceFactors, providersLost, places);
  }

  /** The factor on the list price of {@code accelerator} in {@code month} (1 when not drawn). */
  public BigDecimal factor(String accelerator, YearMonth month) {
    Map<YearMonth, BigDecimal> byMonth = listPriceFactors.get(accelerator);
    if (byMonth == null) return BigDecimal.ONE;
    return byMonth.getOrDefault(month, BigDecimal.ONE);
  }

  /** Whether {@code provider} is unavailable in {@code month}. */
  public boolean lost(String provider, YearMonth month) {
    @Nullable YearMonth from = providersLost.get(provider);
    return from != null && !month.isBefore(from);
  }
}
