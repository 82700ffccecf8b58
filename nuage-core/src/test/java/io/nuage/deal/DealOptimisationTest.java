package io.nuage.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.plan.PlanOptions;
import io.nuage.risk.RiskOptions;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code --optimise} on the newsvendor-shaped instance of {@code deal/newsvendor-tiers.yaml}, whose
 * optimum, VSS and EVPI are worked out in its header (docs/deals.md sections 5-6).
 */
class DealOptimisationTest {
  static final BigDecimal[] BOUNDS = {BigDecimal.ZERO, new BigDecimal("3")};

  static Scenario instance() throws Exception {
    return ScenarioParser.parse(
        Path.of(DealOptimisationTest.class.getResource("/deal/newsvendor-tiers.yaml").toURI()));
  }

  static OptimisedDeal optimise(Scenario s, int samples, long seed, int replications) {
    return new DealOptimisation(
            s,
            "deal",
            BOUNDS,
            new RiskOptions(samples, seed, 2, 0),
            PlanOptions.defaults(),
            replications,
            0,
            1e-6,
            DealOptimisation.Progress.NONE)
        .run();
  }

  @Test
  void enumeratedFutures_findTheOptimumExactly() throws Exception {
    OptimisedDeal d = optimise(instance(), 0, 1, 1);
    assertThat(d.exact()).isTrue();
    assertThat(d.signs()).isTrue();
    assertThat(d.minimums())
        .singleElement()
        .satisfies(m -> assertThat(m).isEqualByComparingTo("900000.00"));
    assertThat(d.discount()).isEqualByComparingTo("0.30");
    assertThat(d.sampleValue()).isEqualByComparingTo("1008000.00");
    assertThat(d.sampleBound()).isLessThanOrEqualTo(d.sampleValue());
    assertThat(d.decompositionGap()).isLessThanOrEqualTo(new BigDecimal("0.000001"));
    assertThat(d.notSigned().value()).isEqualByComparingTo("1260000.00");
    assertThat(d.saving().value()).isEqualByComparingTo("252000.00");
    assertThat(d.vss().value()).isEqualByComparingTo("0.00");
    assertThat(d.evpi().value()).isEqualByComparingTo("90000.00");
    // the written $600,000 is a third below the optimum
    assertThat(d.writtenAboveBest()).isEqualByComparingTo("-33.33");
  }

  @Test
  void anAnswerIsPricedAtTheDiscountItsTotalEarns_notAtATierEdge() throws Exception {
    // two-point-tiers.yaml: the best size is $1.5M at 60% (E[cost] 1.5M); a total of $1.5M earns
    // 60%, never the 50% of the tier below it (the review's VSS of 225,000 came from that edge)
    Scenario s =
        ScenarioParser.parse(Path.of(getClass().getResource("/deal/two-point-tiers.yaml").toURI()));
    OptimisedDeal d =
        new DealOptimisation(
                s,
                "deal",
                BOUNDS,
                new RiskOptions(0, 1, 2, 0),
                PlanOptions.defaults(),
                1,
                0,
                1e-6,
                DealOptimisation.Progress.NONE)
            .run();
    CommittedSpend deal = s.contracts(CommittedSpend.class).getFirst();
    assertThat(d.sampleValue()).isEqualByComparingTo("1500000.00");
    assertThat(d.discount()).isEqualByComparingTo(deal.discountAt(d.commitment()).orElseThrow());
    assertThat(d.vss().value()).isLessThanOrEqualTo(new BigDecimal("100000.00"));
  }

  @Test
  void sampledFutures_boundTheKnownOptimum() throws Exception {
    OptimisedDeal d = optimise(instance(), 30, 4, 4);
    assertThat(d.exact()).isFalse();
    assertThat(d.replications()).isEqualTo(4);
    BigDecimal optimum = new BigDecimal("1008000");
    assertThat(d.lowerLimit()).isLessThanOrEqualTo(optimum);
    assertThat(d.upperLimit()).isGreaterThanOrEqualTo(optimum);
    assertThat(d.gapLimit()).isGreaterThanOrEqualTo(d.gap());
    assertThat(d.upperBound().standardError()).isPositive();
    // the tiers' structure puts the sampled optimum at a tier's start, as the enumerated one
    assertThat(d.minimums())
        .singleElement()
        .satisfies(m -> assertThat(m).isEqualByComparingTo("900000.00"));
    CommittedSpend deal = instance().contracts(CommittedSpend.class).getFirst();
    assertThat(d.discount()).isEqualByComparingTo(deal.discountAt(d.commitment()).orElseThrow());
  }
}
