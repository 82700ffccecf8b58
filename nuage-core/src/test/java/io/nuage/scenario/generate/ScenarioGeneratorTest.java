package io.nuage.scenario.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.SharedData;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {
  private static String generate(int runs, int fleets, int months, long seed) {
    return ScenarioGenerator.generate(
        new GenerateSpec(runs, fleets, months, seed, 2), SharedData.root());
  }

  private static Scenario parse(String yaml) {
    return ScenarioParser.parse(yaml, "generated.yaml", Path.of("."));
  }

  @Test
  void generate_sameSeedGivesTheSameBytes() {
    assertThat(generate(50, 5, 36, 42)).isEqualTo(generate(50, 5, 36, 42));
  }

  @Test
  void generate_anotherSeedGivesAnotherScenario() {
    assertThat(generate(50, 5, 36, 42)).isNotEqualTo(generate(50, 5, 36, 43));
  }

  @Test
  void generate_isValidForSeveralSizesAndSeeds() {
    int[][] sizes = {{0, 1, 1}, {1, 0, 3}, {30, 4, 12}, {200, 20, 60}};
    for (int[] size : sizes) {
      for (long seed = 1; seed <= 3; seed++) {
        Scenario scenario = parse(generate(size[0], size[1], size[2], seed));
        assertThat(scenario.workloads(TrainingRun.class)).hasSize(size[0]);
        assertThat(scenario.workloads(InferenceFleet.class)).hasSize(size[1]);
        assertThat(scenario.horizon().length()).isEqualTo(size[2]);
      }
    }
  }

  @Test
  void generate_gangsAreWholeNodesWithinTheirWindowAndHorizon() {
    Scenario scenario = parse(generate(300, 0, 60, 9));
    for (TrainingRun run : scenario.workloads(TrainingRun.class)) {
      assertThat(run.gpus() % 8).isZero();
      assertThat(run.gpus()).isBetween(8, 16_384);
      assertThat(run.referenceHours().intValue()).isBetween(24, 2160);
      // the window holds the run on a throughput-1.0 GPU even in 28-day months
      long months =
          java.time.temporal.ChronoUnit.MONTHS.between(run.earliestStart(), run.deadline()) + 1;
      assertThat(months * 672).isGreaterThanOrEqualTo(run.referenceHours().longValue());
      assertThat(scenario.horizon().contains(run.deadline())).isTrue();
    }
    // the trace's heavy tail survives the scaling: some 16,384-GPU gangs, mostly smaller ones
    var sizes =
        scenario.workloads(TrainingRun.class).stream()
            .mapToInt(TrainingRun::gpus)
            .sorted()
            .toArray();
    assertThat(sizes[sizes.length - 1]).isEqualTo(16_384);
    assertThat(sizes[sizes.length / 2]).isLessThanOrEqualTo(2048);
  }

  @Test
  void hours_mapsPhillyRunTimesLogLinearlyOntoOneToNinetyDays() {
    assertThat(Draws.hours(1)).isEqualTo(24);
    assertThat(Draws.hours(60)).isEqualTo(24);
    assertThat(Draws.hours(1e6)).isEqualTo(2160);
    assertThat(Draws.hours(1e9)).isEqualTo(2160);
    // Philly's median run, 1,186 s, becomes about four days
    assertThat(Draws.hours(1186)).isBetween(90, 100);
  }

  @Test
  void families_mapTraceGpuTypesByGeneration() {
    assertThat(Draws.families("")).containsExactly("H100", "H200", "B200");
    assertThat(Draws.families("T4")).containsExactly("H100");
    assertThat(Draws.families("P100|V100M16|V100M32")).containsExactly("H100", "H200");
    assertThat(Draws.families("G3")).containsExactly("B200");
  }

  @Test
  void geography_readsUsAndEuropeFromRegionNames() {
    assertThat(CatalogChoice.geography("azure/eastus2")).contains("US");
    assertThat(CatalogChoice.geography("aws/us-east-1")).contains("US");
    assertThat(CatalogChoice.geography("aws/us-gov-west-1")).isEmpty();
    assertThat(CatalogChoice.geography("azure/swedencentral")).contains("EU");
    assertThat(CatalogChoice.geography("gcp/europe-west4")).contains("EU");
    assertThat(CatalogChoice.geography("azure/australiaeast")).isEmpty();
  }

  @Test
  void spec_rejectsNegativeCountsAndEmptyHorizons() {
    assertThatThrownBy(() -> new GenerateSpec(-1, 0, 12, 1, 2))
        .hasMessage("--training-runs cannot be negative (got -1)");
    assertThatThrownBy(() -> new GenerateSpec(1, -2, 12, 1, 2))
        .hasMessage("--fleets cannot be negative (got -2)");
    assertThatThrownBy(() -> new GenerateSpec(1, 1, 0, 1, 2))
        .hasMessage("--months must be 1..600 (got 0)");
  }
}
