package io.nuage.plan;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Catalog;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.Provider;
import io.nuage.catalog.Region;
import io.nuage.catalog.StoragePrice;
import io.nuage.contract.Contract;
import io.nuage.core.MonthRange;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import io.nuage.workload.Workload;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds small scenarios in code for tests whose optimum is worked out by hand. */
final class TinyScenario {
  static final Accelerator H100 = new Accelerator("H100", "H100", 80, BigDecimal.ONE);
  static final Accelerator A100 = new Accelerator("A100", "A100", 80, new BigDecimal("0.5"));

  private final MonthRange horizon;
  private final Map<String, Provider> providers = new LinkedHashMap<>();
  private final List<Region> regions = new ArrayList<>();
  private final List<Offering> offerings = new ArrayList<>();
  private final List<CapacityStep> capacity = new ArrayList<>();
  private final List<Contract> contracts = new ArrayList<>();
  private final List<Workload> workloads = new ArrayList<>();
  private final List<StoragePrice> storagePrices = new ArrayList<>();
  private Policy policy = Policy.unconstrained();

  TinyScenario(String from, String to) {
    horizon = MonthRange.of(from, to);
  }

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  TinyScenario provider(String id, String egressPerTb) {
    providers.put(id, new Provider(id, id, Set.of(), d(egressPerTb)));
    return this;
  }

  /**
   * A region with an on-demand H100 or A100 offering at {@code price} and {@code gpus} from the
   * start.
   */
  TinyScenario region(String id, String geography, Accelerator acc, String price, int gpus) {
    String provider = id.substring(0, id.indexOf('/'));
    providers.putIfAbsent(provider, Provider.of(provider));
    if (regions.stream().noneMatch(r -> r.id().equals(id)))
      regions.add(new Region(id, provider, geography));
    offerings.add(
        new Offering(provider, id, acc.name(), PricingKind.ON_DEMAND, d(price), "", "test"));
    if (gpus > 0) capacity.add(new CapacityStep(id, acc.name(), horizon.start(), gpus));
    return this;
  }

  TinyScenario capacity(String region, Accelerator acc, String from, int gpus) {
    capacity.add(new CapacityStep(region, acc.name(), YearMonth.parse(from), gpus));
    return this;
  }

  TinyScenario storagePrice(String provider, String price) {
    storagePrices.add(new StoragePrice(provider, d(price)));
    return this;
  }

  TinyScenario contract(Contract c) {
    contracts.add(c);
    return this;
  }

  TinyScenario workload(Workload w) {
    workloads.add(w);
    return this;
  }

  TinyScenario training(String id, int gpus, String hours, String start, String deadline) {
    return workload(
        new TrainingRun(
            id,
            gpus,
            d(hours),
            Set.of("H100", "A100"),
            YearMonth.parse(start),
            YearMonth.parse(deadline),
            BigDecimal.ZERO,
            regions.get(0).id()));
  }

  /** An inference fleet with the same demand every month of the horizon. */
  TinyScenario fleet(String id, String geography, Set<String> allowed, String gpuHoursPerMonth) {
    TreeMap<YearMonth, BigDecimal> byMonth = new TreeMap<>();
    for (YearMonth m : horizon.months()) byMonth.put(m, d(gpuHoursPerMonth));
    return workload(
        new InferenceFleet(
            id, Set.of("H100", "A100"), List.of(new GeographyDemand(geography, allowed, byMonth))));
  }

  TinyScenario policy(Policy p) {
    policy = p;
    return this;
  }

  Scenario build() {
    Catalog catalog =
        new Catalog(
            List.copyOf(providers.values()),
            regions,
            List.of(H100, A100),
            offerings,
            storagePrices);
    return new Scenario("tiny", horizon, catalog, capacity, contracts, workloads, policy);
  }
}
