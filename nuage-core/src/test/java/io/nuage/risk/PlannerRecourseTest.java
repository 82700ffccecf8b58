package io.nuage.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.plan.recourse.Unmet;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The planner's recourse on instances whose answer is worked out by hand (docs/risk.md sections
 * 2-3): the figures are in the comments of the scenario files under {@code
 * src/test/resources/risk/}.
 */
class PlannerRecourseTest {
  static Scenario resource(String name) throws Exception {
    return ScenarioParser.parse(
        Path.of(PlannerRecourseTest.class.getResource("/risk/" + name).toURI()));
  }

  static RiskReport risk(Scenario s, int samples, long seed, RecourseMethod method) {
    PlanOptions options = PlanOptions.defaults();
    return new RiskAnalysis(
            s,
            "replan",
            () -> new PlannerRecourse(options, method, Map.of()),
            new RiskOptions(samples, seed, 2, 0),
            RiskAnalysis.Progress.NONE)
        .run();
  }

  @Test
  void twoPointDemand_enumerationIsExactToTheCent() throws Exception {
    // E[cost] = 0.25 x 1,000,000 + 0.75 x 1,800,000; P(shortfall) = 0.25; E[shortfall] = 100,000
    for (RecourseMethod method : RecourseMethod.values()) {
      RiskReport exact = risk(resource("two-point-demand.yaml"), 0, 1, method);
      assertThat(exact.exact()).isTrue();
      assertThat(exact.futures()).isEqualTo(2);
      assertThat(exact.asWritten()).isEqualByComparingTo("1200000.00");
      assertThat(exact.meanCost().value()).as(method.name()).isEqualByComparingTo("1600000.00");
      assertThat(exact.meanCost().standardError()).isZero();
      RiskReport.YearRisk deal = exact.contractYears().getFirst();
      assertThat(deal.key()).isEqualTo("deal");
      assertThat(deal.probability().value()).isEqualByComparingTo("0.250000");
      assertThat(deal.expected().value()).isEqualByComparingTo("100000.00");
      // the lower empirical quantiles of {1.0M: 0.25, 1.8M: 0.75}
      assertThat(exact.quantiles().get(0).value()).isEqualByComparingTo("1000000.00");
      assertThat(exact.quantiles().get(1).value()).isEqualByComparingTo("1800000.00");
      assertThat(exact.breachProbability().value()).isZero();
    }
  }

  @Test
  void twoPointDemand_monteCarloAgreesWithinFourStandardErrors() throws Exception {
    RiskReport mc = risk(resource("two-point-demand.yaml"), 48, 7, RecourseMethod.ROUNDED);
    assertThat(mc.exact()).isFalse();
    BigDecimal four = BigDecimal.valueOf(4);
    BigDecimal error = mc.meanCost().standardError();
    assertThat(error).isPositive();
    assertThat(mc.meanCost().value().subtract(new BigDecimal("1600000")).abs())
        .isLessThanOrEqualTo(error.multiply(four));
    RiskReport.YearRisk deal = mc.contractYears().getFirst();
    assertThat(deal.probability().value().subtract(new BigDecimal("0.25")).abs())
        .isLessThanOrEqualTo(deal.probability().standardError().multiply(four));
    assertThat(deal.expected().value().subtract(new BigDecimal("100000")).abs())
        .isLessThanOrEqualTo(deal.expected().standardError().multiply(four));
    // every future costs one of the two closed-form figures
    assertThat(mc.quantiles())
        .allSatisfy(q -> assertThat(q.value().toPlainString()).isIn("1000000.00", "1800000.00"));
  }

  @Test
  void moreDemandThanCapacity_isABreachPricedAtThePenalty() throws Exception {
    Scenario s = resource("short-of-capacity.yaml");
    RecourseTerms terms = RecourseTerms.of(s);
    // twice the dearest list price: 2 x $2.00
    assertThat(terms.unmetPenaltyPerGpuHour()).isEqualByComparingTo("4.00");
    for (RecourseMethod method : RecourseMethod.values()) {
      RecoursePlan r = Planner.serve(s, PlanOptions.defaults(), terms, method);
      // the run: 2,000 x 100 reference GPU-hours at $4; the fleet: 150,000 - 100 x hours a month
      assertThat(r.unmet())
          .filteredOn(u -> u instanceof Unmet.Run)
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.workload()).isEqualTo("big-run");
                assertThat(u.referenceGpuHours()).isEqualByComparingTo("200000");
                assertThat(u.cost()).isEqualByComparingTo("800000.00");
              });
      for (Unmet u : r.unmet()) {
        if (!(u instanceof Unmet.Fleet f)) continue;
        long hours = 24L * f.month().lengthOfMonth();
        assertThat(f.referenceGpuHours())
            .as(f.month().toString())
            .isEqualByComparingTo(BigDecimal.valueOf(150_000 - 100 * hours));
      }
      assertThat(r.unmet()).filteredOn(u -> u instanceof Unmet.Fleet).hasSize(12);
      assertThat(r.unmetGpuHours()).isEqualByComparingTo("1124000");
      assertThat(r.unmetCost()).isEqualByComparingTo("4496000.00");
      assertThat(r.plan().costBreakdown().usage()).isEqualByComparingTo("876000.00");
      assertThat(r.plan().costBreakdown().shortfall()).isEqualByComparingTo("124000.00");
      assertThat(r.totalCost()).as(method.name()).isEqualByComparingTo("5496000.00");
      // no provider is capped: no steering
      assertThat(r.steering()).isZero();
      assertThat(r.lowerBound()).isLessThanOrEqualTo(r.objective());
    }
    // and the risk report counts it as a breach, at that cost, instead of dropping it
    RiskReport report = risk(s, 0, 1, RecourseMethod.ROUNDED);
    assertThat(report.breachProbability().value()).isEqualByComparingTo("1");
    assertThat(report.meanCost().value()).isEqualByComparingTo("5496000.00");
  }

  @Test
  void zeroUncertainty_reproducesTheDeterministicPlanExactly() throws Exception {
    Scenario s = resource("two-point-demand.yaml");
    Scenario certain =
        parsed(
            text("two-point-demand.yaml")
                .replace("uncertainty:\n  demand: {levels: {0.5: 0.25, 1.5: 0.75}}\n", ""));
    assertThat(certain.uncertainty().demand().isCertain()).isTrue();
    BigDecimal plan = total(Planner.plan(certain, PlanOptions.defaults()));
    assertThat(plan).isEqualByComparingTo("1200000.00");
    for (RecourseMethod method : RecourseMethod.values()) {
      RiskReport r = risk(certain, 0, 1, method);
      assertThat(r.futures()).isEqualTo(1);
      assertThat(r.asWritten()).isEqualByComparingTo(plan);
      assertThat(r.meanCost().value()).isEqualByComparingTo(plan);
    }
    assertThat(s.uncertainty().demand().isCertain()).isFalse();
  }

  static BigDecimal total(PlanOutcome o) {
    return plan(o).totalCost();
  }

  static io.nuage.plan.Plan plan(PlanOutcome o) {
    return switch (o) {
      case PlanOutcome.Optimal p -> p.plan();
      case PlanOutcome.Feasible p -> p.plan();
      case PlanOutcome.Infeasible i -> throw new AssertionError(i.reasons());
    };
  }

  static String text(String name) throws Exception {
    return java.nio.file.Files.readString(
        Path.of(PlannerRecourseTest.class.getResource("/risk/" + name).toURI()));
  }

  static Scenario parsed(String text) {
    return ScenarioParser.parse(text, "variant.yaml", Path.of("."));
  }

  @Test
  void drawnPrices_moveOnDemandRates_notCommittedOnes() throws Exception {
    Scenario committed = resource("two-point-demand.yaml");
    Map<YearMonth, BigDecimal> half = new java.util.HashMap<>();
    for (YearMonth m : committed.horizon().months()) half.put(m, new BigDecimal("0.5"));
    // under the deal every row stays at $2.00 x (1 - 0.5), as signed: $1,200,000 as written
    RecoursePlan c =
        Planner.serve(
            committed,
            PlanOptions.defaults(),
            RecourseTerms.of(committed).withPrices(Map.of("H100", half)));
    assertThat(c.plan().placements())
        .allSatisfy(p -> assertThat(p.rate()).isEqualByComparingTo("1.00"));
    assertThat(c.totalCost()).isEqualByComparingTo("1200000.00");
    // without it every row is on demand at the drawn list, $2.00 x 0.5: 12 x 100,000 x $1.00
    String text = text("two-point-demand.yaml");
    Scenario onDemand =
        parsed(
            text.substring(0, text.indexOf("contracts:"))
                + text.substring(text.indexOf("workloads:")));
    RecoursePlan o =
        Planner.serve(
            onDemand,
            PlanOptions.defaults(),
            RecourseTerms.of(onDemand).withPrices(Map.of("H100", half)));
    assertThat(o.plan().placements())
        .allSatisfy(
            p -> {
              assertThat(p.pricing()).isEqualTo("on-demand");
              assertThat(p.rate()).isEqualByComparingTo("1.00");
            });
    assertThat(o.totalCost()).isEqualByComparingTo("1200000.00");
    // as written it is $2.00 a GPU-hour
    assertThat(
            Planner.serve(onDemand, PlanOptions.defaults(), RecourseTerms.of(onDemand)).totalCost())
        .isEqualByComparingTo("2400000.00");
  }

  @Test
  void aCapTheFutureCannotHold_isExceededAndReported_notHeldByLeavingDemandUnmet()
      throws Exception {
    Scenario s = resource("lost-provider.yaml");
    // as written: $200,000 split within the 60% cap
    RecoursePlan asWritten = Planner.serve(s, PlanOptions.defaults(), RecourseTerms.of(s));
    assertThat(asWritten.totalCost()).isEqualByComparingTo("200000.00");
    assertThat(asWritten.capExcess()).isEmpty();
    Future lostB =
        new Future(
            0,
            Map.of(),
            java.util.Set.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of("b", YearMonth.of(2027, 1)));
    Scenario future = FutureScenario.of(s, lostB);
    RecourseTerms terms = PlannerRecourse.terms(future, lostB);
    for (RecourseMethod method : RecourseMethod.values()) {
      RecoursePlan r = Planner.serve(future, PlanOptions.defaults(), terms, method);
      // a alone serves all of it: $200,000, a at 100%, 200,000 - 0.6 x 200,000 over its cap
      assertThat(r.unmet()).as(method.name()).isEmpty();
      assertThat(r.totalCost()).isEqualByComparingTo("200000.00");
      assertThat(r.plan().placements()).allSatisfy(p -> assertThat(p.provider()).isEqualTo("a"));
      assertThat(r.capExcess())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.provider()).isEqualTo("a");
                assertThat(e.year()).isEqualTo(2027);
                assertThat(e.amount()).isEqualByComparingTo("80000.00");
              });
      // the steering penalty is not money: 10 x $80,000, outside the cost. Serving it costs, in
      // the objective, 200,000 + 800,000; leaving it unmet would cost 100,000 x ($4.00 of penalty
      // + 10 x (1 - 0.6) x $2.00 of steering) = 1,200,000 (without that steering, 400,000)
      assertThat(r.steering()).isEqualByComparingTo("800000.00");
    }
    // drawn: a yearly probability of 1 loses b from the first month of every future
    Scenario risky =
        parsed(
            text("lost-provider.yaml")
                + "uncertainty:\n  providers: {b: {yearly-probability: 1}}\n");
    RiskReport report = risk(risky, 4, 1, RecourseMethod.ROUNDED);
    assertThat(report.asWritten()).isEqualByComparingTo("200000.00");
    assertThat(report.breachProbability().value()).isZero();
    RiskReport.YearRisk a =
        report.providerYears().stream()
            .filter(y -> y.key().equals("a") && y.year() == 2027)
            .findFirst()
            .orElseThrow();
    assertThat(a.probability().value()).isEqualByComparingTo("1");
    assertThat(a.expected().value()).isEqualByComparingTo("80000.00");
  }
}
