package io.nuage.plancheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each rule broken on purpose in a hand-priced plan (see {@link TinyScenario}); each is caught. */
class PlanCheckerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode plan(Consumer<ObjectNode> edit) {
    try {
      var plan = (ObjectNode) JSON.readTree(TinyScenario.PLAN);
      edit.accept(plan);
      return plan;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode row(ObjectNode plan, int index) {
    return (ObjectNode) plan.get("placements").get(index);
  }

  private static List<Rule> rules(Scenario scenario, JsonNode plan) {
    return PlanChecker.check(scenario, plan).stream().map(Violation::rule).toList();
  }

  private static List<Rule> rules(Consumer<ObjectNode> edit) {
    return rules(TinyScenario.scenario(), plan(edit));
  }

  @Test
  void handPricedPlan_hasNoViolation() {
    assertThat(PlanChecker.check(TinyScenario.scenario(), plan(p -> {}))).isEmpty();
  }

  @Test
  void bareRegionName_isReadAsProviderSlashName() {
    assertThat(
            PlanChecker.check(TinyScenario.scenario(), plan(p -> row(p, 4).put("region", "eu-b"))))
        .isEmpty();
  }

  @Test
  void capacityBelowTheGang_isCaught() {
    // 60 GPUs x 672 h = 40320 < 43008 GPU-hours in 2027-02, and 60 < 64 for the gang
    var scenario =
        TinyScenario.scenario(60, new BigDecimal("0.7"), YearMonth.of(2027, 4), Set.of());
    assertThat(rules(scenario, plan(p -> {}))).contains(Rule.CAPACITY, Rule.GANG_FITS);
  }

  @Test
  void moreReservedHoursThanReserved_isCaught() {
    assertThat(
            rules(
                p -> {
                  row(p, 2).put("gpuHours", "7500.000");
                  row(p, 3).put("gpuHours", "500.000").put("cost", "4500.00");
                }))
        .contains(Rule.RESERVED_CAPACITY)
        .doesNotContain(Rule.DEMAND, Rule.CAPACITY);
  }

  @Test
  void gangSplitAcrossRegions_isCaught() {
    assertThat(rules(p -> row(p, 1).put("provider", "azure").put("region", "azure/us-c")))
        .contains(Rule.GANG_PLACEMENT);
  }

  @Test
  void gangWithAPause_isCaught() {
    assertThat(rules(p -> row(p, 1).put("month", "2027-04"))).contains(Rule.GANG_HOURS);
  }

  @Test
  void gangHoursNotTheDocumentedFill_isCaught() {
    assertThat(rules(p -> row(p, 1).put("gpuHours", "20000.000").put("cost", "180000.00")))
        .contains(Rule.GANG_HOURS);
  }

  @Test
  void gangOfTheWrongSize_isCaught() {
    assertThat(rules(p -> row(p, 0).put("gpus", 32))).contains(Rule.GANG_SIZE);
  }

  @Test
  void gangPastItsDeadline_isCaught() {
    var scenario =
        TinyScenario.scenario(100, new BigDecimal("0.7"), YearMonth.of(2027, 2), Set.of());
    assertThat(rules(scenario, plan(p -> {}))).contains(Rule.GANG_WINDOW);
  }

  @Test
  void gangBeforeItsEarliestStart_isCaught() {
    assertThat(
            rules(
                p -> {
                  row(p, 0).put("month", "2027-01").put("gpuHours", "47616.000");
                  row(p, 1).put("month", "2027-02");
                }))
        .contains(Rule.GANG_WINDOW);
  }

  @Test
  void missingTrainingRun_isCaught() {
    assertThat(
            rules(
                p -> {
                  ((ArrayNode) p.get("placements")).remove(1);
                  ((ArrayNode) p.get("placements")).remove(0);
                }))
        .contains(Rule.GANG_PLACEMENT);
  }

  @Test
  void unmetDemand_isCaught() {
    assertThat(rules(p -> row(p, 4).put("gpuHours", "900.000").put("cost", "18000.00")))
        .contains(Rule.DEMAND);
  }

  @Test
  void demandServedFromTheWrongGeography_isCaught() {
    // EU's 2000 reference hours served by a US region: totals match, the EU geography does not
    assertThat(
            rules(
                p ->
                    row(p, 4)
                        .put("provider", "oci")
                        .put("region", "oci/us-a")
                        .put("accelerator", "H100")
                        .put("gpuHours", "2000.000")
                        .put("pricing", "committed")
                        .put("rate", "9.00")
                        .put("cost", "18000.00")))
        .contains(Rule.DEMAND);
  }

  @Test
  void regionOutsideThePolicy_isCaught() {
    var scenario =
        TinyScenario.scenario(
            100, new BigDecimal("0.7"), YearMonth.of(2027, 4), Set.of("azure/us-c", "azure/eu-b"));
    assertThat(rules(scenario, plan(p -> {}))).contains(Rule.RESIDENCY);
  }

  @Test
  void fleetInARegionNoGeographyAllows_isCaught() {
    assertThat(rules(p -> row(p, 3).put("region", "oci/us-z"))).contains(Rule.RESIDENCY);
  }

  @Test
  void incompatibleAccelerator_isCaught() {
    // 1120 A100 GPU-hours (throughput 0.5) are the 560 reference hours, at 3 x 0.9 = 2.70/h
    assertThat(
            rules(
                p ->
                    row(p, 3)
                        .put("region", "oci/us-z")
                        .put("accelerator", "A100")
                        .put("gpuHours", "1120.000")
                        .put("rate", "2.70")
                        .put("cost", "3024.00")))
        .contains(Rule.ACCELERATOR);
  }

  @Test
  void shareAboveTheCap_isCaught() {
    var scenario =
        TinyScenario.scenario(100, new BigDecimal("0.6"), YearMonth.of(2027, 4), Set.of());
    assertThat(rules(scenario, plan(p -> {}))).containsExactly(Rule.SHARE);
  }

  @Test
  void reportedShareWrong_isCaught() {
    assertThat(rules(p -> ((ObjectNode) p.get("providers").get(0)).put("share", "0.5000")))
        .containsExactly(Rule.SHARE);
  }

  @Test
  void costOffByOneCent_isCaught() {
    assertThat(rules(p -> row(p, 0).put("cost", "387072.01"))).contains(Rule.COST);
  }

  @Test
  void rateWithoutTheDiscount_isCaught() {
    assertThat(rules(p -> row(p, 3).put("rate", "10.00").put("cost", "5600.00")))
        .contains(Rule.COST);
  }

  @Test
  void onDemandPricingAtACommittedProvider_isCaught() {
    assertThat(rules(p -> row(p, 3).put("pricing", "on-demand"))).contains(Rule.COST);
  }

  @Test
  void totalOffByOneCent_isCaught() {
    assertThat(rules(p -> p.put("totalCost", "1472000.01"))).contains(Rule.TOTAL);
  }

  @Test
  void missingEgress_isCaught() {
    assertThat(rules(p -> ((ArrayNode) p.get("egress")).removeAll())).contains(Rule.EGRESS);
  }

  @Test
  void wrongShortfall_isCaught() {
    assertThat(rules(p -> ((ObjectNode) p.get("contracts").get(0)).put("shortfall", "0.00")))
        .contains(Rule.SHORTFALL);
  }

  @Test
  void wrongReservedFees_isCaught() {
    assertThat(rules(p -> ((ObjectNode) p.get("costBreakdown")).put("reserved", "400000.00")))
        .contains(Rule.RESERVED_FEES);
  }

  @Test
  void wrongStorage_isCaught() {
    assertThat(rules(p -> ((ObjectNode) p.get("costBreakdown")).put("storage", "0.00")))
        .contains(Rule.STORAGE);
  }

  @Test
  void boundAboveTheCost_isCaught() {
    assertThat(rules(p -> p.put("lowerBound", "1500000.00"))).contains(Rule.BOUND);
  }

  @Test
  void optimalWithALargeGap_isCaught() {
    assertThat(rules(p -> p.put("lowerBound", "1000000.00").put("gap", "0.320652")))
        .containsExactly(Rule.BOUND);
  }

  @Test
  void feasibleBaselineCheaperThanThePlan_isCaught() {
    assertThat(rules(p -> ((ObjectNode) p.get("baselines").get(1)).put("totalCost", "1400000.00")))
        .containsExactly(Rule.BASELINE);
  }

  @Test
  void unknownOffering_isCaught() {
    assertThat(rules(p -> row(p, 4).put("region", "azure/us-c").put("accelerator", "B200")))
        .contains(Rule.UNKNOWN_OFFERING);
  }
}
