package io.nuage.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.plan.ProviderYear;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The right-of-first-refusal rule of docs/planner.md on {@link RofrScenario}: a plan that respects
 * it, one broken plan per way to break it, and each reading of the rule (new capacity, the holder's
 * price, the geography a fleet row serves, room for a gang).
 */
class RightOfFirstRefusalRulesTest {
  private static List<String> rofr(RofrScenario scenario, PlanDraft plan) {
    return PlanVerifier.verify(scenario.build(), plan.build()).stream()
        .filter(v -> v.rule() == Rule.RIGHT_OF_FIRST_REFUSAL)
        .map(Violation::message)
        .toList();
  }

  /** 1000 US GPU-hours moved from the holder (which keeps 1000 h free) to gcp/us-central. */
  private static PlanDraft fleetPassesOverAHolderWithRoom() {
    var plan = RofrScenario.plan();
    plan.row(1).hours("6440.000", "52808.00");
    plan.row(2).hours("3560.000", "28480.00");
    return plan;
  }

  /** run-1 on gcp/us-central, $8.00 x 1600 h, instead of the holder's azure/us-west. */
  private static PlanDraft gangOnNewCapacity() {
    var plan = RofrScenario.plan();
    plan.row(0).at("gcp", "gcp/us-central").rate = "8.00";
    plan.row(0).cost = "12800.00";
    return plan;
  }

  @Test
  void planThatFillsTheHolderFirst_hasNoViolationAtAll() {
    var scenario = new RofrScenario();
    assertThat(PlanVerifier.verify(scenario.build(), RofrScenario.plan().build())).isEmpty();
  }

  @Test
  void fleetOnNewCapacityWhileTheHolderHadRoom_isCaught() {
    assertThat(rofr(new RofrScenario(), fleetPassesOverAHolderWithRoom()))
        .singleElement()
        .asString()
        .contains("placements[2]", "azure-rofr", "8.20", "1000.000");
  }

  @Test
  void gangOnNewCapacityWhileAHolderRegionHadRoomForTheGang_isCaught() {
    assertThat(rofr(new RofrScenario(), gangOnNewCapacity()))
        .singleElement()
        .asString()
        .contains("placements[0]", "azure/us-west");
  }

  @Test
  void gangLeaves_whenNoHolderRegionCanHoldSixteenGpus() {
    var scenario = new RofrScenario();
    scenario.westGpus = 12;
    assertThat(rofr(scenario, gangOnNewCapacity())).isEmpty();
  }

  @Test
  void gangLeaves_whenTheHolderHasAtMostFifteenGpusFreeForTheMonth() {
    // run-1 takes 1600 GPU-h of us-west; run-2 (16 GPUs, 100 h) goes to gcp. With 17 GPUs us-west
    // has 17 x 744 - 1600 = 11048 h free, at most 15 x 744 = 11160: no room for a gang of 16.
    // With 18 GPUs it has 11792 h free: room, so run-2 had to stay with the holder.
    var scenario = new RofrScenario();
    scenario.workloads.add(RofrScenario.run("run-2", "100", "gcp/us-central"));
    var plan = RofrScenario.plan();
    plan.add(RofrScenario.row("run-2", "gcp/us-central", 16, "1600.000", "12800.00"));
    scenario.westGpus = 17;
    assertThat(rofr(scenario, plan)).isEmpty();
    scenario.westGpus = 18;
    assertThat(rofr(scenario, plan)).singleElement().asString().contains("placements[4] run-2");
  }

  @Test
  void euRowWhileTheUsHolderHasRoom_isNotAViolation() {
    // 20 GPUs at azure/us-east: US is served there alone (10000 of 14880 h), EU at gcp/eu-north,
    // where the holder has no region. Judged by the fleet's regions as a whole it would be one.
    var scenario = new RofrScenario();
    scenario.eastGpus = 20;
    var plan = RofrScenario.plan();
    plan.usage = "103120.00";
    plan.lowerBound = "103120.00";
    plan.row(1).hours("10000.000", "82000.00");
    plan.rows.remove(2);
    plan.providers.set(
        0, new ProviderYear("azure", 2027, new BigDecimal("95120.00"), new BigDecimal("0.9224")));
    plan.providers.set(
        1, new ProviderYear("gcp", 2027, new BigDecimal("8000.00"), new BigDecimal("0.0776")));
    assertThat(PlanVerifier.verify(scenario.build(), plan.build())).isEmpty();

    plan.row(1).hours("9000.000", "73800.00");
    plan.add(RofrScenario.row("fleet-1", "gcp/us-central", 2, "1000.000", "8000.00"));
    assertThat(rofr(scenario, plan)).singleElement().asString().contains("placements[3]");
  }

  @Test
  void rowInARegionTwoGeographiesAllow_isJudgedByTheGeographyWithoutTheHolder() {
    // gcp/us-central may serve EU too: its 1000 h are EU's, the US is all at the holder
    var scenario = new RofrScenario();
    scenario.eastGpus = 20;
    scenario.euAllowed = Set.of("gcp/eu-north", "gcp/us-central");
    var plan = RofrScenario.plan();
    plan.row(1).hours("10000.000", "82000.00");
    plan.row(2).hours("1000.000", "8000.00");
    plan.rows.remove(3);
    assertThat(rofr(scenario, plan)).isEmpty();
  }

  @Test
  void holderDearerThanTheMargin_mayBePassedOver() {
    // the holder matches up to 1.05 x 8.00 = 8.40: at 8.40 it would, at 8.41 it would not
    var scenario = new RofrScenario();
    scenario.eastPrice = "8.40";
    assertThat(rofr(scenario, fleetPassesOverAHolderWithRoom())).hasSize(1);
    scenario.eastPrice = "8.41";
    assertThat(rofr(scenario, fleetPassesOverAHolderWithRoom())).isEmpty();
  }

  @Test
  void holderReservation_isCapacityNotAPrice() {
    // the holder's 10 reserved GPUs cost nothing at the margin, but its price is on-demand: $10
    var scenario = new RofrScenario();
    scenario.eastPrice = "10";
    scenario.contracts.add(
        new ReservedCapacity(
            "azure-res",
            "azure",
            "azure/us-east",
            "H100",
            10,
            RofrScenario.MONTH,
            new BigDecimal("5")));
    assertThat(rofr(scenario, fleetPassesOverAHolderWithRoom())).isEmpty();
  }

  @Test
  void reservationOfTheSameAcceleratorWithTheOtherProvider_isNotNewCapacity() {
    var scenario = new RofrScenario();
    scenario.contracts.add(reservation("H100"));
    assertThat(rofr(scenario, fleetPassesOverAHolderWithRoom())).isEmpty();
  }

  @Test
  void reservationOfAnotherAcceleratorWithTheOtherProvider_leavesItNewCapacity() {
    var scenario = new RofrScenario();
    scenario.contracts.add(reservation("B200"));
    assertThat(rofr(scenario, fleetPassesOverAHolderWithRoom())).hasSize(1);
  }

  @Test
  void committedSpendWithTheOtherProvider_isNotNewCapacity() {
    var scenario = new RofrScenario();
    scenario.contracts.add(
        new CommittedSpend(
            "gcp-commit",
            "gcp",
            RofrScenario.MONTH,
            List.of(BigDecimal.ZERO),
            BigDecimal.ZERO,
            true));
    assertThat(rofr(scenario, fleetPassesOverAHolderWithRoom())).isEmpty();
  }

  private static ReservedCapacity reservation(String accelerator) {
    return new ReservedCapacity(
        "gcp-res",
        "gcp",
        "gcp/us-central",
        accelerator,
        1,
        RofrScenario.MONTH,
        new BigDecimal("5"));
  }
}
