package io.nuage.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.Baseline;
import io.nuage.plan.ContractYear;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.ProviderYear;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each rule broken on purpose in a hand-priced plan (see {@link TinyScenario}); each is caught. */
class PlanVerifierTest {
  private static PlanDraft plan(Consumer<PlanDraft> edit) {
    var plan = TinyScenario.plan();
    edit.accept(plan);
    return plan;
  }

  private static List<Rule> rules(Scenario scenario, PlanDraft plan) {
    return PlanVerifier.verify(scenario, plan.build()).stream().map(Violation::rule).toList();
  }

  private static List<Rule> rules(Consumer<PlanDraft> edit) {
    return rules(TinyScenario.scenario(), plan(edit));
  }

  @Test
  void handPricedPlan_hasNoViolation() {
    assertThat(PlanVerifier.verify(TinyScenario.scenario(), TinyScenario.plan().build())).isEmpty();
  }

  @Test
  void handPricedPlan_asAnOptimalOutcome_hasNoViolation() {
    var outcome = new PlanOutcome.Optimal(TinyScenario.plan().build());
    assertThat(PlanVerifier.verify(TinyScenario.scenario(), outcome)).isEmpty();
  }

  @Test
  void bareRegionName_isReadAsProviderSlashName() {
    assertThat(rules(p -> p.row(4).region = "eu-b")).isEmpty();
  }

  @Test
  void capacityBelowTheGang_isCaught() {
    // 60 GPUs x 672 h = 40320 < 43008 GPU-hours in 2027-02, and 60 < 64 for the gang
    var scenario =
        TinyScenario.scenario(60, new BigDecimal("0.7"), YearMonth.of(2027, 4), Set.of());
    assertThat(rules(scenario, TinyScenario.plan())).contains(Rule.CAPACITY, Rule.GANG_FITS);
  }

  @Test
  void moreReservedHoursThanReserved_isCaught() {
    assertThat(
            rules(
                p -> {
                  p.row(2).gpuHours = "7500.000";
                  p.row(3).hours("500.000", "4500.00");
                }))
        .contains(Rule.RESERVED_CAPACITY)
        .doesNotContain(Rule.DEMAND, Rule.CAPACITY);
  }

  @Test
  void gangSplitAcrossRegions_isCaught() {
    assertThat(rules(p -> p.row(1).at("azure", "azure/us-c"))).contains(Rule.GANG_PLACEMENT);
  }

  @Test
  void gangWithAPause_isCaught() {
    assertThat(rules(p -> p.row(1).month = YearMonth.of(2027, 4))).contains(Rule.GANG_HOURS);
  }

  @Test
  void gangHoursNotTheDocumentedFill_isCaught() {
    assertThat(rules(p -> p.row(1).hours("20000.000", "180000.00"))).contains(Rule.GANG_HOURS);
  }

  @Test
  void gangOfTheWrongSize_isCaught() {
    assertThat(rules(p -> p.row(0).gpus = 32)).contains(Rule.GANG_SIZE);
  }

  @Test
  void gangPastItsDeadline_isCaught() {
    var scenario =
        TinyScenario.scenario(100, new BigDecimal("0.7"), YearMonth.of(2027, 2), Set.of());
    assertThat(rules(scenario, TinyScenario.plan())).contains(Rule.GANG_WINDOW);
  }

  @Test
  void gangBeforeItsEarliestStart_isCaught() {
    assertThat(
            rules(
                p -> {
                  p.row(0).month = YearMonth.of(2027, 1);
                  p.row(0).gpuHours = "47616.000";
                  p.row(1).month = YearMonth.of(2027, 2);
                }))
        .contains(Rule.GANG_WINDOW);
  }

  @Test
  void missingTrainingRun_isCaught() {
    assertThat(
            rules(
                p -> {
                  p.rows.remove(1);
                  p.rows.remove(0);
                }))
        .contains(Rule.GANG_PLACEMENT);
  }

  @Test
  void unmetDemand_isCaught() {
    assertThat(rules(p -> p.row(4).hours("900.000", "18000.00"))).contains(Rule.DEMAND);
  }

  @Test
  void demandServedFromTheWrongGeography_isCaught() {
    // EU's 2000 reference hours served by a US region: totals match, the EU geography does not
    assertThat(
            rules(
                p -> {
                  var row = p.row(4).at("oci", "oci/us-a").hours("2000.000", "18000.00");
                  row.accelerator = "H100";
                  row.pricing = "committed";
                  row.rate = "9.00";
                }))
        .contains(Rule.DEMAND);
  }

  @Test
  void regionOutsideThePolicy_isCaught() {
    var scenario =
        TinyScenario.scenario(
            100, new BigDecimal("0.7"), YearMonth.of(2027, 4), Set.of("azure/us-c", "azure/eu-b"));
    assertThat(rules(scenario, TinyScenario.plan())).contains(Rule.RESIDENCY);
  }

  @Test
  void fleetInARegionNoGeographyAllows_isCaught() {
    assertThat(rules(p -> p.row(3).region = "oci/us-z")).contains(Rule.RESIDENCY);
  }

  @Test
  void incompatibleAccelerator_isCaught() {
    // 1120 A100 GPU-hours (throughput 0.5) are the 560 reference hours, at 3 x 0.9 = 2.70/h
    assertThat(
            rules(
                p -> {
                  var row = p.row(3).hours("1120.000", "3024.00");
                  row.region = "oci/us-z";
                  row.accelerator = "A100";
                  row.rate = "2.70";
                }))
        .contains(Rule.ACCELERATOR);
  }

  @Test
  void shareAboveTheCap_isCaught() {
    var scenario =
        TinyScenario.scenario(100, new BigDecimal("0.6"), YearMonth.of(2027, 4), Set.of());
    assertThat(rules(scenario, TinyScenario.plan())).containsExactly(Rule.SHARE);
  }

  /**
   * Review of issue 9, item D: the cap's tolerance is money, not share. oci spends $1,000,000 of
   * $1,472,000 (a share of 0.679348): a cap of 0.6793 is $70.40 below that spend and is broken,
   * where the old tolerance of 1e-4 in share (worth $2M on a $20B year) let it pass; a cap that
   * leaves the spend less than a cent above cap x total is rounding, and holds.
   */
  @Test
  void shareJustAboveTheCap_isCaughtInMoney() {
    YearMonth deadline = YearMonth.of(2027, 4);
    assertThat(
            rules(
                TinyScenario.scenario(100, new BigDecimal("0.6793"), deadline, Set.of()),
                TinyScenario.plan()))
        .containsExactly(Rule.SHARE);
    assertThat(
            rules(
                TinyScenario.scenario(100, new BigDecimal("0.67934782"), deadline, Set.of()),
                TinyScenario.plan()))
        .isEmpty();
    assertThat(
            rules(
                TinyScenario.scenario(100, new BigDecimal("0.6794"), deadline, Set.of()),
                TinyScenario.plan()))
        .isEmpty();
  }

  @Test
  void reportedShareWrong_isCaught() {
    assertThat(
            rules(
                p ->
                    p.providers.set(
                        0,
                        new ProviderYear(
                            "oci", 2027, new BigDecimal("1000000.00"), new BigDecimal("0.5000")))))
        .containsExactly(Rule.SHARE);
  }

  @Test
  void costOffByOneCent_isCaught() {
    assertThat(rules(p -> p.row(0).cost = "387072.01")).contains(Rule.COST);
  }

  @Test
  void rateWithoutTheDiscount_isCaught() {
    assertThat(
            rules(
                p -> {
                  p.row(3).rate = "10.00";
                  p.row(3).cost = "5600.00";
                }))
        .contains(Rule.COST);
  }

  @Test
  void onDemandPricingAtACommittedProvider_isCaught() {
    assertThat(rules(p -> p.row(3).pricing = "on-demand")).contains(Rule.COST);
  }

  @Test
  void usageAndTotalOffByOneCent_isCaught() {
    assertThat(rules(p -> p.usage = "601040.01")).containsExactly(Rule.TOTAL, Rule.TOTAL);
  }

  @Test
  void missingEgress_isCaught() {
    assertThat(rules(p -> p.egress.clear())).contains(Rule.EGRESS);
  }

  @Test
  void wrongShortfall_isCaught() {
    assertThat(
            rules(
                p ->
                    p.contracts.set(
                        0,
                        new ContractYear(
                            "oci-commit",
                            "oci",
                            0,
                            new BigDecimal("1000000.00"),
                            new BigDecimal("581040.00"),
                            BigDecimal.ZERO,
                            true))))
        .contains(Rule.SHORTFALL);
  }

  @Test
  void wrongReservedFees_isCaught() {
    assertThat(rules(p -> p.reserved = "400000.00")).contains(Rule.RESERVED_FEES);
  }

  @Test
  void wrongStorage_isCaught() {
    assertThat(rules(p -> p.storage = "0.00")).contains(Rule.STORAGE);
  }

  @Test
  void boundAboveTheCost_isCaught() {
    assertThat(rules(p -> p.lowerBound = "1500000.00")).contains(Rule.BOUND);
  }

  @Test
  void optimalWithALargeGap_isCaught() {
    var plan =
        plan(
            p -> {
              p.lowerBound = "1000000.00";
              p.gap = "0.320652";
            });
    assertThat(rules(TinyScenario.scenario(), plan)).isEmpty();
    var outcome = new PlanOutcome.Optimal(plan.build());
    assertThat(PlanVerifier.verify(TinyScenario.scenario(), outcome))
        .extracting(Violation::rule)
        .containsExactly(Rule.BOUND);
  }

  @Test
  void feasibleBaselineCheaperThanThePlan_isCaught() {
    assertThat(
            rules(
                p ->
                    p.baselines.set(
                        1,
                        new Baseline("commitments-first", true, new BigDecimal("1400000.00"), ""))))
        .containsExactly(Rule.BASELINE);
  }

  @Test
  void unknownOffering_isCaught() {
    assertThat(
            rules(
                p -> {
                  p.row(4).region = "azure/us-c";
                  p.row(4).accelerator = "B200";
                }))
        .contains(Rule.UNKNOWN_OFFERING);
  }
}
