package io.nuage.plan.verify;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.Region;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.past.RunningRun;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the scenario says, looked up the way docs/planner.md defines it: capacity levels, reserved
 * GPUs, on-demand list prices and discounts. Written from the documentation, not the optimiser.
 */
final class ScenarioFacts {
  /** GPU-hours are written with three decimals: sums allow one step per row. */
  static final BigDecimal ROW_TOLERANCE = new BigDecimal("0.001");

  final Scenario scenario;

  /** A re-plan's fixed past (null for a plan from scratch): months before it are not the plan's. */
  final @Nullable FixedPast past;

  /**
   * A risk future's terms (null for a plan): its drawn list prices and the providers it lost
   * (docs/plan-verifier.md, "Recourse plans").
   */
  final @Nullable RecourseTerms terms;

  private final Map<String, Region> regions;
  private final Map<String, Accelerator> accelerators;
  private final Map<String, BigDecimal> listPrice;
  // indexed once: the rules ask per row and per cell, and a plan has 10^5 rows
  private final Map<String, List<CapacityStep>> steps;
  private final Map<String, List<ReservedCapacity>> reservations;
  private final Map<String, List<CommittedSpend>> committedByProvider;

  ScenarioFacts(Scenario scenario, @Nullable FixedPast past) {
    this(scenario, past, null);
  }

  ScenarioFacts(Scenario scenario, @Nullable FixedPast past, @Nullable RecourseTerms terms) {
    this.scenario = scenario;
    this.past = past;
    this.terms = terms;
    this.regions =
        scenario.catalog().regions().stream().collect(Collectors.toMap(Region::id, r -> r));
    this.accelerators = scenario.catalog().acceleratorsByName();
    this.listPrice =
        scenario.catalog().offerings().stream()
            .filter(o -> o.pricing() == PricingKind.ON_DEMAND)
            .collect(
                Collectors.toMap(
                    o -> key(o.region(), o.accelerator()),
                    Offering::pricePerGpuHour,
                    BigDecimal::min));
    this.steps =
        scenario.capacity().stream()
            .collect(Collectors.groupingBy(s -> key(s.region(), s.accelerator())));
    this.reservations =
        scenario.contracts(ReservedCapacity.class).stream()
            .collect(Collectors.groupingBy(k -> key(k.region(), k.accelerator())));
    this.committedByProvider =
        scenario.contracts(CommittedSpend.class).stream()
            .collect(Collectors.groupingBy(CommittedSpend::provider));
  }

  /** Whether a month is the plan's to decide: not before a re-plan's first open month. */
  boolean open(YearMonth month) {
    return past == null || !month.isBefore(past.firstOpen());
  }

  /** Whether a plan year has a month left to decide (a cap to hold). */
  boolean openPlanYear(int planYear) {
    YearMonth last = YearMonth.of(planYear, 12);
    if (last.isAfter(scenario.horizon().end())) last = scenario.horizon().end();
    return open(last);
  }

  /** The run's place and start when a re-plan's past has it under way. */
  Optional<RunningRun> running(String workload) {
    return past == null ? Optional.empty() : past.running(workload);
  }

  boolean finished(String workload) {
    return past != null && past.finished().contains(workload);
  }

  static String key(String region, String accelerator) {
    return region + "|" + accelerator;
  }

  static BigDecimal rowTolerance(long rows) {
    return ROW_TOLERANCE.multiply(BigDecimal.valueOf(rows));
  }

  static BigDecimal hours(YearMonth month) {
    return BigDecimal.valueOf(24L * month.lengthOfMonth());
  }

  Optional<Region> region(String id) {
    return Optional.ofNullable(regions.get(id));
  }

  Optional<Accelerator> accelerator(String name) {
    return Optional.ofNullable(accelerators.get(name));
  }

  /** The cheapest on-demand list price of (region, accelerator), if the catalog offers it. */
  Optional<BigDecimal> listPrice(String region, String accelerator) {
    return Optional.ofNullable(listPrice.get(key(region, accelerator)));
  }

  /** True when the accelerator is named in {@code allowed} by its name or its family. */
  boolean compatible(Set<String> allowed, String accelerator) {
    return allowed.contains(accelerator)
        || accelerator(accelerator).map(a -> allowed.contains(a.family())).orElse(false);
  }

  /** The schedule's level: the latest step at or before the month; 0 before the first. */
  long scheduled(String region, String accelerator, YearMonth month) {
    return steps.getOrDefault(key(region, accelerator), List.of()).stream()
        .filter(s -> !s.from().isAfter(month))
        .max(Comparator.comparing(CapacityStep::from))
        .map(CapacityStep::gpus)
        .orElse(0);
  }

  /** Reserved GPUs delivered: none from the month a future lost their provider. */
  long reserved(String region, String accelerator, YearMonth month) {
    return reservations.getOrDefault(key(region, accelerator), List.of()).stream()
        .filter(k -> k.term().contains(month))
        .filter(k -> terms == null || !terms.lost(k.provider(), month))
        .mapToLong(ReservedCapacity::gpus)
        .sum();
  }

  /** GPUs deliverable: the reservation is carved out of the schedule but guaranteed. */
  long deliverable(String region, String accelerator, YearMonth month) {
    return Math.max(scheduled(region, accelerator, month), reserved(region, accelerator, month));
  }

  /** The committed-spend contract with the provider active that month (earliest start first). */
  Optional<CommittedSpend> committed(String provider, YearMonth month) {
    return committedByProvider.getOrDefault(provider, List.of()).stream()
        .filter(k -> k.term().contains(month))
        .min(Comparator.comparing(k -> k.term().start()));
  }

  BigDecimal rateCardDiscount(String provider, YearMonth month) {
    return scenario.contracts(RateCard.class).stream()
        .filter(k -> k.provider().equals(provider) && k.term().contains(month))
        .map(RateCard::discount)
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }

  /**
   * The effective on-demand price of (region, accelerator) in a month: list price less the discount
   * of the provider's active committed-spend contract, else of its rate card; empty without an
   * on-demand offering.
   */
  Optional<BigDecimal> effectivePrice(String region, String accelerator, YearMonth month) {
    Optional<Region> r = region(region);
    if (r.isEmpty()) return Optional.empty();
    String provider = r.get().provider();
    BigDecimal discount =
        committed(provider, month)
            .map(CommittedSpend::discount)
            .orElseGet(() -> rateCardDiscount(provider, month));
    Optional<CommittedSpend> commit = committed(provider, month);
    Optional<BigDecimal> list =
        commit.isPresent() && !commit.get().followsList()
            ? listPrice(region, accelerator)
            : onDemandList(region, accelerator, month);
    return list.map(p -> p.multiply(BigDecimal.ONE.subtract(discount)));
  }

  /**
   * The list price on-demand and rate-card rows pay: a future's drawn list (the list times its
   * factor of the accelerator and month), the catalog's otherwise. Committed rates stay on the base
   * list, as signed, unless their contract follows the list.
   */
  Optional<BigDecimal> onDemandList(String region, String accelerator, YearMonth month) {
    Optional<BigDecimal> list = listPrice(region, accelerator);
    if (terms == null) return list;
    return list.map(p -> p.multiply(terms.factor(accelerator, month)));
  }

  /** Regions of a provider the policy allows. */
  List<Region> allowedRegionsOf(String provider) {
    return regions.values().stream()
        .filter(r -> r.provider().equals(provider) && scenario.policy().allows(r.id()))
        .sorted(Comparator.comparing(Region::id))
        .toList();
  }

  /**
   * Plan year of a month: its calendar year, as the planner's share rows (docs/planner.md, {@code
   * addSpendShareLimits}) and the policy (docs/scenario.md, {@code max-share}) count it. A horizon
   * that starts in July has a first plan year of six months.
   */
  int planYear(YearMonth month) {
    return month.getYear();
  }

  /** The label docs/plan-json.md uses: the calendar year. */
  int planYearLabel(int planYear) {
    return planYear;
  }
}
