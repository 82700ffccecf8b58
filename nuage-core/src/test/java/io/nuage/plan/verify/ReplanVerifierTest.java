package io.nuage.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.ContractYear;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.past.ActualConsumption;
import io.nuage.plan.past.ActualSpend;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.past.RunningRun;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The verifier on a re-plan of {@link TinyScenario} as of 2027-03-01: January and February billed
 * exactly as {@link TinyScenario#plan()} planned them, run-1 under way at oci/us-a since February.
 * Every figure is worked out in {@link #replan()}; each test breaks one thing about the past.
 */
class ReplanVerifierTest {
  private static final YearMonth MARCH = YearMonth.of(2027, 3);

  /*
   * Billed: oci 2027-01 5040.00 (fleet-1 at oci/us-a); oci 2027-02 387072.00 (run-1's 43008
   *   GPU-h at 9.00); azure 2027-01 20000.00 (fleet-1 on B200) + 10 x 744 h x 5 = 37200.00 fees +
   *   50 TB x 20 = 1000.00 storage = 58200.00; azure 2027-02 10 x 672 x 5 = 33600.00 + 1000.00 +
   *   2000.00 egress of run-1 = 36600.00. actual = 486912.00; oci consumed to date 392112.00.
   * Open, March to December: run-1's last 328 h, 20992 GPU-h = 188928.00 (no egress: paid in
   *   February); fees 10 x 7344 h x 5 = 367200.00; storage 50 x 10 x 20 = 10000.00.
   * oci year 0: consumed 392112 + 188928 = 581040.00, shortfall 418960.00.
   * total 486912 + 188928 + 367200 + 418960 + 10000 = 1472000.00, as the plan from scratch;
   *   2027 spend oci 1000000.00 (0.6793), azure 472000.00 (0.3207).
   */
  static PlanDraft replan() {
    PlanDraft plan = TinyScenario.plan();
    plan.rows.removeIf(r -> r.month.isBefore(MARCH));
    plan.usage = "188928.00";
    plan.reserved = "367200.00";
    plan.storage = "10000.00";
    plan.egressTotal = "0.00";
    plan.egress.clear();
    plan.actual = "486912.00";
    plan.contracts.clear();
    plan.contracts.add(
        new ContractYear(
            "oci-commit",
            "oci",
            0,
            new BigDecimal("1000000.00"),
            new BigDecimal("581040.00"),
            new BigDecimal("418960.00"),
            true,
            new BigDecimal("392112.00")));
    plan.past = past(List.of(running("oci/us-a")), Set.of());
    return plan;
  }

  static FixedPast past(List<RunningRun> running, Set<String> finished) {
    return new FixedPast(
        MARCH,
        List.of(
            spend("oci", 1, "5040.00"),
            spend("oci", 2, "387072.00"),
            spend("azure", 1, "58200.00"),
            spend("azure", 2, "36600.00")),
        List.of(new ActualConsumption("oci-commit", 0, new BigDecimal("392112.00"))),
        running,
        finished);
  }

  private static RunningRun running(String region) {
    return new RunningRun(
        "run-1", region.substring(0, region.indexOf('/')), region, "H100", YearMonth.of(2027, 2));
  }

  private static ActualSpend spend(String provider, int month, String amount) {
    return new ActualSpend(provider, YearMonth.of(2027, month), new BigDecimal(amount));
  }

  private static List<Rule> rules(Consumer<PlanDraft> edit) {
    PlanDraft plan = replan();
    edit.accept(plan);
    return PlanVerifier.verify(TinyScenario.scenario(), plan.build()).stream()
        .map(Violation::rule)
        .toList();
  }

  @Test
  void replanThatHoldsItsPast_hasNoViolation() {
    assertThat(PlanVerifier.verify(TinyScenario.scenario(), replan().build())).isEmpty();
  }

  @Test
  void placementBeforeTheAsOfMonth_isCaught() {
    assertThat(
            rules(
                p -> {
                  var row = TinyScenario.plan().row(3); // fleet-1 at oci in January, 5040.00
                  p.add(row);
                  p.usage = "193968.00";
                }))
        .contains(Rule.FIXED_PAST);
  }

  @Test
  void runningRunMovedElsewhere_isCaught() {
    assertThat(rules(p -> p.past = past(List.of(running("oci/us-z")), Set.of())))
        .contains(Rule.FIXED_PAST);
  }

  @Test
  void runningRunGivenItsWholeGangAgain_isCaught() {
    // 43008 GPU-h in March is the gang from its start, not the 328 h it has left
    assertThat(rules(p -> p.row(0).hours("43008.000", "387072.00"))).contains(Rule.GANG_HOURS);
  }

  @Test
  void finishedRunPlacedAgain_isCaught() {
    assertThat(rules(p -> p.past = past(List.of(), Set.of("run-1")))).contains(Rule.FIXED_PAST);
  }

  @Test
  void runningRunChargedItsEgressAgain_isCaught() {
    assertThat(
            rules(
                p -> {
                  p.egress.add(
                      new EgressCharge(
                          "run-1",
                          "azure/us-c",
                          "oci/us-a",
                          "azure",
                          MARCH,
                          new BigDecimal("100"),
                          new BigDecimal("2000.00")));
                  p.egressTotal = "2000.00";
                }))
        .contains(Rule.EGRESS);
  }

  @Test
  void billedTotalMisstated_isCaught() {
    assertThat(rules(p -> p.actual = "486912.01")).contains(Rule.FIXED_PAST);
  }

  @Test
  void minimumWithoutWhatWasBilled_isCaught() {
    // consumption of the open months only: 188928.00, shortfall 811072.00
    assertThat(
            rules(
                p -> {
                  p.contracts.set(
                      0,
                      new ContractYear(
                          "oci-commit",
                          "oci",
                          0,
                          new BigDecimal("1000000.00"),
                          new BigDecimal("188928.00"),
                          new BigDecimal("811072.00"),
                          true,
                          BigDecimal.ZERO));
                  p.shortfall = "811072.00";
                }))
        .contains(Rule.SHORTFALL, Rule.FIXED_PAST);
  }

  @Test
  void sharesWithoutWhatWasBilled_areCaught() {
    // the providers[] of the open months alone
    assertThat(
            rules(
                p -> {
                  p.providers.clear();
                  p.providers.add(
                      new io.nuage.plan.ProviderYear(
                          "oci", 2027, new BigDecimal("607888.00"), new BigDecimal("0.5944")));
                }))
        .contains(Rule.SHARE);
  }
}
