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
}
