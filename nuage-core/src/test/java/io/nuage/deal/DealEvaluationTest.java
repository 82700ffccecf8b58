package io.nuage.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.risk.Draws;
import io.nuage.risk.Estimate;
import io.nuage.risk.Future;
import io.nuage.risk.FuturePool;
import io.nuage.risk.FutureScenario;
import io.nuage.risk.FutureServer;
import io.nuage.risk.PlannerRecourse;
import io.nuage.risk.Recourse;
import io.nuage.risk.RiskAnalysis;
import io.nuage.risk.RiskOptions;
import io.nuage.risk.Served;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The deal evaluation on the closed-form instance of {@code deal/two-point-tiers.yaml}, whose
 * figures are worked out in its header (docs/deals.md sections 2-3).
 */
class DealEvaluationTest {
  static final List<BigDecimal> SCALES =
      List.of(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("1.5"), new BigDecimal("2"));

  static Scenario instance() throws Exception {
    return ScenarioParser.parse(
        Path.of(DealEvaluationTest.class.getResource("/deal/two-point-tiers.yaml").toURI()));
  }

  static DealReport evaluate(Scenario s, int samples, long seed, int threads) {
    DealEvaluation e =
        new DealEvaluation(
            s, "deal", SCALES, new RiskOptions(samples, seed, threads, 0), "rounded");
    try (FuturePool pool = pool(threads, RecourseMethod.ROUNDED)) {
      return e.run(pool);
    }
  }

  static FuturePool pool(int threads, RecourseMethod method) {
    return new FuturePool(
        threads,
        () -> new PlannerRecourse(PlanOptions.defaults(), method, Map.of()),
        RiskAnalysis.Progress.NONE);
  }

  /**
   * Another server of the futures, as a distributed engine is: all of a block in one call, the
   * answers rebuilt from {@link DealEvaluation#sizes()} and each future redrawn from its number
   * alone, served last to first by a recourse of its own.
   */
  static final class RebuildingServer implements FutureServer {
    int calls;
    private final Recourse recourse =
        new PlannerRecourse(PlanOptions.defaults(), RecourseMethod.ROUNDED, Map.of());
    private final DealSizes sizes;

    RebuildingServer(DealSizes sizes) {
      this.sizes = sizes;
    }

    @Override
    public List<Served> serve(Scenario scenario, Draws draws, long from, long to) {
      throw new AssertionError("a deal asks for every answer of a future at once");
    }

    @Override
    public List<Served> serveEach(
        Scenario drawnFrom, List<Scenario> bases, Draws draws, long from, long to) {
      calls++;
      List<Scenario> rebuilt = sizes.bases(drawnFrom);
      assertThat(rebuilt).hasSameSizeAs(bases);
      LongFunction<Future> drawer = draws.of(drawnFrom);
      Served[] out = new Served[(int) (to - from) * rebuilt.size()];
      for (long i = to - 1; i >= from; i--) {
        Future f = drawer.apply(i);
        for (int k = rebuilt.size() - 1; k >= 0; k--)
          out[(int) (i - from) * rebuilt.size() + k] =
              recourse.serve(FutureScenario.of(rebuilt.get(k), f), f);
      }
      return List.of(out);
    }

    @Override
    public int block() {
      return 5; // several calls, the last one short
    }
  }

  @Test
  void servedBy_anotherServer_givesThePoolsReport_sampledAndEnumerated() throws Exception {
    Scenario s = instance();
    for (int samples : new int[] {12, 0}) {
      DealEvaluation e =
          new DealEvaluation(s, "deal", SCALES, new RiskOptions(samples, 7, 2, 0), "rounded");
      RebuildingServer server = new RebuildingServer(e.sizes());
      DealReport served;
      try (FuturePool pool = pool(2, RecourseMethod.ROUNDED)) {
        served = e.servedBy(server).run(pool);
      }
      assertThat(served).isEqualTo(evaluate(s, samples, 7, 2));
      assertThat(served.futures()).isEqualTo(samples == 0 ? 2 : samples);
      assertThat(server.calls).isEqualTo(samples == 0 ? 1 : 3);
    }
  }

  @Test
  void enumeratedFutures_giveTheClosedFormFiguresToTheCent() throws Exception {
    DealReport r = evaluate(instance(), 0, 1, 2);
    assertThat(r.exact()).isTrue();
    assertThat(r.futures()).isEqualTo(2);
    assertThat(r.tiered()).isTrue();
    assertThat(r.sizes())
        .extracting(DealReport.Size::label)
        .containsExactly("x0.5", "x1", "x1.5", "x2");
    assertThat(r.sizes())
        .extracting(DealReport.Size::discount)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("0.3"),
            new BigDecimal("0.5"),
            new BigDecimal("0.6"),
            new BigDecimal("0.6"));
    assertThat(r.sizes())
        .extracting(s -> s.meanCost().value())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(money("2100000"), money("1600000"), money("1500000"), money("2000000"));
    assertThat(r.sizes())
        .extracting(s -> s.expectedShortfall().value())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(money("0"), money("100000"), money("300000"), money("800000"));
    assertThat(r.sizes())
        .extracting(s -> s.shortfallProbability().value())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("0"), new BigDecimal("0.25"), BigDecimal.ONE, BigDecimal.ONE);
    assertThat(r.sizes())
        .extracting(s -> s.saving().value())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(money("900000"), money("1400000"), money("1500000"), money("1000000"));
    assertThat(r.sizes())
        .extracting(s -> s.costsMoreProbability().value())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.25"), new BigDecimal("0.25"));
    assertThat(r.notSigned().meanCost().value()).isEqualByComparingTo("3000000");
    assertThat(r.notSigned().asWritten()).isEqualByComparingTo("2400000");
    assertThat(r.sizes().get(1).asWritten()).isEqualByComparingTo("1200000");
    assertThat(r.sizes()).allSatisfy(s -> assertThat(s.meanCost().standardError()).isZero());
    assertThat(r.best()).isEqualTo("x1.5");
    assertThat(r.writtenAboveBest()).isEqualByComparingTo("-33.33");
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void sampledFutures_agreeWithTheClosedFormWithinFourStandardErrors() throws Exception {
    DealReport r = evaluate(instance(), 64, 3, 2);
    assertThat(r.exact()).isFalse();
    String[] mean = {"2100000", "1600000", "1500000", "2000000"};
    String[] saving = {"900000", "1400000", "1500000", "1000000"};
    for (int k = 0; k < SCALES.size(); k++) {
      DealReport.Size s = r.sizes().get(k);
      within(s.meanCost(), mean[k], s.label());
      within(s.saving(), saving[k], s.label());
    }
    within(r.notSigned().meanCost(), "3000000", "not signed");
    // the paired difference shares each future's demand: its error is below the cost's own
    DealReport.Size x1 = r.sizes().get(1);
    assertThat(x1.saving().standardError()).isLessThan(r.notSigned().meanCost().standardError());
  }

  @Test
  void theThreadCountDoesNotChangeTheReport() throws Exception {
    assertThat(evaluate(instance(), 24, 9, 1)).isEqualTo(evaluate(instance(), 24, 9, 2));
  }

  @Test
  void breakEven_isTheClosedFormDemandWithinItsTolerance() throws Exception {
    Scenario s = instance();
    DealEvaluation e =
        new DealEvaluation(s, "deal", List.of(BigDecimal.ONE), new RiskOptions(1, 1, 2, 0), "mip");
    BreakEven b;
    try (FuturePool pool = pool(2, RecourseMethod.MIP)) {
      b =
          new BreakEvenSearch(e.signedAsWritten(), e.notSigned(), pool, new BigDecimal("0.005"))
              .run();
    }
    assertThat(b.outcome()).isEqualTo(BreakEven.Outcome.FOUND);
    // g(λ) = max(1M, 1.2M λ) - 2.4M λ: zero at 1/2.4
    BigDecimal exact =
        BigDecimal.ONE.divide(new BigDecimal("2.4"), java.math.MathContext.DECIMAL64);
    assertThat(b.low()).isLessThanOrEqualTo(exact);
    assertThat(b.high()).isGreaterThanOrEqualTo(exact);
    assertThat(b.high().subtract(b.low())).isLessThanOrEqualTo(new BigDecimal("0.005"));
    assertThat(b.extraAtLow()).isPositive();
    assertThat(b.extraAtHigh()).isNotPositive();
    assertThat(b.demand().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.0025"));
  }

  @Test
  void breakEven_withoutTakeOrPay_paysAtEveryLevel_andSaysTheRangeTried() throws Exception {
    Scenario s = withTakeOrPay("false");
    DealEvaluation e =
        new DealEvaluation(s, "deal", List.of(BigDecimal.ONE), new RiskOptions(1, 1, 2, 0), "mip");
    BreakEven b;
    try (FuturePool pool = pool(2, RecourseMethod.MIP)) {
      b =
          new BreakEvenSearch(e.signedAsWritten(), e.notSigned(), pool, new BigDecimal("0.005"))
              .run();
    }
    assertThat(b.outcome()).isEqualTo(BreakEven.Outcome.ALWAYS_PAYS);
    assertThat(b.low()).isEqualByComparingTo(BreakEvenSearch.LOWEST);
    assertThat(b.high()).isEqualByComparingTo(BreakEvenSearch.START_HIGH);
    assertThat(b.extraAtLow()).isNegative();
    assertThat(b.extraAtHigh()).isNegative();
  }

  private static Scenario withTakeOrPay(String value) throws Exception {
    String text =
        java.nio.file.Files.readString(
            Path.of(DealEvaluationTest.class.getResource("/deal/two-point-tiers.yaml").toURI()));
    return ScenarioParser.parse(
        text.replace("take-or-pay: true", "take-or-pay: " + value), "t.yaml", Path.of("."));
  }

  @Test
  void badAnswers_areRefusedWithWhatWasExpected() throws Exception {
    Scenario s = instance();
    RiskOptions o = new RiskOptions(1, 1, 1, 0);
    assertThatThrownBy(() -> new DealEvaluation(s, "nope", SCALES, o, "rounded"))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("--contract nope: no such contract")
        .hasMessageContaining("expected one of: deal");
    assertThatThrownBy(() -> new DealEvaluation(s, "deal", List.of(BigDecimal.ZERO), o, "rounded"))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("--scale: a size must be above 0 (got 0");
    Scenario noFirstTier =
        withTiers(
            "      - {from: 600_000, discount: 0.4}\n      - {from: 1_000_000, discount: 0.5}\n");
    assertThatThrownBy(
            () ->
                new DealEvaluation(
                    noFirstTier, "deal", List.of(new BigDecimal("0.5")), o, "rounded"))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining(
            "x0.5 commits 500000.00 in total, below its smallest discount tier (600000)");
  }

  private static Scenario withTiers(String tiers) throws Exception {
    String text =
        java.nio.file.Files.readString(
            Path.of(DealEvaluationTest.class.getResource("/deal/two-point-tiers.yaml").toURI()));
    int at = text.indexOf("    discount-tiers:\n") + "    discount-tiers:\n".length();
    int end = text.indexOf("workloads:");
    return ScenarioParser.parse(
        text.substring(0, at) + tiers + text.substring(end), "tiers.yaml", Path.of("."));
  }

  private static void within(Estimate e, String expected, String what) {
    assertThat(e.value().subtract(new BigDecimal(expected)).abs())
        .as(what + ": " + e.value() + " ± " + e.standardError() + " against " + expected)
        .isLessThanOrEqualTo(e.standardError().multiply(BigDecimal.valueOf(4)));
  }

  private static BigDecimal money(String v) {
    return new BigDecimal(v);
  }
}
