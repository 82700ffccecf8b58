package io.nuage.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nuage.contract.CommittedSpend;
import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import io.nuage.risk.RiskOptions;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Files;
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

  static OptimisedDeal limited(Scenario s, String level, String max) {
    return new DealOptimisation(
            s,
            "deal",
            BOUNDS,
            new RiskOptions(0, 1, 2, 0),
            PlanOptions.defaults(),
            1,
            0,
            1e-6,
            new CvarLimit(new BigDecimal(level), new BigDecimal(max)),
            DealOptimisation.Progress.NONE)
        .run();
  }

  // CVaR70 is the cost when demand is 1.5x (its 0.3 of the mass is exactly the worst 30%), by
  // tier start S: 0 -> 1.80M, 0.3M -> 1.62M, 0.6M -> 1.44M, 0.9M -> max(S, 0.7 x 1.8M) = 1.26M,
  // 1.2M -> max(S, 0.65 x 1.8M) = S, 1.5M -> S. Within a tier both it and E[cost] grow with S.

  @Test
  void aBindingCvarLimit_movesTheAnswerToTheCheapestSizeWithinIt() throws Exception {
    // CVaR70 at most 1.22M: only S in [1.2M, 1.22M] meets it, and 1.2M costs least (E = 1.2M)
    OptimisedDeal d = limited(instance(), "0.70", "1220000");
    assertThat(d.minimums())
        .singleElement()
        .satisfies(m -> assertThat(m).isEqualByComparingTo("1200000.00"));
    assertThat(d.discount()).isEqualByComparingTo("0.35");
    assertThat(d.sampleValue()).isEqualByComparingTo("1200000.00");
    assertThat(d.sampleBound()).isLessThanOrEqualTo(d.sampleValue());
    OptimisedDeal.CvarCheck c = d.cvarLimit();
    assertThat(c).isNotNull();
    assertThat(c.measure()).isEqualTo("CVaR70");
    assertThat(c.sample()).isEqualByComparingTo("1200000.00");
    assertThat(c.fresh().value()).isEqualByComparingTo("1200000.00");
    assertThat(c.met()).isTrue();
    // Review of issue 13, item 3: the expected-value problem is solved with the limit as Q(m, ξ̄)
    // ≤ X (a one-point distribution's CVaR is its cost). The expected future (D = 1.26M) costs
    // max(S, (1 − d) 1.26M): 0.9M at S = 0.9M, within 1.22M, so its decision is still 0.9M,
    // E = 1.008M, VSS = 1.008M − 1.2M = −192,000. But that decision's CVaR70 on the futures is its
    // cost at 1.5x, 1.26M: above 1.22M. The output says it breaks the limit.
    assertThat(d.vss().value()).isEqualByComparingTo("-192000.00");
    assertThat(c.expectedValueDecision()).isEqualByComparingTo("1260000.00");
    assertThat(c.expectedValueMet()).isFalse();
    assertThat(d.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("the expected-value decision breaks the CVaR70 limit")
                    .contains("1260000.00"));
  }

  @Test
  void aLimitMetExactly_isMet_andTheOddsOfCostingMoreCountNoTies() throws Exception {
    // CVaR60 at S = 0.9M: the worst 40% is 0.3 at 1.26M and 0.1 at max(0.9M, 0.84M) = 0.9M, so
    // (0.378M + 0.09M) / 0.4 = 1.17M exactly: a limit of 1.17M is met, and 0.9M stays the answer
    OptimisedDeal d = limited(instance(), "0.60", "1170000");
    assertThat(d.minimums())
        .singleElement()
        .satisfies(m -> assertThat(m).isEqualByComparingTo("900000.00"));
    // S = 1.2M (CVaR70 limit 1.22M) costs 1.2M in every future; not signing 0.6M, 1.2M, 1.8M:
    // dearer only when demand is 0.5x (0.2), the same at 1x (a tie is not dearer)
    OptimisedDeal tied = limited(instance(), "0.70", "1220000");
    assertThat(tied.costsMoreProbability().value()).isEqualByComparingTo("0.200000");
  }

  @Test
  void aShareCapsSteering_isNotMoney_theExpectedCostAndSavingAre() throws Exception {
    // the one provider holds all spend, above a 60% cap in every future: the recourse's objective
    // carries the cap's steering penalty, the reported cost and saving do not (docs/risk.md 2.0)
    Path capped = java.nio.file.Files.createTempFile("newsvendor-capped", ".yaml");
    try {
      String yaml =
          java.nio.file.Files.readString(
              Path.of(getClass().getResource("/deal/newsvendor-tiers.yaml").toURI()));
      java.nio.file.Files.writeString(capped, yaml + "policy: {max-share: 0.6}\n");
      OptimisedDeal d =
          new DealOptimisation(
                  ScenarioParser.parse(capped),
                  "deal",
                  new BigDecimal[] {new BigDecimal("1.5"), new BigDecimal("1.5")},
                  new RiskOptions(0, 1, 2, 0),
                  PlanOptions.defaults(),
                  1,
                  0,
                  1e-6,
                  DealOptimisation.Progress.NONE)
              .run();
      // S = 0.9M at 0.30: E[max(0.9M, 0.7 D)] = 1.008M in money, saving 1.26M - 1.008M
      assertThat(d.expectedCost().value()).isEqualByComparingTo("1008000.00");
      assertThat(d.notSigned().value()).isEqualByComparingTo("1260000.00");
      assertThat(d.saving().value()).isEqualByComparingTo("252000.00");
      assertThat(d.steering().value()).isPositive();
      assertThat(d.upperBound().value())
          .isEqualByComparingTo(d.expectedCost().value().add(d.steering().value()));
    } finally {
      java.nio.file.Files.deleteIfExists(capped);
    }
  }

  @Test
  void aLooseCvarLimit_leavesTheOptimumAlone() throws Exception {
    OptimisedDeal d = limited(instance(), "0.70", "1300000");
    assertThat(d.minimums())
        .singleElement()
        .satisfies(m -> assertThat(m).isEqualByComparingTo("900000.00"));
    assertThat(d.sampleValue()).isEqualByComparingTo("1008000.00");
    assertThat(d.cvarLimit().sample()).isEqualByComparingTo("1260000.00");
  }

  @Test
  void aCvarLimitNoSizeMeets_isRefusedWithTheProof() throws Exception {
    // the least CVaR70 of any size is 1.2M (and 1.8M unsigned): 1.1M cannot be met, and the master
    // LP proves it rather than running out of iterations
    assertThatThrownBy(() -> limited(instance(), "0.70", "1100000"))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("--max")
        .hasMessageContaining("neither signing deal")
        .hasMessageContaining("CVaR70");
  }

  @Test
  void aCvarLevelOutsideZeroOne_isRefused() {
    assertThatThrownBy(() -> new CvarLimit(BigDecimal.ONE, BigDecimal.TEN))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("strictly between 0 and 1");
    assertThatThrownBy(() -> new CvarLimit(BigDecimal.ZERO, BigDecimal.TEN))
        .isInstanceOf(NuageException.class);
  }

  @Test
  void cvar_isTheMeanOfTheWorstTail_countingAStraddlingValueForItsPart() {
    double[] v = {1, 2, 3, 4};
    double[] w = {0.25, 0.25, 0.25, 0.25};
    // the worst 30%: all of 4 (0.25) and 0.05 of 3 -> (1 + 0.15) / 0.3
    assertThat(CvarLimit.cvar(v, w, 0.7)).isCloseTo(1.15 / 0.3, within(1e-12));
    assertThat(CvarLimit.cvar(v, w, 0.75)).isCloseTo(4, within(1e-12));
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

  // deal/newsvendor-reserved.yaml: a reservation at $0.40 against on-demand $1.00, critical
  // fractile 0.6, demand 50/100/150/200 GPUs with weights 0.2/0.3/0.35/0.15: G* = 150, E[cost]
  // $50,220, not signing $91,140, EVPI $13,764, VSS $2,046 (its header works them out)

  static Scenario reservedInstance() throws Exception {
    return ScenarioParser.parse(
        Path.of(DealOptimisationTest.class.getResource("/deal/newsvendor-reserved.yaml").toURI()));
  }

  static OptimisedDeal reserve(int samples, long seed, int replications) throws Exception {
    return new DealOptimisation(
            reservedInstance(),
            "reserved",
            new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("2")},
            new RiskOptions(samples, seed, 2, 0),
            PlanOptions.defaults(),
            replications,
            0,
            // $5 on $50,000: the master holds money in billions, a relative 1e-6 is below its
            // tolerances on so small a deal
            1e-4,
            DealOptimisation.Progress.NONE)
        .run();
  }

  @Test
  void aReservation_enumerated_isSizedAtTheCriticalFractileExactly() throws Exception {
    OptimisedDeal d = reserve(0, 1, 1);
    assertThat(d.exact()).isTrue();
    assertThat(d.signs()).isTrue();
    assertThat(d.discount()).isNull();
    assertThat(d.minimums()).isEmpty();
    OptimisedDeal.Reservation r = d.reservation();
    assertThat(r).isNotNull();
    assertThat(r.gpus()).isEqualTo(150);
    assertThat(r.continuousGpus()).isEqualByComparingTo("150.000");
    // exact: the replications' interval is the answer itself
    assertThat(r.replicationsLow()).isEqualByComparingTo("150.000");
    assertThat(r.replicationsHigh()).isEqualByComparingTo("150.000");
    // the fee of 150 GPUs for January: 150 x 744 x 0.40, exact
    assertThat(r.feePerGpu()).isEqualByComparingTo("297.60");
    assertThat(r.fee()).isEqualByComparingTo("44640.00");
    assertThat(d.commitment()).isEqualByComparingTo("44640.00");
    assertThat(d.sampleValue()).isEqualByComparingTo("50220.00");
    assertThat(d.sampleBound()).isLessThanOrEqualTo(d.sampleValue());
    assertThat(d.expectedCost().value()).isEqualByComparingTo("50220.00");
    assertThat(d.notSigned().value()).isEqualByComparingTo("91140.00");
    assertThat(d.saving().value()).isEqualByComparingTo("40920.00");
    assertThat(d.evpi().value()).isEqualByComparingTo("13764.00");
    assertThat(d.vss().value()).isEqualByComparingTo("2046.00");
    // the written 100 GPUs are a third below the optimum
    assertThat(d.writtenAboveBest()).isEqualByComparingTo("-33.33");
  }

  @Test
  void aReservation_sampled_holdsTheFractileWithinItsInterval_andTheBoundsAroundTheOptimum()
      throws Exception {
    // 40 futures per replication: above the extensive form's 8, so the L-shaped method
    OptimisedDeal d = reserve(40, 7, 3);
    assertThat(d.exact()).isFalse();
    assertThat(d.converged()).isTrue();
    OptimisedDeal.Reservation r = d.reservation();
    assertThat(r).isNotNull();
    assertThat(r.replicationsLow()).isLessThanOrEqualTo(new BigDecimal("150"));
    assertThat(r.replicationsHigh()).isGreaterThanOrEqualTo(new BigDecimal("150"));
    // the SAA answer is a demand point (the empirical fractile), to the decomposition's precision
    assertThat(r.gpus() % 50).isZero();
    assertThat(r.continuousGpus().doubleValue()).isCloseTo(r.gpus(), within(0.01));
    BigDecimal optimum = new BigDecimal("50220");
    assertThat(d.lowerLimit()).isLessThanOrEqualTo(optimum);
    assertThat(d.upperLimit()).isGreaterThanOrEqualTo(optimum);
    assertThat(d.upperBound().standardError()).isPositive();
    assertThat(d.sampleBound()).isLessThanOrEqualTo(d.sampleValue());
  }

  @Test
  void aReservation_refusesACvarLimit() throws Exception {
    Scenario s = reservedInstance();
    assertThatThrownBy(
            () ->
                new DealOptimisation(
                    s,
                    "reserved",
                    BOUNDS,
                    new RiskOptions(0, 1, 2, 0),
                    PlanOptions.defaults(),
                    1,
                    0,
                    1e-6,
                    new CvarLimit(new BigDecimal("0.95"), BigDecimal.TEN),
                    DealOptimisation.Progress.NONE))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("--risk")
        .hasMessageContaining("reserved");
  }

  @Test
  void aReservationWhoseOnDemandWouldKinkInsideTheBounds_isRefused() throws Exception {
    // the schedule's 1,000 GPUs inside bounds 0..20 (0 to 2,000 GPUs): max(0, 1000 - G) has its
    // kink inside, so the value function would not be convex
    assertThatThrownBy(
            () ->
                new DealOptimisation(
                    reservedInstance(),
                    "reserved",
                    new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("20")},
                    new RiskOptions(0, 1, 2, 0),
                    PlanOptions.defaults(),
                    1,
                    0,
                    1e-6,
                    DealOptimisation.Progress.NONE))
        .isInstanceOf(NuageException.class)
        .hasMessage(
            "--bounds: the capacity schedule of cloud/us-1 H100 offers 1000 GPUs beyond the other"
                + " reservations in 2027-01, inside the 0 to 2000 GPUs the bounds allow reserved:"
                + " its on-demand GPUs, max(0, 1000 − G), would not be linear in G (docs/deals.md"
                + " section 5.1); keep the bounds on one side of 10 times the written 100 GPUs"
                + " (such as --bounds 0..10)");
  }

  /**
   * Review of issue 13, item 2: both the kink above and bounds no tier can be reached within are
   * refused when the optimisation is built, before any sample is solved (the server refuses them as
   * a 400 before a job exists). two-point-tiers.yaml with its first tier at $500,000: bounds 0..0.2
   * of the $1M minimum reach at most $200,000.
   */
  @Test
  void boundsNoTierCanReach_areRefusedBeforeSolving() throws Exception {
    Path file = Path.of(getClass().getResource("/deal/two-point-tiers.yaml").toURI());
    Scenario s =
        ScenarioParser.parse(
            Files.readString(file)
                .replace("- {from: 0, discount: 0.3}", "- {from: 500_000, discount: 0.3}"),
            "far.yaml",
            file.getParent());
    assertThatThrownBy(
            () ->
                new DealOptimisation(
                    s,
                    "deal",
                    new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("0.2")},
                    new RiskOptions(4, 1, 2, 0),
                    PlanOptions.defaults(),
                    2,
                    0,
                    1e-6,
                    DealOptimisation.Progress.NONE))
        .isInstanceOf(NuageException.class)
        .hasMessage(
            "--bounds: no discount tier of deal can be reached between the bounds (their totals"
                + " are 0.00 to 200000.00)");
  }

  /**
   * Review of issue 13, item 5: the one-sided 97.5% Student-t quantile is exact, not a 3-decimal
   * table and a series (which gave 2.0193 at 40 degrees). Tabulated values (Abramowitz and Stegun
   * table 26.10; R's qt(0.975, df)): 1 12.7062, 2 4.3027, 5 2.5706, 10 2.2281, 39 2.0227, 40
   * 2.0211, 100 1.9840, and 1.9600 in the limit.
   */
  @Test
  void t975_isStudentsQuantile_toFourDecimals() {
    var four = within(5e-5);
    assertThat(DealOptimisation.t975(1)).isCloseTo(12.7062, four);
    assertThat(DealOptimisation.t975(2)).isCloseTo(4.3027, four);
    assertThat(DealOptimisation.t975(5)).isCloseTo(2.5706, four);
    assertThat(DealOptimisation.t975(10)).isCloseTo(2.2281, four);
    assertThat(DealOptimisation.t975(39)).isCloseTo(2.0227, four);
    assertThat(DealOptimisation.t975(40)).isCloseTo(2.0211, four);
    assertThat(DealOptimisation.t975(100)).isCloseTo(1.9840, four);
    assertThat(DealOptimisation.t975(1_000_000)).isCloseTo(1.9600, four);
  }

  /**
   * Review of issue 13, item 4: a contract that is not take-or-pay is evaluated (it was refused):
   * its minimums only pick the tier, and a note says sizing it changes only the discount. Figures
   * worked out in not-take-or-pay.yaml's header: $1.5M at 0.6, E[cost] $1.2M, saving $1.8M.
   */
  @Test
  void aContractNotTakeOrPay_isSizedByItsDiscountAlone() throws Exception {
    Scenario s =
        ScenarioParser.parse(Path.of(getClass().getResource("/deal/not-take-or-pay.yaml").toURI()));
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
    assertThat(d.signs()).isTrue();
    assertThat(d.minimums())
        .singleElement()
        .satisfies(m -> assertThat(m).isEqualByComparingTo("1500000.00"));
    assertThat(d.discount()).isEqualByComparingTo("0.6");
    assertThat(d.expectedCost().value()).isEqualByComparingTo("1200000.00");
    assertThat(d.notSigned().value()).isEqualByComparingTo("3000000.00");
    assertThat(d.saving().value()).isEqualByComparingTo("1800000.00");
    assertThat(d.vss().value()).isEqualByComparingTo("0.00");
    assertThat(d.evpi().value()).isEqualByComparingTo("0.00");
    assertThat(d.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("deal is not take-or-pay")
                    .contains("sizing it changes only the discount"));
  }
}
