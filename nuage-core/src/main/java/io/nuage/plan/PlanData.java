package io.nuage.plan;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.Provider;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.past.RunningRun;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.plan.recourse.RunPlace;
import io.nuage.scenario.Scenario;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The scenario indexed for the model: months and their hours, the usable cells, every feasible gang
 * option and every fleet demand row. Everything here is exact; the model turns it into doubles.
 */
final class PlanData {
  final Scenario scenario;
  final List<YearMonth> months;
  final BigDecimal[] hours;
  final List<Cell> cells = new ArrayList<>();
  final List<TrainingRun> runs;
  final List<InferenceFleet> fleets;
  final List<List<GangOption>> optionsByRun = new ArrayList<>();
  final List<GangOption> options = new ArrayList<>();
  final List<FleetDemand> demands = new ArrayList<>();
  final Map<String, Provider> providers = new HashMap<>();
  final Map<String, Accelerator> accelerators;
  boolean optionsPruned;

  /**
   * The billed past of a re-plan (docs/planner.md, "Re-planning from actuals"), null for a plan
   * from scratch: {@link #months} are then the open months only, finished runs are left out and a
   * running run has one option, the rest of its gang.
   */
  final @Nullable FixedPast past;

  /** Running runs by index into {@link #runs} (all null without a past). */
  final @Nullable RunningRun[] running;

  /**
   * A risk future's terms (docs/risk.md section 2.0), null for a plan: its prices and lost
   * providers are in the cells, and the model adds unplaced, unmet and cap-excess columns.
   */
  final @Nullable RecourseTerms recourse;

  PlanData(Scenario scenario, int maxGangOptions) {
    this(scenario, maxGangOptions, null);
  }

  PlanData(Scenario scenario, int maxGangOptions, @Nullable FixedPast past) {
    this(scenario, maxGangOptions, past, null);
  }

  PlanData(
      Scenario scenario,
      int maxGangOptions,
      @Nullable FixedPast past,
      @Nullable RecourseTerms recourse) {
    this.scenario = scenario;
    this.past = past;
    this.recourse = recourse;
    List<YearMonth> all = scenario.horizon().months();
    if (past != null && !scenario.horizon().contains(past.firstOpen())) {
      throw new IllegalArgumentException(
          "the first re-planned month "
              + past.firstOpen()
              + " is outside the horizon "
              + scenario.horizon());
    }
    this.months =
        past == null ? all : all.subList(scenario.horizon().indexOf(past.firstOpen()), all.size());
    this.hours =
        months.stream()
            .map(m -> BigDecimal.valueOf(m.lengthOfMonth() * 24L))
            .toArray(BigDecimal[]::new);
    scenario.catalog().providers().forEach(p -> providers.put(p.id(), p));
    this.accelerators = scenario.catalog().acceleratorsByName();
    this.runs =
        scenario.workloads(TrainingRun.class).stream()
            .filter(r -> past == null || !past.finished().contains(r.id()))
            .toList();
    this.fleets = scenario.workloads(InferenceFleet.class);
    this.running = new RunningRun[runs.size()];
    if (past != null) {
      for (int j = 0; j < runs.size(); j++)
        running[j] = past.running(runs.get(j).id()).orElse(null);
    }
    buildCells();
    for (int j = 0; j < runs.size(); j++)
      optionsByRun.add(running[j] != null ? runningOption(j) : gangOptions(j));
    prune(maxGangOptions);
    int i = 0;
    for (List<GangOption> list : optionsByRun) {
      List<GangOption> renumbered = new ArrayList<>();
      for (GangOption o : list) {
        GangOption n = new GangOption(i++, o.run(), o.cell(), o.start(), o.wallHours(), o.egress());
        renumbered.add(n);
        options.add(n);
      }
      list.clear();
      list.addAll(renumbered);
    }
    buildDemands();
  }

  int monthCount() {
    return months.size();
  }

  /** Index of a month among {@link #months}, or -1 outside them (fixed or beyond the horizon). */
  int monthIndex(YearMonth m) {
    if (m.isBefore(months.getFirst()) || m.isAfter(months.getLast())) return -1;
    return (int) java.time.temporal.ChronoUnit.MONTHS.between(months.getFirst(), m);
  }

  /** Whether run {@code j} is under way at the as-of date (its one option is the rest of it). */
  boolean isRunning(int j) {
    return running[j] != null;
  }

  /** Whether a calendar year has a month left to plan (a share row; a cap still to hold). */
  boolean openYear(int year) {
    return months.getLast().getYear() >= year && months.getFirst().getYear() <= year;
  }

  double hoursOf(int t) {
    return hours[t].doubleValue();
  }

  private void buildCells() {
    Map<String, BigDecimal> cheapest = new TreeMap<>();
    for (Offering o : scenario.catalog().offerings()) {
      if (o.pricing() != PricingKind.ON_DEMAND) continue;
      cheapest.merge(key(o.region(), o.accelerator()), o.pricePerGpuHour(), BigDecimal::min);
    }
    Map<String, List<CapacityStep>> steps = new HashMap<>();
    for (CapacityStep s : scenario.capacity()) {
      steps.computeIfAbsent(key(s.region(), s.accelerator()), k -> new ArrayList<>()).add(s);
    }
    Map<String, List<ReservedCapacity>> reserved = new HashMap<>();
    for (ReservedCapacity r : scenario.contracts(ReservedCapacity.class)) {
      reserved.computeIfAbsent(key(r.region(), r.accelerator()), k -> new ArrayList<>()).add(r);
    }
    var keys = new java.util.TreeSet<String>();
    keys.addAll(cheapest.keySet());
    keys.addAll(reserved.keySet());
    int n = monthCount();
    for (String k : keys) {
      String region = k.substring(0, k.indexOf('|'));
      Accelerator acc = accelerators.get(k.substring(k.indexOf('|') + 1));
      if (acc == null || !scenario.policy().allows(region)) continue;
      String provider = providerOf(region);
      int[] res = new int[n];
      int[] od = new int[n];
      int[] schedules = new int[n];
      BigDecimal[] rate = new BigDecimal[n];
      CommittedSpend[] committed = new CommittedSpend[n];
      BigDecimal list = cheapest.get(k);
      List<CapacityStep> mySteps = new ArrayList<>(steps.getOrDefault(k, List.of()));
      mySteps.sort(Comparator.comparing(CapacityStep::from));
      boolean any = false;
      for (int t = 0; t < n; t++) {
        YearMonth m = months.get(t);
        for (ReservedCapacity r : reserved.getOrDefault(k, List.of())) {
          // a lost provider's reservations deliver nothing (their fees are still owed)
          if (delivers(r, m)) res[t] += r.gpus();
        }
        int schedule = 0;
        for (CapacityStep s : mySteps) if (!s.from().isAfter(m)) schedule = s.gpus();
        schedules[t] = schedule;
        od[t] = list == null ? 0 : Math.max(0, schedule - res[t]);
        committed[t] = committedAt(provider, m);
        BigDecimal discount =
            committed[t] != null ? committed[t].discount() : rateCardDiscount(provider, m);
        // a future's drawn list moves on-demand and rate-card rates, and committed ones only when
        // the contract follows the list (else they hold the list as signed)
        BigDecimal drawn =
            list == null
                    || recourse == null
                    || (committed[t] != null && !committed[t].followsList())
                ? list
                : list.multiply(recourse.factor(acc.name(), m));
        rate[t] =
            list == null ? BigDecimal.ZERO : drawn.multiply(BigDecimal.ONE.subtract(discount));
        any |= res[t] + od[t] > 0;
      }
      if (any)
        cells.add(
            new Cell(
                cells.size(), region, provider, acc, list, res, od, rate, committed, schedules));
    }
  }

  /**
   * Whether reservation {@code r} delivers its GPUs in {@code m}: in its term, its provider not
   * lost.
   */
  boolean delivers(ReservedCapacity r, YearMonth m) {
    return r.term().contains(m) && (recourse == null || !recourse.lost(r.provider(), m));
  }

  String providerOf(String region) {
    return scenario.providerOf(region);
  }

  /** The committed-spend contract that usage with {@code provider} in {@code m} consumes. */
  @Nullable CommittedSpend committedAt(String provider, YearMonth m) {
    return scenario.contracts(CommittedSpend.class).stream()
        .filter(c -> c.provider().equals(provider) && c.term().contains(m))
        .min(
            Comparator.comparing((CommittedSpend c) -> c.term().start())
                .thenComparing(CommittedSpend::id))
        .orElse(null);
  }

  private BigDecimal rateCardDiscount(String provider, YearMonth m) {
    return scenario.contracts(RateCard.class).stream()
        .filter(c -> c.provider().equals(provider) && c.term().contains(m))
        .map(RateCard::discount)
        .max(Comparator.naturalOrder())
        .orElse(BigDecimal.ZERO);
  }

  /** Accelerators a workload asking for {@code names} (names or families) can use. */
  boolean compatible(Set<String> names, Accelerator a) {
    return names.contains(a.name()) || names.contains(a.family());
  }

  /** Wall-clock hours of a gang on accelerator a: reference hours / throughput, up to 1e-3 h. */
  static BigDecimal wallHours(BigDecimal referenceHours, Accelerator a) {
    return referenceHours.divide(a.throughput(), 3, RoundingMode.CEILING);
  }

  /**
   * Month-by-month wall hours from month index s, or null when it would not end inside the horizon.
   */
  BigDecimal @Nullable [] schedule(BigDecimal wall, int s) {
    List<BigDecimal> parts = new ArrayList<>();
    BigDecimal left = wall;
    for (int t = s; left.signum() > 0; t++) {
      if (t >= monthCount()) return null;
      BigDecimal w = left.min(hours[t]);
      parts.add(w);
      left = left.subtract(w);
    }
    return parts.toArray(BigDecimal[]::new);
  }

  /**
   * Every option of run {@code j} before pruning (unnumbered): what the run could use, for the
   * next-best line of a run whose kept options are all in one cell.
   */
  List<GangOption> unprunedOptions(int j) {
    return isRunning(j) ? List.of() : gangOptions(j);
  }

  /**
   * The one option of a run under way: its cell, from the first open month, for the hours it has
   * left (docs/planner.md, "Variables fixed or removed"); none when its cell can no longer hold the
   * gang (the pre-check then says why). No egress: it was charged when the run started.
   */
  private List<GangOption> runningOption(int j) {
    TrainingRun run = runs.get(j);
    RunningRun at = running[j];
    Cell cell =
        cells.stream()
            .filter(c -> c.region().equals(at.region()) && c.accName().equals(at.accelerator()))
            .findFirst()
            .orElse(null);
    Accelerator acc = accelerators.get(at.accelerator());
    if (acc == null) {
      throw new IllegalArgumentException(
          "running run " + run.id() + " is on " + at.accelerator() + ", not in the catalog");
    }
    BigDecimal left = remainingHours(run, acc, at.start());
    if (left.signum() <= 0) {
      throw new IllegalArgumentException(
          "training run "
              + run.id()
              + " started "
              + at.start()
              + " has finished before "
              + months.getFirst()
              + ": it is not running");
    }
    BigDecimal[] w = schedule(left, 0);
    List<GangOption> one = new ArrayList<>(); // renumbered in place below
    if (cell == null || w == null) return one;
    for (int t = 0; t < w.length; t++) if (cell.totalGpus(t) < run.gpus()) return one;
    one.add(new GangOption(-1, j, cell, 0, w, BigDecimal.ZERO));
    return one;
  }

  /** Wall hours a run started in {@code start} has left at the first open month. */
  BigDecimal remainingHours(TrainingRun run, Accelerator acc, YearMonth start) {
    BigDecimal left = wallHours(run.referenceHours(), acc);
    for (YearMonth m = start; m.isBefore(months.getFirst()); m = m.plusMonths(1)) {
      left = left.subtract(BigDecimal.valueOf(m.lengthOfMonth() * 24L));
    }
    return left;
  }

  private List<GangOption> gangOptions(int j) {
    TrainingRun run = runs.get(j);
    List<GangOption> list = new ArrayList<>();
    int first = Math.max(0, monthIndexAtOrAfter(run.earliestStart()));
    for (Cell c : cells) {
      if (!compatible(run.accelerators(), c.accelerator())) continue;
      BigDecimal wall = wallHours(run.referenceHours(), c.accelerator());
      BigDecimal egress = egressOf(run, c.region());
      for (int s = first; s < monthCount() && !months.get(s).isAfter(run.deadline()); s++) {
        BigDecimal[] w = schedule(wall, s);
        if (w == null || months.get(s + w.length - 1).isAfter(run.deadline())) break;
        boolean fits = true;
        for (int i = 0; i < w.length && fits; i++) fits = c.totalGpus(s + i) >= run.gpus();
        if (fits) list.add(new GangOption(-1, j, c, s, w, egress));
      }
    }
    return kept(run, list);
  }

  /**
   * An adapting recourse keeps a run's base placement when the future still allows it (the option
   * exists: the run fits there in its drawn window): then that option is its only one.
   */
  private List<GangOption> kept(TrainingRun run, List<GangOption> list) {
    RunPlace place = recourse == null ? null : recourse.kept().get(run.id());
    if (place == null) return list;
    for (GangOption o : list) {
      if (o.cell().region().equals(place.region())
          && o.cell().accName().equals(place.accelerator())
          && months.get(o.start()).equals(place.start())) return new ArrayList<>(List.of(o));
    }
    return list;
  }

  BigDecimal egressOf(TrainingRun run, String region) {
    if (region.equals(run.datasetHome()) || run.datasetTb().signum() == 0) return BigDecimal.ZERO;
    Provider home = providers.get(providerOf(run.datasetHome()));
    BigDecimal perTb = home == null ? BigDecimal.ZERO : home.egressPerTb();
    return run.datasetTb().multiply(perTb);
  }

  int monthIndexAtOrAfter(YearMonth m) {
    YearMonth start = months.getFirst();
    return m.isBefore(start) ? 0 : (int) java.time.temporal.ChronoUnit.MONTHS.between(start, m);
  }

  /** Stand-alone cost of an option at list price (no discount, nothing reserved) plus egress. */
  BigDecimal listCost(GangOption o) {
    BigDecimal price = o.cell().listPrice() == null ? BigDecimal.ZERO : o.cell().listPrice();
    BigDecimal gpuHours = BigDecimal.ZERO;
    for (BigDecimal w : o.wallHours()) gpuHours = gpuHours.add(w);
    return gpuHours
        .multiply(BigDecimal.valueOf(runs.get(o.run()).gpus()))
        .multiply(price)
        .add(o.egress());
  }

  /**
   * A recourse's steering penalty on leaving run {@code j} unplaced (docs/risk.md section 2.0): the
   * most its placement could add to the steering of the cap excess (its dearest option's cost times
   * {@link #steeringPerDollar}), so that no cap is ever held by leaving a run unplaced that could
   * run.
   */
  BigDecimal unplacedSteering(int j) {
    BigDecimal most = BigDecimal.ZERO;
    for (GangOption o : optionsByRun.get(j)) most = most.max(effectiveCost(o));
    return steeringPerDollar().multiply(most);
  }

  private @Nullable BigDecimal steeringPerDollar;

  /**
   * What a dollar more of some provider's spend can add to the steering at most: the share-cap
   * penalty times {@code 1 - σ} of the smallest cap below 1 (a dollar raises its provider's excess
   * by {@code 1 - σ} at most, and no other's); 0 when no provider is capped.
   */
  BigDecimal steeringPerDollar() {
    if (steeringPerDollar == null) {
      BigDecimal smallest = BigDecimal.ONE;
      for (String p : providers.keySet()) smallest = smallest.min(scenario.policy().maxShareOf(p));
      steeringPerDollar = recourse.shareCapPenalty().multiply(BigDecimal.ONE.subtract(smallest));
    }
    return steeringPerDollar;
  }

  /**
   * The same per reference GPU-hour of demand row {@code d} left unmet: its dearest cell's rate per
   * reference GPU-hour that month times {@link #steeringPerDollar}.
   */
  BigDecimal unmetSteering(FleetDemand d) {
    BigDecimal most = BigDecimal.ZERO;
    for (Cell c : d.cells())
      most =
          most.max(
              c.rate()[d.month()].divide(c.accelerator().throughput(), 6, RoundingMode.CEILING));
    return steeringPerDollar().multiply(most);
  }

  /** Stand-alone cost at the effective rates (discounts applied, reservations not counted). */
  BigDecimal effectiveCost(GangOption o) {
    BigDecimal cost = o.egress();
    BigDecimal n = BigDecimal.valueOf(runs.get(o.run()).gpus());
    for (int i = 0; i < o.months(); i++) {
      cost = cost.add(o.wallHours()[i].multiply(n).multiply(o.cell().rate()[o.start() + i]));
    }
    return cost;
  }

  // Keeps the cheapest options of each run when the model would be too large; the plan says so.
  private void prune(int budget) {
    int total = optionsByRun.stream().mapToInt(List::size).sum();
    if (total <= budget) return;
    optionsPruned = true;
    int perRun = Math.max(1, budget / Math.max(1, runs.size()));
    for (List<GangOption> list : optionsByRun) {
      if (list.size() <= perRun) continue;
      list.sort(Comparator.comparing(this::effectiveCost));
      List<GangOption> keep = new ArrayList<>(list.subList(0, perRun));
      list.clear();
      list.addAll(keep);
    }
  }

  private void buildDemands() {
    Map<String, Cell> unused = new LinkedHashMap<>();
    for (InferenceFleet f : fleets) {
      for (GeographyDemand g : f.demands()) {
        List<Cell> allowed =
            cells.stream()
                .filter(
                    c ->
                        g.allowedRegions().contains(c.region())
                            && compatible(f.accelerators(), c.accelerator()))
                .toList();
        for (var e : g.gpuHoursByMonth().entrySet()) {
          int t = monthIndex(e.getKey());
          if (e.getValue().signum() == 0 || t < 0) continue;
          demands.add(
              new FleetDemand(
                  demands.size(),
                  f.id(),
                  g.geography(),
                  t,
                  e.getValue(),
                  allowed,
                  g.allowedRegions()));
        }
      }
    }
    unused.clear();
  }

  static String key(String region, String accelerator) {
    return region + "|" + accelerator;
  }
}
