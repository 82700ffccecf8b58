package io.nuage.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.plan.recourse.RunPlace;
import io.nuage.plan.recourse.Unmet;
import io.nuage.plan.verify.PlanVerifier;
import io.nuage.plan.verify.Rule;
import io.nuage.plan.verify.Violation;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.scenario.generate.GenerateSpec;
import io.nuage.scenario.generate.ScenarioGenerator;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recourse plans of drawn futures of a generated scenario (docs/risk.md sections 2 and 4): every
 * one is accepted by the plan verifier for its own future, and {@code adapt} is never cheaper than
 * {@code replan} on the same future.
 */
class GeneratedRecourseTest {
  /**
   * Every source drawn, and hard: demand levels that outgrow the capacity, runs resized and
   * slipped, sites late or never, prices drifting, the committed and the reserved provider lost.
   */
  static final String UNCERTAINTY =
      """
      uncertainty:
        demand: {volatility: 0.6, correlation: 0.5, levels: {0.8: 0.5, 3.0: 0.5}}
        training-runs:
          cancel-probability: 0.2
          size: {0.5: 0.3, 1.0: 0.4, 2.0: 0.3}
          slip-months: {0: 0.5, 1: 0.3, 3: 0.2}
        capacity:
          slip-months: {0: 0.5, 2: 0.3, never: 0.2}
        prices:
          H100: {drift: -0.3, volatility: 0.2}
          B200: {drift: 0.1, volatility: 0.2}
        providers:
          lambda: {yearly-probability: 0.6}
          oci: {yearly-probability: 0.4}
      """;

  static Scenario generated() {
    String yaml = ScenarioGenerator.generate(new GenerateSpec(6, 2, 24, 5, 1), SharedData.root());
    return ScenarioParser.parse(yaml + "\n" + UNCERTAINTY, "generated.yaml", Path.of("."));
  }

  static final int SAMPLES = 10;

  @Test
  void everySample_isAcceptedByThePlanVerifierForItsFuture() {
    Scenario s = generated();
    FutureSampler sampler = new FutureSampler(s, s.uncertainty(), 11);
    int breaches = 0;
    int lost = 0;
    int drifted = 0;
    RecoursePlan breached = null;
    Scenario breachedFuture = null;
    RecourseTerms breachedTerms = null;
    for (int i = 0; i < SAMPLES; i++) {
      Future f = sampler.draw(i);
      Scenario future = FutureScenario.of(s, f);
      RecourseTerms terms = PlannerRecourse.terms(future, f);
      RecoursePlan r = Planner.serve(future, PlanOptions.defaults(), terms);
      assertThat(PlanVerifier.verify(future, terms, r)).as("future " + i).isEmpty();
      assertThat(r.lowerBound()).isLessThanOrEqualTo(r.objective());
      if (r.isBreach()) {
        breaches++;
        if (r.unmet().stream().anyMatch(u -> u instanceof Unmet.Fleet)) {
          breached = r;
          breachedFuture = future;
          breachedTerms = terms;
        }
      }
      if (!f.providerLoss().isEmpty()) lost++;
      if (!f.priceFactors().isEmpty()) drifted++;
    }
    // the checks were exercised: futures with unmet demand, lost providers, drifted prices
    assertThat(breaches).isPositive();
    assertThat(lost).isPositive();
    assertThat(drifted).isPositive();

    // and they can fail: the same plan with one unmet item left undeclared breaks DEMAND
    assertThat(breached).isNotNull();
    List<Unmet> fewer = new ArrayList<>(breached.unmet());
    Unmet dropped = fewer.stream().filter(u -> u instanceof Unmet.Fleet).findFirst().orElseThrow();
    fewer.remove(dropped);
    BigDecimal cost = breached.unmetCost().subtract(dropped.cost());
    RecoursePlan undeclared =
        new RecoursePlan(
            breached.plan(),
            fewer,
            breached.capExcess(),
            cost,
            breached.plan().totalCost().add(cost),
            breached.steering(),
            breached.lowerBound().min(breached.plan().totalCost().add(cost)));
    assertThat(PlanVerifier.verify(breachedFuture, breachedTerms, undeclared))
        .extracting(Violation::rule)
        .contains(Rule.DEMAND);
  }

  @Test
  void drawnPricesIgnored_areSeenByTheVerifier() {
    Scenario s = generated();
    FutureSampler sampler = new FutureSampler(s, s.uncertainty(), 11);
    for (int i = 0; i < SAMPLES; i++) {
      Future f = sampler.draw(i);
      Scenario future = FutureScenario.of(s, f);
      RecourseTerms terms = PlannerRecourse.terms(future, f);
      RecoursePlan r = Planner.serve(future, PlanOptions.defaults(), terms);
      boolean onDemandLater =
          r.plan().placements().stream()
              .anyMatch(
                  p ->
                      p.pricing().equals("on-demand")
                          && terms.factor(p.accelerator(), p.month()).compareTo(BigDecimal.ONE)
                              != 0);
      if (!onDemandLater) continue;
      // checked against the prices as written, its on-demand rows are mispriced
      RecourseTerms asWritten = RecourseTerms.of(future).withProvidersLost(terms.providersLost());
      assertThat(PlanVerifier.verify(future, asWritten, r))
          .extracting(Violation::rule)
          .contains(Rule.COST);
      return;
    }
    throw new AssertionError("no future bought on demand at a drifted price");
  }

  @Test
  void adapt_isNeverCheaperThanReplan_onTheSameFutures() {
    Scenario s = generated();
    PlanOptions options = PlanOptions.defaults();
    Map<String, RunPlace> base =
        PlannerRecourse.placesOf(PlannerRecourseTest.plan(Planner.plan(s, options)).placements());
    assertThat(base).isNotEmpty();
    FutureSampler sampler = new FutureSampler(s, s.uncertainty(), 3);
    int dearer = 0;
    for (int i = 0; i < SAMPLES; i++) {
      Future f = sampler.draw(i);
      Scenario future = FutureScenario.of(s, f);
      RecourseTerms terms = PlannerRecourse.terms(future, f);
      RecoursePlan replan = Planner.serve(future, options, terms, RecourseMethod.MIP);
      RecoursePlan adapt = Planner.serve(future, options, terms.withKept(base), RecourseMethod.MIP);
      BigDecimal replanObjective = replan.objective();
      BigDecimal adaptObjective = adapt.objective();
      // adapt is replan with more fixed: OPT(adapt) >= OPT(replan) >= replan's proven bound, and
      // replan's MIP is within its 1e-4 gap of OPT(replan)
      assertThat(adaptObjective).as("future " + i).isGreaterThanOrEqualTo(replan.lowerBound());
      assertThat(adaptObjective)
          .as("future " + i)
          .isGreaterThanOrEqualTo(
              replanObjective.subtract(replanObjective.multiply(new BigDecimal("0.0001"))));
      if (adaptObjective.subtract(replanObjective).compareTo(BigDecimal.ONE) > 0) dearer++;
    }
    // keeping the base placements cost something in some future (the test has teeth)
    assertThat(dearer).isPositive();
  }

  @Test
  void yearCosts_addUpToTheFuturesTotal_andCarryItsUnmetDemandInItsYears() {
    // docs/risk.md section 3, "Cost per year": the plan's spend per provider and calendar year plus
    // the unmet penalty of each year; they add up to the total within a cent per provider-year
    Scenario s = generated();
    FutureSampler sampler = new FutureSampler(s, s.uncertainty(), 11);
    boolean sawUnmet = false;
    for (int i = 0; i < 8; i++) {
      Future f = sampler.draw(i);
      Scenario future = FutureScenario.of(s, f);
      RecoursePlan r =
          Planner.serve(future, PlanOptions.defaults(), PlannerRecourse.terms(future, f));
      List<Served.YearFigure> years = PlannerRecourse.yearCosts(r, future);

      BigDecimal sum =
          years.stream().map(Served.YearFigure::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal cents =
          new BigDecimal("0.01").multiply(BigDecimal.valueOf(r.plan().providers().size()));
      assertThat(sum.subtract(r.totalCost()).abs()).as("future " + i).isLessThanOrEqualTo(cents);
      assertThat(years)
          .extracting(Served.YearFigure::year)
          .as("future " + i)
          .isSorted()
          .doesNotHaveDuplicates()
          .allMatch(y -> y >= s.horizon().start().getYear() && y <= s.horizon().end().getYear());
      // a fleet's unmet penalty is in its month's year: that year costs at least its penalty
      for (Unmet u : r.unmet()) {
        if (!(u instanceof Unmet.Fleet fleet)) continue;
        sawUnmet = true;
        BigDecimal unmetThatYear =
            r.unmet().stream()
                .filter(
                    x ->
                        x instanceof Unmet.Fleet g
                            && g.month().getYear() == fleet.month().getYear())
                .map(Unmet::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal yearCost =
            years.stream()
                .filter(y -> y.year() == fleet.month().getYear())
                .map(Served.YearFigure::amount)
                .findFirst()
                .orElseThrow();
        assertThat(yearCost).as("future " + i).isGreaterThanOrEqualTo(unmetThatYear);
      }
    }
    assertThat(sawUnmet).isTrue();
  }
}
