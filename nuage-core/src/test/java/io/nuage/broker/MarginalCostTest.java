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
 * Marginal costs on a tiny instance whose answer is worked out by hand: a run of 8 H100s for 100
 * hours in January 2027, planned on lambda, which could also run on oci under a committed-spend
 * deal whose minimum binds.
 */
class MarginalCostTest {
  static final String SCENARIO =
      """
      name: tiny-broker
      horizon: {start: 2027-01, end: 2027-03}
      catalog:
        providers:
          - id: oci
            egress-per-tb: 8.50
            regions: [{name: us-phoenix-1, geography: US}]
          - id: lambda
            egress-per-tb: 0
            regions: [{name: us-east-1, geography: US}]
        accelerators:
          - {name: H100, family: H100, memory-gib: 80, throughput: 1.0}
        offerings:
          - {region: oci/us-phoenix-1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 10.00}
          - {region: lambda/us-east-1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 3.99}
      capacity:
        - {region: oci/us-phoenix-1, accelerator: H100, steps: [{from: 2027-01, gpus: 100}]}
        - {region: lambda/us-east-1, accelerator: H100, steps: [{from: 2027-01, gpus: 8}]}
      contracts:
        - {id: oci-commit, kind: committed-spend, provider: oci, term: {start: 2027-01, end: 2027-03},
           yearly-minimums: [100_000], discount: 0.25, take-or-pay: true}
      workloads:
        - {id: run-1, kind: training-run, gpus: 8, reference-hours: 100, accelerators: [H100],
           earliest-start: 2027-01, deadline: 2027-01, dataset: {tb: 10, home: oci/us-phoenix-1}}
      """;

  @TempDir Path dir;

  Scenario scenario() throws Exception {
    Path f = dir.resolve("tiny.yaml");
    Files.writeString(f, SCENARIO);
    return ScenarioParser.parse(f);
  }

  /** The plan put the run on lambda; lambda's capacity is worth $744 a GPU-month ($1 an hour). */
  static BrokerPlan plan(String minimumDual) {
    PlannedRow row =
        new PlannedRow(
            "run-1",
            "training",
            "lambda",
            "lambda/us-east-1",
            "H100",
            YearMonth.of(2027, 1),
            8,
            new BigDecimal("800.000"),
            CapacityKind.ON_DEMAND,
            null);
    PlanPrices prices =
        PlanPrices.of(
            Map.of(
                "capacity[lambda/us-east-1,H100,2027-01]", new BigDecimal("744.00"),
                "minimum[oci-commit,0]", new BigDecimal(minimumDual)),
            Map.of(2027, new BigDecimal("3192.00")));
    return new BrokerPlan("tiny-broker", List.of(row), prices);
  }

  @Test
  void candidates_planFirstThenByMarginalCost_asComputedByHand() throws Exception {
    Scenario s = scenario();
    TrainingRun run = s.workloads(TrainingRun.class).getFirst();
    List<Candidate> c = new RunCandidates(new CellTerms(s), plan("0.5000")).of(run);
    assertThat(c).hasSize(2);
    // lambda: 800 GPU-hours x 3.99 = 3192, capacity 744 x 8 GPUs x 100/744 of the month = 800,
    // egress of 10 TB from oci at 8.50 = 85
    assertThat(c.get(0).region()).isEqualTo("lambda/us-east-1");
    assertThat(c.get(0).planned()).isTrue();
    assertThat(c.get(0).marginalCost()).isEqualByComparingTo("4077.00");
    assertThat(c.get(0).standAloneCost()).isEqualByComparingTo("3277.00");
    // oci: 800 x 10 x (1 - 0.25) = 6000, each dollar earns back 0.5 of the binding minimum
    assertThat(c.get(1).region()).isEqualTo("oci/us-phoenix-1");
    assertThat(c.get(1).marginalCost()).isEqualByComparingTo("3000.00");
    assertThat(c.get(1).standAloneCost()).isEqualByComparingTo("6000.00");
    assertThat(c.get(1).drawsDown()).isEqualTo("oci-commit");
  }

  @Test
  void planned_rowsSharingAMonth_areOneMonthOfTheGang() throws Exception {
    Scenario s = scenario();
    TrainingRun run = s.workloads(TrainingRun.class).getFirst();
    YearMonth jan = YearMonth.of(2027, 1);
    List<PlannedRow> rows =
        List.of(
            new PlannedRow(
                "run-1",
                "training",
                "lambda",
                "lambda/us-east-1",
                "H100",
                jan,
                8,
                new BigDecimal("300.000"),
                CapacityKind.ON_DEMAND,
                null),
            new PlannedRow(
                "run-1",
                "training",
                "lambda",
                "lambda/us-east-1",
                "H100",
                jan,
                8,
                new BigDecimal("500.000"),
                CapacityKind.ON_DEMAND,
                null));
    Candidate c = new MarginalCost(new CellTerms(s), plan("0")).planned(run, rows);
    assertThat(c.start()).isEqualTo(jan);
    assertThat(c.wallHours()).containsExactly(new BigDecimal("100.000"));
    assertThat(c.marginalCost()).isEqualByComparingTo("4077.00");
  }

  @Test
  void alternatives_areOrderedByMarginalNotStandAloneCost() throws Exception {
    Scenario s = scenario();
    var plan =
        new BrokerPlan(
            "tiny-broker",
            List.of(
                new PlannedRow(
                    "run-1",
                    "training",
                    "oci",
                    "oci/us-phoenix-1",
                    "H100",
                    YearMonth.of(2027, 1),
                    8,
                    new BigDecimal("800.000"),
                    CapacityKind.COMMITTED,
                    "oci-commit")),
            plan("0").prices());
    List<Candidate> c =
        new RunCandidates(new CellTerms(s), plan).of(s.workloads(TrainingRun.class).getFirst());
    assertThat(c.get(0).region()).isEqualTo("oci/us-phoenix-1");
    assertThat(c.get(0).marginalCost()).isEqualByComparingTo("6000.00");
    assertThat(c.get(1).marginalCost()).isEqualByComparingTo("4077.00");
  }

  @Test
  void kueue_flavorsCheapestFirst_quotasThePlansGpus_andMissingRegionsNamed() throws Exception {
    Scenario s = scenario();
    var quotas = new KueueQuotas(new CellTerms(s), plan("0.5000"));
    KueueMonth m =
        quotas.of(YearMonth.of(2027, 1), ClusterMap.named(Set.of("lambda/us-east-1")), "map");
    assertThat(m.queues()).hasSize(1);
    assertThat(m.queues().getFirst().geography()).isEqualTo(Geographies.GLOBAL);
    assertThat(m.queues().getFirst().quotas())
        .singleElement()
        .extracting(KueueMonth.Quota::gpus)
        .isEqualTo(8L);
    // 3.99 an hour plus 744 / 744 of capacity: 4.99 per reference GPU-hour
    assertThat(m.flavors().getFirst().perReferenceHour()).isEqualByComparingTo("4.99");
    assertThat(m.flavors().getFirst().ratePerReferenceHour()).isEqualByComparingTo("3.99");
    assertThatThrownBy(
            () -> quotas.of(YearMonth.of(2027, 1), ClusterMap.named(Set.of()), "clusters.yaml"))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("clusters.yaml")
        .hasMessageContaining("lambda/us-east-1");
    assertThatThrownBy(() -> quotas.of(YearMonth.of(2027, 2), ClusterMap.named(Set.of()), "map"))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("2027-02 is outside the plan");
  }
}
