package io.nuage.plan.verify;

import io.nuage.catalog.Region;
import io.nuage.contract.RightOfFirstRefusal;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import io.nuage.workload.Workload;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The right of first refusal (docs/planner.md, {@code addRightOfFirstRefusal}): new capacity of an
 * accelerator whose price the holder would match may go to another provider only when the holder
 * has no capacity of it left, in the regions the workload may use, that could take it that month.
 * The readings of the rule are in docs/plan-verifier.md.
 */
final class RightOfFirstRefusalRules {
  private final ScenarioFacts facts;
  private final Consumer<Violation> report;
  private final Map<String, BigDecimal> used = new HashMap<>();
  private final Map<String, Integer> rowsIn = new HashMap<>();

  RightOfFirstRefusalRules(ScenarioFacts facts, Consumer<Violation> report) {
    this.facts = facts;
    this.report = report;
  }

  /** The holder's room for one row, as found in one allowed set. */
  private record Room(String where, BigDecimal holderPrice) {}

  void check(List<PlanRow> rows) {
    for (PlanRow row : rows) {
      String key = key(row.region(), row.accelerator(), row.month());
      used.merge(key, row.gpuHours(), BigDecimal::add);
      rowsIn.merge(key, 1, Integer::sum);
    }
    Map<String, Workload> workloads =
        facts.scenario.workloads().stream()
            .collect(Collectors.toMap(Workload::id, Function.identity()));
    for (RightOfFirstRefusal right : facts.scenario.contracts(RightOfFirstRefusal.class)) {
      for (PlanRow row : rows) {
        // a run under way at a re-plan's as-of date was placed before it: not bought now
        if (!isNewCapacity(right, row) || facts.running(row.workload()).isPresent()) continue;
        switch (workloads.get(row.workload())) {
          case TrainingRun run -> gangRoom(right, row, run).ifPresent(r -> fail(right, row, r));
          case InferenceFleet fleet -> checkFleet(right, row, fleet);
          case null, default -> {}
        }
      }
    }
  }

  /**
   * On-demand GPU-hours from a provider other than the holder, in a month without a committed-
   * spend contract with that provider, where it holds no reservation of that accelerator there.
   */
  private boolean isNewCapacity(RightOfFirstRefusal right, PlanRow row) {
    return right.term().contains(row.month())
        && !row.provider().equals(right.provider())
        && !row.reserved()
        && facts.committed(row.provider(), row.month()).isEmpty()
        && facts.reserved(row.region(), row.accelerator(), row.month()) == 0;
  }

  /**
   * A fleet row serves one of the geographies whose allowed set holds its region (rows carry no
   * geography): it breaks the rule only if it would break it for each of them.
   */
  private void checkFleet(RightOfFirstRefusal right, PlanRow row, InferenceFleet fleet) {
    List<GeographyDemand> serving =
        fleet.demands().stream().filter(d -> d.allowedRegions().contains(row.region())).toList();
    List<GeographyDemand> withDemand =
        serving.stream()
            .filter(
                d -> d.gpuHoursByMonth().getOrDefault(row.month(), BigDecimal.ZERO).signum() > 0)
            .toList();
    List<GeographyDemand> candidates = withDemand.isEmpty() ? serving : withDemand;
    List<Room> rooms = new ArrayList<>();
    for (GeographyDemand d : candidates) {
      Optional<Room> room = fleetRoom(right, row, d);
      if (room.isEmpty()) return;
      rooms.add(room.get());
    }
    if (!rooms.isEmpty()) fail(right, row, rooms.getFirst());
  }

  /** A fleet splits freely: any free GPU-hour of the holder in the geography's set is room. */
  private Optional<Room> fleetRoom(RightOfFirstRefusal right, PlanRow row, GeographyDemand d) {
    List<Region> holder = holderRegions(right, row, d.allowedRegions(), 1);
    Optional<BigDecimal> price = matchingPrice(right, row, holder);
    if (price.isEmpty()) return Optional.empty();
    BigDecimal hours = ScenarioFacts.hours(row.month());
    BigDecimal free = BigDecimal.ZERO;
    int rows = 0;
    for (Region r : holder) {
      String key = key(r.id(), row.accelerator(), row.month());
      long gpus = facts.deliverable(r.id(), row.accelerator(), row.month());
      free = free.add(hours.multiply(BigDecimal.valueOf(gpus))).subtract(usedIn(key));
      rows += rowsIn.getOrDefault(key, 0);
    }
    if (free.compareTo(ScenarioFacts.rowTolerance(Math.max(1, rows))) <= 0) return Optional.empty();
    String where =
        free.toPlainString()
            + " GPU-hours of "
            + row.accelerator()
            + " free in geography "
            + d.geography()
            + "'s regions "
            + holder.stream().map(Region::id).toList();
    return Optional.of(new Room(where, price.get()));
  }

  /**
   * A gang of N needs N GPUs in one region for the month: room is a holder region with more than (N
   * - 1) x hours free. Training runs have no allowed set of their own: the policy's is theirs.
   */
  private Optional<Room> gangRoom(RightOfFirstRefusal right, PlanRow row, TrainingRun run) {
    List<Region> holder = holderRegions(right, row, null, run.gpus());
    Optional<BigDecimal> price = matchingPrice(right, row, holder);
    if (price.isEmpty()) return Optional.empty();
    BigDecimal hours = ScenarioFacts.hours(row.month());
    BigDecimal notEnough = hours.multiply(BigDecimal.valueOf(run.gpus() - 1L));
    for (Region r : holder) {
      String key = key(r.id(), row.accelerator(), row.month());
      long gpus = facts.deliverable(r.id(), row.accelerator(), row.month());
      BigDecimal free = hours.multiply(BigDecimal.valueOf(gpus)).subtract(usedIn(key));
      BigDecimal tolerance = ScenarioFacts.rowTolerance(Math.max(1, rowsIn.getOrDefault(key, 0)));
      if (free.subtract(notEnough).compareTo(tolerance) > 0) {
        String where =
            r.id()
                + " had "
                + free.toPlainString()
                + " GPU-hours free, more than "
                + (run.gpus() - 1)
                + " x "
                + hours
                + " h: room for the gang of "
                + run.gpus();
        return Optional.of(new Room(where, price.get()));
      }
    }
    return Optional.empty();
  }

  /** The holder's regions in the set (all it has when null) with at least minGpus that month. */
  private List<Region> holderRegions(
      RightOfFirstRefusal right, PlanRow row, @Nullable Set<String> allowed, int minGpus) {
    return facts.allowedRegionsOf(right.provider()).stream()
        .filter(r -> allowed == null || allowed.contains(r.id()))
        .filter(r -> facts.deliverable(r.id(), row.accelerator(), row.month()) >= minGpus)
        .toList();
  }

  /**
   * The holder's cheapest effective on-demand price among those regions, if it would match the
   * row's effective price: at most (1 + margin) x it. A reservation is capacity, not a price.
   */
  private Optional<BigDecimal> matchingPrice(
      RightOfFirstRefusal right, PlanRow row, List<Region> holder) {
    // Only where it sells on demand: a region whose GPUs are all reserved has nothing to sell at
    // its list price.
    Optional<BigDecimal> cheapest =
        holder.stream()
            .filter(
                r ->
                    facts.scheduled(r.id(), row.accelerator(), row.month())
                        > facts.reserved(r.id(), row.accelerator(), row.month()))
            .flatMap(r -> facts.effectivePrice(r.id(), row.accelerator(), row.month()).stream())
            .min(BigDecimal::compareTo);
    BigDecimal rate =
        facts.effectivePrice(row.region(), row.accelerator(), row.month()).orElse(row.rate());
    BigDecimal matchUpTo = rate.multiply(BigDecimal.ONE.add(right.matchingMargin()));
    return cheapest.filter(p -> p.compareTo(matchUpTo) <= 0);
  }

  private BigDecimal usedIn(String key) {
    return used.getOrDefault(key, BigDecimal.ZERO);
  }

  private static String key(String region, String accelerator, YearMonth month) {
    return region + "|" + accelerator + "|" + month;
  }

  private void fail(RightOfFirstRefusal right, PlanRow row, Room room) {
    BigDecimal rate =
        facts.effectivePrice(row.region(), row.accelerator(), row.month()).orElse(row.rate());
    report.accept(
        new Violation(
            Rule.RIGHT_OF_FIRST_REFUSAL,
            row.where()
                + ": new capacity at $"
                + rate.toPlainString()
                + " while "
                + right.provider()
                + " (right of first refusal "
                + right.id()
                + ") would match it at $"
                + room.holderPrice().toPlainString()
                + " and "
                + room.where()));
  }
}
