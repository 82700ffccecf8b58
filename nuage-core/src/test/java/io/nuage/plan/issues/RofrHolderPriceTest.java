package io.nuage.plan.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.PlanJson;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.plan.verify.PlanVerifier;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The right-of-first-refusal holder's matching price comes from where it sells on demand. Here its
 * cheap region us-1 ($1.00 list) has 8 GPUs, all of them our reservation: it has no on-demand GPU
 * to sell at $1.00. Its on-demand GPUs are in us-3 at $5.00, more than 10% above the other
 * provider's $2.00, so the right does not bind. Expected, as rofr-holder-with-reservation.yaml:
 * usage 2.00 x (20,000 - 5,952) = 28,096.00 + reserved fee 8 x 744 x 1.00 = 5,952.00 = 34,048.00.
 * Seen: 51,904.00 (the holder "matched" at the $1.00 of a region where all it has is reserved, so
 * its $5.00 GPUs in us-3 had to be bought first).
 */
class RofrHolderPriceTest {
  @TempDir Path dir;

  private static final String SCENARIO =
      """
      name: rofr-holder-reserved-only-region
      horizon: {start: 2027-01, end: 2027-01}
      catalog:
        providers:
          - id: holder
            regions:
              - {name: us-1, geography: US}
              - {name: us-3, geography: US}
          - id: other
            regions:
              - {name: us-2, geography: US}
        accelerators:
          - {name: G1, throughput: 1.0}
        offerings:
          - {region: holder/us-1, accelerator: G1, pricing: on-demand, price-per-gpu-hour: 1.00}
          - {region: holder/us-3, accelerator: G1, pricing: on-demand, price-per-gpu-hour: 5.00}
          - {region: other/us-2, accelerator: G1, pricing: on-demand, price-per-gpu-hour: 2.00}
      capacity:
        - region: holder/us-1
          accelerator: G1
          steps:
            - {from: 2027-01, gpus: 8}
        - region: holder/us-3
          accelerator: G1
          steps:
            - {from: 2027-01, gpus: 8}
        - region: other/us-2
          accelerator: G1
          steps:
            - {from: 2027-01, gpus: 100}
      contracts:
        - id: holder-reserved
          kind: reserved-capacity
          provider: holder
          region: holder/us-1
          accelerator: G1
          gpus: 8
          term: {start: 2027-01, end: 2027-12}
          price-per-gpu-hour: 1.00
        - id: holder-rofr
          kind: right-of-first-refusal
          provider: holder
          term: {start: 2027-01, end: 2027-12}
          matching-margin: 0.1
      workloads:
        - id: chat
          kind: inference-fleet
          accelerators: [G1]
          geographies:
            - geography: US
              regions: [holder/us-1, holder/us-3, other/us-2]
              gpu-hours-per-month: {by-month: {2027-01: 20000}}
      """;

  @Test
  void rofrHolderPrice_aRegionWhoseGpusAreAllReservedGivesNoPrice() throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, SCENARIO);
    Scenario s = ScenarioParser.parse(file);
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults());
    var plan = Issue9SharedCasesTest.planOf(out);
    assertThat(plan.totalCost()).as(PlanJson.write(out)).isEqualByComparingTo("34048.00");
    assertThat(plan.source()).isEqualTo("solver");
    assertThat(PlanVerifier.verify(s, out)).isEmpty();
  }
}
