package io.nuage.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regressions of the broker's review (issue 16), each on a tiny instance worked by hand: quotas
 * within the cell's GPUs, a full reservation's marginal cost, the order of distinct marginal costs,
 * geography names that collide, a fleet's geographies sharing a region.
 */
class BrokerReviewTest {
  static final YearMonth JAN = YearMonth.of(2027, 1);

  /**
   * Four H100 cells; lambda holds 16 GPUs, 8 of them reserved. January has 744 hours. The fleet's
   * two geographies both list lambda/us-east-1 when {@code shared} is set.
   */
  static String scenario(String geographies) {
    return """
        name: tiny-review
        horizon: {start: 2027-01, end: 2027-03}
        catalog:
          providers:
            - {id: oci, egress-per-tb: 0, regions: [{name: us-phoenix-1, geography: US}]}
            - {id: lambda, egress-per-tb: 0, regions: [{name: us-east-1, geography: US}]}
            - {id: azure, egress-per-tb: 0, regions: [{name: eastus2, geography: US}]}
            - {id: gcp, egress-per-tb: 0, regions: [{name: us-central1, geography: US}]}
          accelerators:
            - {name: H100, family: H100, memory-gib: 80, throughput: 1.0}
          offerings:
            - {region: oci/us-phoenix-1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 10.00}
            - {region: lambda/us-east-1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 3.99}
            - {region: azure/eastus2, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 9.00}
            - {region: gcp/us-central1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 8.00}
        capacity:
          - {region: oci/us-phoenix-1, accelerator: H100, steps: [{from: 2027-01, gpus: 100}]}
          - {region: lambda/us-east-1, accelerator: H100, steps: [{from: 2027-01, gpus: 16}]}
          - {region: azure/eastus2, accelerator: H100, steps: [{from: 2027-01, gpus: 100}]}
          - {region: gcp/us-central1, accelerator: H100, steps: [{from: 2027-01, gpus: 100}]}
        contracts:
          - {id: oci-commit, kind: committed-spend, provider: oci, term: {start: 2027-01, end: 2027-03},
             yearly-minimums: [100_000], discount: 0.25, take-or-pay: true}
          - {id: lambda-reserved, kind: reserved-capacity, provider: lambda, region: lambda/us-east-1,
             accelerator: H100, gpus: 8, term: {start: 2027-01, end: 2027-03}, price-per-gpu-hour: 2.00}
        workloads:
          - {id: run-1, kind: training-run, gpus: 8, reference-hours: 100, accelerators: [H100],
             earliest-start: 2027-01, deadline: 2027-01, dataset: {tb: 0, home: lambda/us-east-1}}
          - id: chat
            kind: inference-fleet
            accelerators: [H100]
            geographies:
        """
        + geographies;
  }

  static final String ONE_GEOGRAPHY =
      """
            - geography: US
              regions: [lambda/us-east-1, oci/us-phoenix-1, azure/eastus2, gcp/us-central1]
              gpu-hours-per-month: {by-month: {2027-01: 1000}}
      """;

  @TempDir Path dir;

  Scenario parse(String geographies) throws Exception {
    Path f = dir.resolve("tiny.yaml");
    Files.writeString(f, scenario(geographies));
    return ScenarioParser.parse(f);
  }

  static PlannedRow row(
      String workload, String region, long gpus, String gpuHours, CapacityKind pricing) {
    return new PlannedRow(
        workload,
        workload.startsWith("run") ? "training" : "inference",
        region.substring(0, region.indexOf('/')),
        region,
        "H100",
        JAN,
        gpus,
        new BigDecimal(gpuHours),
        pricing,
        null);
  }

  static BrokerPlan plan(List<PlannedRow> rows, Map<String, BigDecimal> binding) {
    return new BrokerPlan(
        "tiny-review", rows, PlanPrices.of(binding, Map.of(2027, new BigDecimal("10000"))));
  }

  @Test
  void kueue_gangForPartOfTheMonthNextToAFleet_quotaIsHeldToTheCellsGpus() throws Exception {
    Scenario s = parse(ONE_GEOGRAPHY);
    // lambda: 8 reserved + 8 beyond. The gang holds 8 paid GPUs for 100 h; the fleet averages 3
    // more paid GPUs (2,000 GPU-hours / 744, rounded up) and 9 reserved ones (a row rounded up
    // over the 8 reserved): 11 paid GPUs on 8, 9 reserved on 8.
    BrokerPlan p =
        plan(
            List.of(
                row("run-1", "lambda/us-east-1", 8, "800.000", CapacityKind.ON_DEMAND),
                row("chat", "lambda/us-east-1", 3, "2000.000", CapacityKind.ON_DEMAND),
                row("chat", "lambda/us-east-1", 9, "5952.000", CapacityKind.RESERVED)),
            Map.of());
    KueueMonth m =
        new KueueQuotas(new CellTerms(s), p)
            .of(JAN, ClusterMap.named(Set.of("lambda/us-east-1")), "map");
    assertThat(m.queues().getFirst().quotas())
        .extracting(q -> q.flavor().kind() + "=" + q.gpus())
        .containsExactlyInAnyOrder("ON_DEMAND=8", "RESERVED=8");
  }

  @Test
  void kueue_aGangSplitBetweenReservedAndPaidRows_holdsItsGpusOnce() throws Exception {
    Scenario s = parse(ONE_GEOGRAPHY);
    BrokerPlan p =
        plan(
            List.of(
                row("run-1", "lambda/us-east-1", 8, "300.000", CapacityKind.RESERVED),
                row("run-1", "lambda/us-east-1", 8, "500.000", CapacityKind.ON_DEMAND)),
            Map.of());
    KueueMonth m =
        new KueueQuotas(new CellTerms(s), p)
            .of(JAN, ClusterMap.named(Set.of("lambda/us-east-1")), "map");
    // 8 x 300/800 = 3 reserved, the other 5 paid
    assertThat(m.queues().getFirst().quotas())
        .extracting(q -> q.flavor().kind() + "=" + q.gpus())
        .containsExactlyInAnyOrder("RESERVED=3", "ON_DEMAND=5");
  }

  @Test
  void apportion_scalesDownByLargestRemainders_exactly() {
    // 10 and 5 on 12: exactly 8 and 4
    assertThat(KueueQuotas.apportion(Map.of("a", 10L, "b", 5L), 12))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", 8L, "b", 4L));
    // 7 and 3 on 5: 3.5 and 1.5, floors 3 and 1, the one left to the tie's first name
    assertThat(KueueQuotas.apportion(Map.of("a", 7L, "b", 3L), 5))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", 4L, "b", 1L));
    // 1, 1, 1 on 2: equal remainders, by name
    assertThat(KueueQuotas.apportion(Map.of("c", 1L, "b", 1L, "a", 1L), 2))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", 1L, "b", 1L, "c", 0L));
    // within the cap: unchanged
    assertThat(KueueQuotas.apportion(Map.of("a", 2L), 5)).containsEntry("a", 2L);
  }

  @Test
  void perReferenceHour_fullReservation_costsWhatAPaidHourCosts() throws Exception {
    Scenario s = parse(ONE_GEOGRAPHY);
    // The reservation's 8 x 744 = 5,952 GPU-hours are all used and the cell's paid GPUs bind at
    // $744 a GPU-month ($1 an hour). In the planner's row use = u^R + u^D, one more GPU-hour there
    // is one more paid hour: $3.99 + $1 = $4.99 whichever flavor it is counted in.
    BrokerPlan full =
        plan(
            List.of(
                row("chat", "lambda/us-east-1", 8, "5952.000", CapacityKind.RESERVED),
                row("chat", "lambda/us-east-1", 8, "5952.000", CapacityKind.ON_DEMAND)),
            Map.of("capacity[lambda/us-east-1,H100,2027-01]", new BigDecimal("744.00")));
    MarginalCost costs = new MarginalCost(new CellTerms(s), full);
    assertThat(costs.perReferenceHour("lambda/us-east-1", "H100", CapacityKind.RESERVED, JAN))
        .isEqualByComparingTo("4.99");
    assertThat(costs.perReferenceHour("lambda/us-east-1", "H100", CapacityKind.ON_DEMAND, JAN))
        .isEqualByComparingTo("4.99");
    // With 2,976 reserved GPU-hours spare, the next hour is a sunk one: $0.
    BrokerPlan spare =
        plan(
            List.of(row("chat", "lambda/us-east-1", 4, "2976.000", CapacityKind.RESERVED)),
            Map.of());
    assertThat(
            new MarginalCost(new CellTerms(s), spare)
                .perReferenceHour("lambda/us-east-1", "H100", CapacityKind.RESERVED, JAN))
        .isEqualByComparingTo("0");
  }

  @Test
  void candidates_distinctMarginalCosts_inTheOrderWorkedByHand() throws Exception {
    Scenario s = parse(ONE_GEOGRAPHY);
    // run-1: 8 GPUs x 100 h = 800 GPU-hours in January, planned on lambda (the reservation is
    // the fleet's, all used: 8 x 744 reserved hours in the rows).
    //   oci:   800 x $10.00 x (1 - 25%) = $6,000, each dollar earns back $0.50 of the binding
    //          minimum: 6,000 x (1 - 0.5) = $3,000.00       (stand-alone $6,000, list $10)
    //   azure: 800 x $9.00 = $7,200.00                      (stand-alone $7,200, list $9)
    //   gcp:   800 x $8.00 = $6,400, capacity binds at $1,488 a GPU-month ($2 an hour):
    //          + 800 x 2 = $8,000.00                        (stand-alone $6,400, list $8)
    // by marginal cost: oci, azure, gcp; by stand-alone: oci, gcp, azure; by list: gcp, azure, oci.
    BrokerPlan p =
        plan(
            List.of(
                row("run-1", "lambda/us-east-1", 8, "800.000", CapacityKind.ON_DEMAND),
                row("chat", "lambda/us-east-1", 8, "5952.000", CapacityKind.RESERVED)),
            Map.of(
                "minimum[oci-commit,0]", new BigDecimal("0.5000"),
                "capacity[gcp/us-central1,H100,2027-01]", new BigDecimal("1488.00")));
    List<Candidate> c =
        new RunCandidates(new CellTerms(s), p).of(s.workloads(TrainingRun.class).getFirst());
    assertThat(c)
        .extracting(x -> x.region() + " " + x.marginalCost().toPlainString())
        .containsExactly(
            "lambda/us-east-1 3192.00",
            "oci/us-phoenix-1 3000.00",
            "azure/eastus2 7200.00",
            "gcp/us-central1 8000.00");
  }

  @Test
  void kueue_geographiesWithTheSameKubernetesName_areRefusedNamingBoth() throws Exception {
    Scenario s =
        parse(
            """
                  - geography: U S
                    regions: [lambda/us-east-1]
                    gpu-hours-per-month: {by-month: {2027-01: 1000}}
                  - geography: U.S.
                    regions: [oci/us-phoenix-1]
                    gpu-hours-per-month: {by-month: {2027-01: 1000}}
            """);
    BrokerPlan p =
        plan(
            List.of(row("chat", "lambda/us-east-1", 1, "500.000", CapacityKind.ON_DEMAND)),
            Map.of());
    assertThatThrownBy(() -> new KueueQuotas(new CellTerms(s), p))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("\"U S\"")
        .hasMessageContaining("\"U.S.\"")
        .hasMessageContaining("u-s");
  }

  @Test
  void fleetTasks_geographiesSharingAPlannedRegion_areRefusedNamingFleetAndRegion()
      throws Exception {
    Scenario s =
        parse(
            """
                  - geography: US
                    regions: [lambda/us-east-1, oci/us-phoenix-1]
                    gpu-hours-per-month: {by-month: {2027-01: 1000}}
                  - geography: EAST
                    regions: [lambda/us-east-1]
                    gpu-hours-per-month: {by-month: {2027-01: 1000}}
            """);
    BrokerPlan p =
        plan(
            List.of(row("chat", "lambda/us-east-1", 3, "2000.000", CapacityKind.ON_DEMAND)),
            Map.of());
    assertThatThrownBy(() -> FleetTasks.of(new CellTerms(s), p))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("chat")
        .hasMessageContaining("lambda/us-east-1")
        .hasMessageContaining("US and EAST");
  }
}
