package io.nuage.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.Repo;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reduction of served futures to the report, with a recourse that is a closed-form function of
 * the future (its demand in GPU-hours at $1 plus $1M per run), so that every estimator can be
 * checked against arithmetic; the planner's own recourse is proved in PlannerRecourseTest and
 * GeneratedRecourseTest.
 */
class RiskAnalysisTest {
  static final Path EXAMPLE = Repo.root().resolve("examples/frontier-lab-2027.yaml");

  static Scenario withUncertainty(String section) throws Exception {
    String text = Files.readString(EXAMPLE);
    text = text.substring(0, text.indexOf("\nuncertainty:")) + "\n" + section;
    return ScenarioParser.parse(text, "risk.yaml", EXAMPLE.getParent());
  }

  /** $0.001 per fleet GPU-hour and $1,000,000 per training run; a "shortfall" below 2 runs. */
  static final Recourse ARITHMETIC =
      (future, drawn) -> {
        BigDecimal hours = BigDecimal.ZERO;
        for (InferenceFleet f : future.workloads(InferenceFleet.class))
          for (GeographyDemand g : f.demands())
            for (BigDecimal h : g.gpuHoursByMonth().values()) hours = hours.add(h);
        int runs = future.workloads(TrainingRun.class).size();
        BigDecimal cost =
            hours.multiply(new BigDecimal("0.001")).add(BigDecimal.valueOf(runs * 1_000_000L));
        BigDecimal shortfall = BigDecimal.valueOf(Math.max(0, 11 - runs) * 5_000_000L);
        return new Served(
            cost,
            cost,
            List.of(new Served.YearFigure("deal", 0, shortfall)),
            List.of(),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            List.of(new Served.YearFigure(Served.COST, 2027, cost)));
      };

  static RiskReport run(Scenario s, int samples, int threads) {
    return new RiskAnalysis(
            s,
            "replan",
            () -> ARITHMETIC,
            new RiskOptions(samples, 42, threads, 0),
            RiskAnalysis.Progress.NONE)
        .run();
  }

  @Test
  void sameSeed_sameReport_whateverTheThreads() throws Exception {
    Scenario s = ScenarioParser.parse(EXAMPLE);
    assertThat(run(s, 64, 2)).isEqualTo(run(s, 64, 1));
  }

  /**
   * Another server of the futures (as a distributed engine is): all of a sweep at once, redrawn
   * from their numbers alone and served last to first; the report is the pool's.
   */
  static final class OneCallServer implements FutureServer {
    int calls;

    @Override
    public List<Served> serve(Scenario scenario, Draws draws, long from, long to) {
      calls++;
      java.util.function.LongFunction<Future> drawer = draws.of(scenario);
      Served[] out = new Served[(int) (to - from)];
      for (long i = to - 1; i >= from; i--) {
        Future f = drawer.apply(i);
        out[(int) (i - from)] = ARITHMETIC.serve(FutureScenario.of(scenario, f), f);
      }
      return List.of(out);
    }

    @Override
    public List<Served> serveEach(
        Scenario drawnFrom, List<Scenario> bases, Draws draws, long from, long to) {
      calls++;
      java.util.function.LongFunction<Future> drawer = draws.of(drawnFrom);
      List<Served> out = new java.util.ArrayList<>();
      for (long i = from; i < to; i++) {
        Future f = drawer.apply(i);
        for (Scenario base : bases) out.add(ARITHMETIC.serve(FutureScenario.of(base, f), f));
      }
      return out;
    }

    @Override
    public int block() {
      return Integer.MAX_VALUE;
    }
  }

  @Test
  void servedBy_anotherServer_givesThePoolsReport_drawnAloneAndEnumerated() throws Exception {
    Scenario s = ScenarioParser.parse(EXAMPLE);
    RiskOptions options = new RiskOptions(24, 42, 2, 3);
    OneCallServer server = new OneCallServer();
    RiskReport pooled =
        new RiskAnalysis(s, "replan", () -> ARITHMETIC, options, RiskAnalysis.Progress.NONE).run();
    RiskReport served =
        new RiskAnalysis(s, "replan", () -> ARITHMETIC, options, RiskAnalysis.Progress.NONE)
            .servedBy(server)
            .run();
    assertThat(served).isEqualTo(pooled);
    assertThat(served.sources()).isNotEmpty();
    assertThat(server.calls).isEqualTo(1 + served.sources().size());
    Scenario discrete =
        withUncertainty("uncertainty:\n  training-runs: {cancel-probability: 0.1}\n");
    RiskOptions all = new RiskOptions(0, 42, 2, 0);
    assertThat(
            new RiskAnalysis(discrete, "replan", () -> ARITHMETIC, all, RiskAnalysis.Progress.NONE)
                .servedBy(new OneCallServer())
                .run())
        .isEqualTo(
            new RiskAnalysis(discrete, "replan", () -> ARITHMETIC, all, RiskAnalysis.Progress.NONE)
                .run());
  }

  @Test
  void enumeration_isExact_andMonteCarloAgreesWithinFourErrors() throws Exception {
    // each of the 11 runs is cancelled with probability 0.1: the number kept is Binomial(11, 0.9)
    Scenario s = withUncertainty("uncertainty:\n  training-runs: {cancel-probability: 0.1}\n");
    RiskReport exact = run(s, 0, 2);
    assertThat(exact.exact()).isTrue();
    assertThat(exact.futures()).isEqualTo(2048);
    // E[cost] = hours × 0.001 + 1,000,000 × 11 × 0.9
    BigDecimal asWritten = exact.asWritten();
    BigDecimal expected = asWritten.subtract(new BigDecimal("1100000.00"));
    assertThat(exact.meanCost().value()).isEqualByComparingTo(expected);
    assertThat(exact.meanCost().standardError()).isZero();
    // P(shortfall) = P(at least one run cancelled) = 1 − 0.9^11, to 6 decimals
    BigDecimal p = BigDecimal.ONE.subtract(new BigDecimal("0.9").pow(11));
    RiskReport.YearRisk deal = exact.contractYears().get(0);
    assertThat(deal.probability().value())
        .isEqualByComparingTo(p.setScale(6, RoundingMode.HALF_EVEN));
    // E[shortfall] = 5M × E[cancelled] = 5M × 1.1
    assertThat(deal.expected().value()).isEqualByComparingTo("5500000.00");

    RiskReport mc = run(s, 400, 2);
    assertThat(mc.exact()).isFalse();
    BigDecimal diff = mc.meanCost().value().subtract(expected).abs();
    assertThat(diff)
        .isLessThanOrEqualTo(mc.meanCost().standardError().multiply(BigDecimal.valueOf(4)));
    assertThat(mc.convergence()).isNotEmpty();
    assertThat(mc.convergence().get(mc.convergence().size() - 1).futures()).isEqualTo(400);
  }

  /** ARITHMETIC, $300,000 of each run's $1,000,000 being its unmet demand at the penalty. */
  static final Recourse UNMET_PER_RUN =
      (future, drawn) -> {
        Served s = ARITHMETIC.serve(future, drawn);
        int runs = future.workloads(TrainingRun.class).size();
        return new Served(
            s.totalCost(),
            s.lowerBound(),
            s.shortfalls(),
            s.capExcess(),
            BigDecimal.valueOf(runs),
            BigDecimal.valueOf(runs * 300_000L),
            s.yearCosts());
      };

  @Test
  void unmetPenaltyAndBilledCost_splitTheMean_eachWithItsError() throws Exception {
    Scenario s = withUncertainty("uncertainty:\n  training-runs: {cancel-probability: 0.1}\n");
    RiskOptions all = new RiskOptions(0, 42, 2, 0);
    RiskReport exact =
        new RiskAnalysis(s, "replan", () -> UNMET_PER_RUN, all, RiskAnalysis.Progress.NONE).run();
    // E[unmet] = 300,000 x E[runs kept] = 300,000 x 11 x 0.9; billed = the rest of the mean
    assertThat(exact.meanUnmetPenalty().value()).isEqualByComparingTo("2970000.00");
    assertThat(exact.meanUnmetPenalty().standardError()).isZero();
    assertThat(exact.meanBilled().value())
        .isEqualByComparingTo(exact.meanCost().value().subtract(new BigDecimal("2970000")));
    assertThat(exact.meanBilled().standardError()).isZero();

    RiskOptions mc = new RiskOptions(400, 42, 2, 0);
    RiskReport sampled =
        new RiskAnalysis(s, "replan", () -> UNMET_PER_RUN, mc, RiskAnalysis.Progress.NONE).run();
    Estimate unmet = sampled.meanUnmetPenalty();
    // Var(unmet) = 300,000² x 11 x 0.9 x 0.1: the error is estimated, not 0
    assertThat(unmet.standardError()).isPositive();
    assertThat(unmet.value().subtract(new BigDecimal("2970000")).abs())
        .isLessThanOrEqualTo(unmet.standardError().multiply(BigDecimal.valueOf(4)));
    assertThat(sampled.meanBilled().standardError()).isPositive();
    assertThat(
            sampled
                .meanUnmetPenalty()
                .value()
                .add(sampled.meanBilled().value())
                .subtract(sampled.meanCost().value())
                .abs())
        .isLessThanOrEqualTo(new BigDecimal("0.01"));
  }

  @Test
  void nothingUncertain_isTheScenarioAsWritten() throws Exception {
    Scenario s = withUncertainty("");
    RiskReport r = run(s, 0, 1);
    assertThat(r.futures()).isEqualTo(1);
    assertThat(r.meanCost().value()).isEqualByComparingTo(r.asWritten());
    assertThat(r.quantiles())
        .allSatisfy(q -> assertThat(q.value()).isEqualByComparingTo(r.asWritten()));
  }

  @Test
  void eachSourceAlone_isMeasuredAgainstTheScenarioAsWritten() throws Exception {
    Scenario s = ScenarioParser.parse(EXAMPLE);
    RiskReport r =
        new RiskAnalysis(
                s,
                "replan",
                () -> ARITHMETIC,
                new RiskOptions(16, 3, 2, 16),
                RiskAnalysis.Progress.NONE)
            .run();
    assertThat(r.sources())
        .extracting(RiskReport.SourceCost::source)
        .containsExactly("demand", "training-runs", "capacity", "prices", "providers");
    // capacity, prices and providers do not enter this recourse: their futures cost as written
    for (RiskReport.SourceCost c : r.sources())
      if (!c.source().equals("demand") && !c.source().equals("training-runs"))
        assertThat(c.delta()).as(c.source()).isZero();
  }
}
