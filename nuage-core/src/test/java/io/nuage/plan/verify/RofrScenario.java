package io.nuage.plan.verify;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Catalog;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.Provider;
import io.nuage.catalog.Region;
import io.nuage.contract.Contract;
import io.nuage.contract.RightOfFirstRefusal;
import io.nuage.core.MonthRange;
import io.nuage.plan.ProviderYear;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import io.nuage.workload.Workload;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A one-month scenario (2027-01, 744 h) for the right of first refusal, priced by hand. The holder
 * azure (margin 5%) sells H100 at $8.20 in azure/us-east (10 GPUs, the fleet's US geography) and
 * azure/us-west (20 GPUs, too far for the fleet, fine for a gang); gcp sells new capacity at $8.00
 * in gcp/us-central (US) and gcp/eu-north (EU), 100 GPUs each. The holder matches $8.00 up to 1.05
 * x 8.00 = $8.40. Each test turns one knob.
 */
final class RofrScenario {
  static final MonthRange MONTH = MonthRange.of("2027-01", "2027-01");

  String eastPrice = "8.20";
  int eastGpus = 10;
  int westGpus = 20;
  Set<String> euAllowed = Set.of("gcp/eu-north");
  final List<Contract> contracts = new ArrayList<>();
  final List<Workload> workloads = new ArrayList<>();

  Scenario build() {
    var catalog =
        new Catalog(
            List.of(
                new Provider("azure", "Microsoft", Set.of(), BigDecimal.ZERO),
                new Provider("gcp", "Google", Set.of(), BigDecimal.ZERO)),
            List.of(
                new Region("azure/us-east", "azure", "US"),
                new Region("azure/us-west", "azure", "US"),
                new Region("gcp/us-central", "gcp", "US"),
                new Region("gcp/eu-north", "gcp", "EU")),
            List.of(
                new Accelerator("H100", "H100", 80, BigDecimal.ONE),
                new Accelerator("B200", "B200", 180, new BigDecimal("2"))),
            List.of(
                offering("azure", "azure/us-east", eastPrice),
                offering("azure", "azure/us-west", "8.20"),
                offering("gcp", "gcp/us-central", "8.00"),
                offering("gcp", "gcp/eu-north", "8.00")),
            List.of());
    List<CapacityStep> capacity =
        List.of(
            new CapacityStep("azure/us-east", "H100", MONTH.start(), eastGpus),
            new CapacityStep("azure/us-west", "H100", MONTH.start(), westGpus),
            new CapacityStep("gcp/us-central", "H100", MONTH.start(), 100),
            new CapacityStep("gcp/eu-north", "H100", MONTH.start(), 100));
    var allContracts = new ArrayList<Contract>(contracts);
    allContracts.add(new RightOfFirstRefusal("azure-rofr", "azure", MONTH, new BigDecimal("0.05")));
    var allWorkloads = new ArrayList<Workload>(workloads);
    allWorkloads.add(run("run-1", "100", "azure/us-west"));
    allWorkloads.add(
        new InferenceFleet(
            "fleet-1",
            Set.of("H100"),
            List.of(
                demand("US", Set.of("azure/us-east", "gcp/us-central"), "10000"),
                demand("EU", euAllowed, "1000"))));
    return new Scenario(
        "rofr",
        MONTH,
        catalog,
        capacity,
        allContracts,
        allWorkloads,
        new Policy(BigDecimal.ONE, Map.of(), Set.of()));
  }

  /** A 16-GPU H100 gang of {@code hours} hours in 2027-01 with an empty dataset. */
  static TrainingRun run(String id, String hours, String home) {
    YearMonth month = MONTH.start();
    return new TrainingRun(
        id, 16, new BigDecimal(hours), Set.of("H100"), month, month, BigDecimal.ZERO, home);
  }

  /*
   * run-1: 16 x 100 h = 1600 GPU-h at azure/us-west, 8.20 = 13120.00 (it fits the holder, so no
   *   new capacity). fleet-1 US: azure/us-east full, 10 x 744 = 7440 h x 8.20 = 61008.00, the
   *   remaining 2560 h at gcp/us-central x 8.00 = 20480.00 (the holder had none left); EU: 1000 h
   *   at gcp/eu-north = 8000.00 (the holder has no region in the EU set).
   * usage 102608.00 = total; azure 74128.00 (0.7224), gcp 28480.00 (0.2776).
   */
  static PlanDraft plan() {
    var plan = new PlanDraft("102608.00", "102608.00");
    plan.scenario = "rofr";
    plan.add(row("run-1", "azure/us-west", 16, "1600.000", "13120.00"))
        .add(row("fleet-1", "azure/us-east", 10, "7440.000", "61008.00"))
        .add(row("fleet-1", "gcp/us-central", 4, "2560.000", "20480.00"))
        .add(row("fleet-1", "gcp/eu-north", 2, "1000.000", "8000.00"));
    plan.providers.add(
        new ProviderYear("azure", 2027, new BigDecimal("74128.00"), new BigDecimal("0.7224")));
    plan.providers.add(
        new ProviderYear("gcp", 2027, new BigDecimal("28480.00"), new BigDecimal("0.2776")));
    return plan;
  }

  /** An on-demand H100 row in 2027-01 at the region's price ($8.20 at azure, $8.00 at gcp). */
  static PlanDraft.Row row(String workload, String region, int gpus, String hours, String cost) {
    String provider = region.substring(0, region.indexOf('/'));
    String rate = provider.equals("azure") ? "8.20" : "8.00";
    return new PlanDraft.Row(
        workload, provider, region, "H100", "2027-01", gpus, hours, "on-demand", rate, cost);
  }

  private static Offering offering(String provider, String region, String price) {
    return new Offering(
        provider, region, "H100", PricingKind.ON_DEMAND, new BigDecimal(price), "", "test");
  }

  private static GeographyDemand demand(String geography, Set<String> regions, String hours) {
    var byMonth = new TreeMap<YearMonth, BigDecimal>();
    byMonth.put(MONTH.start(), new BigDecimal(hours));
    return new GeographyDemand(geography, regions, byMonth);
  }
}
