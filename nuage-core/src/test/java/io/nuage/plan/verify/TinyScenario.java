package io.nuage.plan.verify;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Catalog;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.Provider;
import io.nuage.catalog.Region;
import io.nuage.catalog.StoragePrice;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.ReservedCapacity;
import io.nuage.core.MonthRange;
import io.nuage.plan.Baseline;
import io.nuage.plan.ContractYear;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.ProviderYear;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.StorageDemand;
import io.nuage.workload.TrainingRun;
import io.nuage.workload.Workload;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A scenario small enough to price by hand, and a plan for it whose every figure is worked out in
 * the comments of {@link #plan()}. Tests break one rule at a time and expect the verifier to see
 * it. Region oci/us-z is allowed by the policy but by no geography of the fleet.
 */
final class TinyScenario {
  private TinyScenario() {}

  static final MonthRange YEAR = MonthRange.of("2027-01", "2027-12");

  static Scenario scenario() {
    return scenario(100, new BigDecimal("0.7"), YearMonth.of(2027, 4), Set.of());
  }

  static Scenario scenario(
      int ociGpus, BigDecimal maxShare, YearMonth deadline, Set<String> allowed) {
    var catalog =
        new Catalog(
            List.of(
                new Provider("oci", "Oracle", Set.of(), new BigDecimal("10")),
                new Provider("azure", "Microsoft", Set.of(), new BigDecimal("20"))),
            List.of(
                new Region("oci/us-a", "oci", "US"),
                new Region("azure/us-c", "azure", "US"),
                new Region("azure/eu-b", "azure", "EU"),
                new Region("oci/us-z", "oci", "US")),
            List.of(
                new Accelerator("H100", "H100", 80, BigDecimal.ONE),
                new Accelerator("B200", "B200", 180, new BigDecimal("2")),
                new Accelerator("A100", "A100", 80, new BigDecimal("0.5"))),
            List.of(
                offering("oci", "oci/us-a", "H100", "10"),
                offering("azure", "azure/us-c", "H100", "12"),
                offering("azure", "azure/eu-b", "B200", "20"),
                offering("oci", "oci/us-z", "H100", "10"),
                offering("oci", "oci/us-z", "A100", "3")),
            List.of(new StoragePrice("azure", new BigDecimal("20"))));
    List<CapacityStep> capacity =
        List.of(
            new CapacityStep("oci/us-a", "H100", YEAR.start(), ociGpus),
            new CapacityStep("azure/us-c", "H100", YEAR.start(), 50),
            new CapacityStep("azure/eu-b", "B200", YEAR.start(), 40),
            new CapacityStep("oci/us-z", "H100", YEAR.start(), 100),
            new CapacityStep("oci/us-z", "A100", YEAR.start(), 100));
    List<Contract> contracts =
        List.of(
            new CommittedSpend(
                "oci-commit",
                "oci",
                YEAR,
                List.of(new BigDecimal("1000000")),
                new BigDecimal("0.1"),
                true),
            new ReservedCapacity(
                "azure-res", "azure", "azure/us-c", "H100", 10, YEAR, new BigDecimal("5")));
    List<Workload> workloads =
        List.of(
            new TrainingRun(
                "run-1",
                64,
                new BigDecimal("1000"),
                Set.of("H100"),
                YearMonth.of(2027, 2),
                deadline,
                new BigDecimal("100"),
                "azure/us-c"),
            new InferenceFleet(
                "fleet-1",
                Set.of("H100", "B200"),
                List.of(
                    demand("US", Set.of("oci/us-a", "azure/us-c"), "8000"),
                    demand("EU", Set.of("azure/eu-b"), "2000"))),
            new StorageDemand("data", "azure", YEAR, new BigDecimal("50")));
    return new Scenario(
        "tiny",
        YEAR,
        catalog,
        capacity,
        contracts,
        workloads,
        new Policy(maxShare, Map.of(), allowed));
  }

  private static Offering offering(
      String provider, String region, String accelerator, String price) {
    return new Offering(
        provider, region, accelerator, PricingKind.ON_DEMAND, new BigDecimal(price), "", "test");
  }

  private static GeographyDemand demand(String geography, Set<String> regions, String hours) {
    var byMonth = new TreeMap<YearMonth, BigDecimal>();
    byMonth.put(YearMonth.of(2027, 1), new BigDecimal(hours));
    return new GeographyDemand(geography, regions, byMonth);
  }

  /*
   * run-1: 64 H100 x 1000 h from 2027-02 at oci (committed, 10 x 0.9 = 9.00/h):
   *   Feb has 672 h: 64 x 672 = 43008 GPU-h = 387072.00; Mar the remaining 328 h: 20992 GPU-h =
   *   188928.00. Its dataset (100 TB) lives at azure/us-c: egress 100 x 20 = 2000.00 to azure.
   * fleet-1 in 2027-01 (744 h): US 8000 ref GPU-h = 7440 from azure's 10 reserved GPUs (cost 0) +
   *   560 at oci (5040.00); EU 2000 ref GPU-h on B200 (throughput 2) = 1000 GPU-h x 20 = 20000.00.
   * usage 601040.00; reserved 10 x 8760 h x 5 = 438000.00; oci minimum 1000000 - consumed 581040
   *   = shortfall 418960.00; storage 50 TB x 12 x 20 = 12000.00; total 1472000.00.
   * 2027 spend: oci 581040 + 418960 = 1000000.00 (share 0.6793); azure 20000 + 438000 + 2000 +
   *   12000 = 472000.00 (0.3207).
   */
  static PlanDraft plan() {
    var plan = new PlanDraft("601040.00", "1471900.00");
    plan.scenario = "tiny";
    plan.gap = "0.000068";
    plan.reserved = "438000.00";
    plan.shortfall = "418960.00";
    plan.egressTotal = "2000.00";
    plan.storage = "12000.00";
    plan.baselines.add(new Baseline("list-price", true, new BigDecimal("1500000.00"), ""));
    plan.baselines.add(new Baseline("commitments-first", true, new BigDecimal("1480000.00"), ""));
    plan.add(row("run-1", "oci", "oci/us-a", "H100", "2027-02", 64, "43008.000", "committed"))
        .add(row("run-1", "oci", "oci/us-a", "H100", "2027-03", 64, "20992.000", "committed"))
        .add(
            new PlanDraft.Row(
                "fleet-1",
                "azure",
                "azure/us-c",
                "H100",
                "2027-01",
                10,
                "7440.000",
                "reserved",
                "0",
                "0.00"))
        .add(row("fleet-1", "oci", "oci/us-a", "H100", "2027-01", 1, "560.000", "committed"))
        .add(
            new PlanDraft.Row(
                "fleet-1",
                "azure",
                "azure/eu-b",
                "B200",
                "2027-01",
                2,
                "1000.000",
                "on-demand",
                "20",
                "20000.00"));
    plan.row(0).cost = "387072.00";
    plan.row(1).cost = "188928.00";
    plan.row(3).cost = "5040.00";
    plan.egress.add(
        new EgressCharge(
            "run-1",
            "azure/us-c",
            "oci/us-a",
            "azure",
            YearMonth.of(2027, 2),
            new BigDecimal("100"),
            new BigDecimal("2000.00")));
    plan.providers.add(
        new ProviderYear("oci", 2027, new BigDecimal("1000000.00"), new BigDecimal("0.6793")));
    plan.providers.add(
        new ProviderYear("azure", 2027, new BigDecimal("472000.00"), new BigDecimal("0.3207")));
    plan.contracts.add(
        new ContractYear(
            "oci-commit",
            "oci",
            0,
            new BigDecimal("1000000.00"),
            new BigDecimal("581040.00"),
            new BigDecimal("418960.00"),
            true));
    return plan;
  }

  /** A committed oci row at 10 x 0.9 = 9.00 per GPU-hour; its cost is set by the caller. */
  private static PlanDraft.Row row(
      String workload,
      String provider,
      String region,
      String accelerator,
      String month,
      int gpus,
      String gpuHours,
      String pricing) {
    var row =
        new PlanDraft.Row(
            workload, provider, region, accelerator, month, gpus, gpuHours, pricing, "9.00", "0");
    row.contract = "oci-commit";
    return row;
  }
}
