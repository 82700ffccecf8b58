package io.nuage.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.CapacityStep;
import io.nuage.scenario.Scenario;
import io.nuage.uncertainty.Delay;
import io.nuage.uncertainty.StepRef;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FutureScenarioTest {
  static final Scenario EXAMPLE = FutureSamplerTest.EXAMPLE;

  /** The level of (region, accelerator) in month m from a step list: the latest step's gpus. */
  static int level(List<CapacityStep> steps, String region, String acc, YearMonth m) {
    return steps.stream()
        .filter(
            s -> s.region().equals(region) && s.accelerator().equals(acc) && !s.from().isAfter(m))
        .max(java.util.Comparator.comparing(CapacityStep::from))
        .map(CapacityStep::gpus)
        .orElse(0);
  }

  @Test
  void asWritten_isTheScenario() {
    Scenario s = FutureScenario.of(EXAMPLE, Future.asWritten(0));
    assertThat(s.workloads()).isEqualTo(EXAMPLE.workloads());
    for (YearMonth m : EXAMPLE.horizon().months())
      for (CapacityStep k : EXAMPLE.capacity())
        assertThat(level(s.capacity(), k.region(), k.accelerator(), m))
            .isEqualTo(level(EXAMPLE.capacity(), k.region(), k.accelerator(), m));
  }

  @Test
  void aLateStep_delaysOnlyItsOwnIncrement() {
    // find a key with at least three steps and delay the middle one past the third
    var byKey =
        EXAMPLE.capacity().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(s -> s.region() + "|" + s.accelerator()));
    List<CapacityStep> steps =
        byKey.values().stream().filter(l -> l.size() >= 3).findFirst().orElseThrow().stream()
            .sorted(java.util.Comparator.comparing(CapacityStep::from))
            .toList();
    CapacityStep first = steps.get(0), middle = steps.get(1), third = steps.get(2);
    int months =
        (int) java.time.temporal.ChronoUnit.MONTHS.between(middle.from(), third.from()) + 1;
    Future f =
        new Future(
            0,
            Map.of(),
            Set.of(),
            Map.of(),
            Map.of(),
            Map.of(StepRef.of(middle), new Delay.Months(months)),
            Map.of(),
            Map.of());
    List<CapacityStep> c = FutureScenario.of(EXAMPLE, f).capacity();
    String r = first.region(), a = first.accelerator();
    int increment = middle.gpus() - first.gpus();
    assertThat(level(c, r, a, middle.from())).isEqualTo(first.gpus());
    assertThat(level(c, r, a, third.from())).isEqualTo(Math.max(0, third.gpus() - increment));
    assertThat(level(c, r, a, middle.from().plusMonths(months)))
        .isEqualTo(level(EXAMPLE.capacity(), r, a, middle.from().plusMonths(months)));
    // never: the increment never comes
    Future never =
        new Future(
            0,
            Map.of(),
            Set.of(),
            Map.of(),
            Map.of(),
            Map.of(StepRef.of(middle), new Delay.Never()),
            Map.of(),
            Map.of());
    List<CapacityStep> n = FutureScenario.of(EXAMPLE, never).capacity();
    YearMonth end = EXAMPLE.horizon().end();
    assertThat(level(n, r, a, end))
        .isEqualTo(Math.max(0, level(EXAMPLE.capacity(), r, a, end) - increment));
  }

  @Test
  void aLostProvider_hasNoCapacityFromItsMonth() {
    YearMonth lost = YearMonth.of(2029, 1);
    Future f =
        new Future(
            0, Map.of(), Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of("oci", lost));
    List<CapacityStep> c = FutureScenario.of(EXAMPLE, f).capacity();
    for (CapacityStep k : EXAMPLE.capacity()) {
      boolean oci = EXAMPLE.providerOf(k.region()).equals("oci");
      for (YearMonth m : EXAMPLE.horizon().months()) {
        int expected =
            oci && !m.isBefore(lost)
                ? 0
                : level(EXAMPLE.capacity(), k.region(), k.accelerator(), m);
        assertThat(level(c, k.region(), k.accelerator(), m)).as(k + " " + m).isEqualTo(expected);
      }
    }
  }

  @Test
  void runsAndDemand_areCancelledResizedSlippedAndScaled() {
    List<TrainingRun> runs = EXAMPLE.workloads(TrainingRun.class);
    TrainingRun gone = runs.get(0), bigger = runs.get(1);
    InferenceFleet fleet = EXAMPLE.workloads(InferenceFleet.class).get(0);
    double[] factors = new double[EXAMPLE.horizon().length()];
    Arrays.fill(factors, 1.25);
    Future f =
        new Future(
            0,
            Map.of(fleet.id(), factors),
            Set.of(gone.id()),
            Map.of(bigger.id(), new BigDecimal("1.5")),
            Map.of(bigger.id(), 2),
            Map.of(),
            Map.of(),
            Map.of());
    Scenario s = FutureScenario.of(EXAMPLE, f);
    assertThat(s.workloads(TrainingRun.class))
        .extracting(TrainingRun::id)
        .doesNotContain(gone.id());
    TrainingRun b =
        s.workloads(TrainingRun.class).stream()
            .filter(r -> r.id().equals(bigger.id()))
            .findFirst()
            .orElseThrow();
    assertThat(b.gpus())
        .isEqualTo(
            new BigDecimal(bigger.gpus())
                .multiply(new BigDecimal("1.5"))
                .setScale(0, RoundingMode.HALF_EVEN)
                .intValueExact());
    assertThat(b.earliestStart()).isEqualTo(bigger.earliestStart().plusMonths(2));
    assertThat(b.deadline()).isEqualTo(bigger.deadline().plusMonths(2));
    InferenceFleet scaled =
        s.workloads(InferenceFleet.class).stream()
            .filter(x -> x.id().equals(fleet.id()))
            .findFirst()
            .orElseThrow();
    for (int g = 0; g < fleet.demands().size(); g++) {
      GeographyDemand before = fleet.demands().get(g), after = scaled.demands().get(g);
      before
          .gpuHoursByMonth()
          .forEach(
              (m, h) ->
                  assertThat(after.gpuHoursByMonth().get(m))
                      .isEqualByComparingTo(
                          h.multiply(new BigDecimal("1.25")).setScale(3, RoundingMode.HALF_EVEN)));
    }
  }
}
