package io.nuage.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.plan.ExtensiveForm;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.SecondStage;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.risk.Future;
import io.nuage.risk.FutureSampler;
import io.nuage.risk.FutureScenario;
import io.nuage.risk.PlannerRecourse;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The L-shaped decomposition and the extensive form on the same sampled futures (docs/deals.md
 * section 5): for every tier the extensive form's optimum lies between the decomposition's proven
 * bound and its best point, and they differ by at most the stated gap.
 */
class DecompositionAgreementTest {
  static final double GAP = 1e-4;

  @Test
  void everyTier_decompositionAndExtensiveFormAgreeWithinTheGap() throws Exception {
    for (String name : List.of("newsvendor-tiers.yaml", "two-point-tiers.yaml")) {
      Scenario s = ScenarioParser.parse(Path.of(getClass().getResource("/deal/" + name).toURI()));
      CommittedSpend deal = s.contracts(CommittedSpend.class).getFirst();
      double written = deal.yearlyMinimums().getFirst().doubleValue();
      double[] lo = {0};
      double[] hi = {3 * written};
      FutureSampler sampler = new FutureSampler(s, s.uncertainty(), 11);
      List<Future> futures = new ArrayList<>();
      for (int i = 0; i < 9; i++) futures.add(sampler.draw(i));
      double[] w = DealOptimiser.uniform(futures.size());
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (DealOptimiser.Tier tier : DealOptimiser.tiers(deal, 0, 3 * written)) {
          CommittedSpend widest =
              new CommittedSpend(
                  deal.id(),
                  deal.provider(),
                  deal.term(),
                  List.of(BigDecimal.valueOf(3 * written)),
                  tier.discount(),
                  true,
                  deal.discountTiers());
          Scenario signed = s.withContract(deal.id(), widest);
          List<Scenario> scenarios = new ArrayList<>();
          List<RecourseTerms> terms = new ArrayList<>();
          List<SecondStage> stages = new ArrayList<>();
          for (Future f : futures) {
            Scenario future = FutureScenario.of(signed, f);
            scenarios.add(future);
            terms.add(PlannerRecourse.terms(future, f));
            stages.add(
                new SecondStage(
                    future, PlannerRecourse.terms(future, f), deal.id(), PlanOptions.defaults()));
          }
          LShaped.Result r;
          try {
            r =
                LShaped.solve(
                    stages,
                    w,
                    lo,
                    hi,
                    tier.from(),
                    tier.to(),
                    GAP,
                    60,
                    Double.POSITIVE_INFINITY,
                    null,
                    () -> {},
                    pool);
          } finally {
            stages.forEach(SecondStage::close);
          }
          double ef;
          try (ExtensiveForm form =
              new ExtensiveForm(
                  scenarios,
                  terms,
                  w,
                  deal.id(),
                  lo,
                  hi,
                  tier.from(),
                  tier.to(),
                  PlanOptions.defaults())) {
            ef = form.solve().objective();
          }
          String what = name + " tier from " + tier.from();
          assertThat(r.converged()).as(what).isTrue();
          assertThat(r.lower()).as(what).isLessThanOrEqualTo(ef + 1e-6 * Math.abs(ef));
          assertThat(r.upper()).as(what).isGreaterThanOrEqualTo(ef - 1e-6 * Math.abs(ef));
          assertThat(r.upper() - ef).as(what).isLessThanOrEqualTo(GAP * Math.abs(r.upper()) + 0.01);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aReservation_decompositionAndExtensiveFormAgreeWithinTheGap() throws Exception {
    // docs/deals.md section 5.1: the GPUs as the first stage, no floor cut, the fee in the cuts
    Scenario s =
        ScenarioParser.parse(
            Path.of(getClass().getResource("/deal/newsvendor-reserved.yaml").toURI()));
    io.nuage.contract.ReservedCapacity k =
        s.contracts(io.nuage.contract.ReservedCapacity.class).getFirst();
    SecondStage.Reservation sized = new SecondStage.Reservation(k, 0, 200);
    double fee = DealOptimisation.feePerGpu(s, k).doubleValue();
    FutureSampler sampler = new FutureSampler(s, s.uncertainty(), 11);
    List<Scenario> scenarios = new ArrayList<>();
    List<RecourseTerms> terms = new ArrayList<>();
    List<SecondStage> stages = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      Future f = sampler.draw(i);
      Scenario future = FutureScenario.of(s, f);
      scenarios.add(future);
      terms.add(PlannerRecourse.terms(future, f));
      stages.add(
          new SecondStage(future, PlannerRecourse.terms(future, f), sized, PlanOptions.defaults()));
    }
    double[] w = DealOptimiser.uniform(9);
    LShaped.Result r;
    try {
      r =
          LShaped.solve(
              stages,
              w,
              new double[] {0},
              new double[] {200},
              0,
              200,
              GAP,
              60,
              Double.POSITIVE_INFINITY,
              null,
              () -> {},
              null,
              fee);
    } finally {
      stages.forEach(SecondStage::close);
    }
    ExtensiveForm.Solution ef;
    try (ExtensiveForm form =
        new ExtensiveForm(scenarios, terms, w, sized, PlanOptions.defaults())) {
      ef = form.solve();
    }
    assertThat(r.converged()).isTrue();
    assertThat(r.lower()).isLessThanOrEqualTo(ef.objective() + 1e-6 * ef.objective());
    assertThat(r.upper()).isGreaterThanOrEqualTo(ef.objective() - 1e-6 * ef.objective());
    assertThat(r.upper() - ef.objective()).isLessThanOrEqualTo(GAP * r.upper() + 0.01);
    // both at a demand point of the sample: the sample's critical fractile
    double g = r.minimums()[0];
    assertThat(g).isCloseTo(50 * Math.round(g / 50), org.assertj.core.api.Assertions.within(0.01));
    assertThat(ef.minimums()[0]).isCloseTo(g, org.assertj.core.api.Assertions.within(0.01));
  }
}
