package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Catalog;
import io.nuage.catalog.Provider;
import io.nuage.contract.BillingIds;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.core.MonthRange;
import io.nuage.ledger.matching.MatchRule;
import io.nuage.ledger.matching.MatchedAmount;
import io.nuage.ledger.matching.ProviderSpend;
import io.nuage.scenario.Currencies;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per matching rule and their order (docs/ledger-drawdown.md, section 1):
 * contract-applied, then ids (commitment discount id, then billing account), then provider name;
 * each charge drawn once; a reservation by the GPU-hours of its region and accelerator; what
 * matches nothing listed.
 */
class MatchingRulesTest {
  private static final LocalDate AS_OF = LocalDate.parse("2027-07-01");

  /**
   * oci: deal-a (from 2027-01) and deal-b (from 2027-03); a reservation and storage elsewhere;
   * lambda known, without a contract.
   */
  static Scenario scenario() {
    List<Contract> contracts =
        List.of(
            new CommittedSpend(
                "deal-a",
                "oci",
                MonthRange.of("2027-01", "2027-12"),
                List.of(new BigDecimal("1000")),
                BigDecimal.ZERO,
                true),
            new CommittedSpend(
                "deal-b",
                "oci",
                MonthRange.of("2027-03", "2028-02"),
                List.of(new BigDecimal("1000")),
                BigDecimal.ZERO,
                true),
            new ReservedCapacity(
                "res",
                "nebius",
                "nebius/us-central1",
                "H200",
                10,
                MonthRange.of("2027-01", "2027-12"),
                new BigDecimal("2.45")),
            new StorageCommitment(
                "lake",
                "gcp",
                MonthRange.of("2027-01", "2027-12"),
                new BigDecimal("100"),
                new BigDecimal("14.00")));
    return new Scenario(
        "matching",
        MonthRange.of("2027-01", "2027-12"),
        // lambda: a provider of the scenario without a contract
        new Catalog(List.of(Provider.of("lambda")), List.of(), List.of(), List.of(), List.of()),
        List.of(),
        contracts,
        List.of(),
        Policy.unconstrained(),
        Currencies.USD,
        Map.of(
            "deal-a",
            new BillingIds(List.of("CTR-A"), List.of("CC-A-Y1", "CD-A"), List.of(), List.of()),
            "deal-b",
            new BillingIds(List.of(), List.of(), List.of("acct-b"), List.of()),
            "res",
            new BillingIds(
                List.of("NEB-RSV"), List.of("NEB-RSV-GPU"), List.of("acct-neb"), List.of())));
  }

  private static DrawDownReport report(List<ChargeSum> charges, List<AppliedSum> applied) {
    return new CommitmentLedger(scenario()).report(charges, applied, AS_OF, null);
  }

  private static ContractDrawDown contract(DrawDownReport r, String id) {
    return r.contracts().stream().filter(c -> c.contract().equals(id)).findFirst().orElseThrow();
  }

  private static List<MatchedAmount> matched(DrawDownReport r, String id) {
    return contract(r, id).matched();
  }

  private static MatchedAmount by(MatchRule rule, String amount) {
    return new MatchedAmount(rule, new BigDecimal(amount));
  }

  private static AppliedSum applied(
      ChargeSum row, String contractId, String commitmentId, String cost) {
    return new AppliedSum(
        row.providerName(),
        row.from(),
        row.currency(),
        new ChargeSum.AppliedId(contractId, commitmentId),
        null,
        new BigDecimal(cost),
        BigDecimal.ZERO);
  }

  @Test
  void contractApplied_winsOverAMatchingAccountAndDrawsOnce() {
    // billed 100.00 on deal-b's account, of which the provider applied 70.00 to deal-a's Y1
    ChargeSum row =
        Charge.row("Oracle", "2027-04-01")
            .billed("100.00")
            .account("acct-b")
            .applied("CTR-A", "CC-A-Y1")
            .sum();

    DrawDownReport r = report(List.of(row), List.of(applied(row, "CTR-A", "CC-A-Y1", "70.00")));

    assertThat(matched(r, "deal-a")).containsExactly(by(MatchRule.CONTRACT_APPLIED, "70.00"));
    assertThat(matched(r, "deal-b")).isEmpty();
    assertThat(contract(r, "deal-a").consumed()).isEqualByComparingTo("70.00");
    assertThat(contract(r, "deal-b").consumed()).isEqualByComparingTo("0");
    assertThat(r.unmatched()).isEmpty();
  }

  @Test
  void contractApplied_byContractIdAlone() {
    ChargeSum row =
        Charge.row("Oracle", "2027-02-01").billed("40").applied("CTR-A", "CC-other").sum();

    DrawDownReport r = report(List.of(row), List.of(applied(row, "CTR-A", "CC-other", "40")));

    assertThat(matched(r, "deal-a")).containsExactly(by(MatchRule.CONTRACT_APPLIED, "40"));
  }

  @Test
  void contractApplied_namingNoScenarioContractFallsThroughToTheIds() {
    ChargeSum row =
        Charge.row("Oracle", "2027-04-01")
            .billed("100.00")
            .account("acct-b")
            .applied("CTR-X", "CC-X")
            .sum();

    DrawDownReport r = report(List.of(row), List.of(applied(row, "CTR-X", "CC-X", "100.00")));

    assertThat(matched(r, "deal-a")).isEmpty();
    assertThat(matched(r, "deal-b")).containsExactly(by(MatchRule.IDS, "100.00"));
  }

  @Test
  void contractApplied_outsideTheTermFallsThrough() {
    // deal-a ends in 2027-12; in 2028-01 its commitment id no longer matches: deal-b by provider
    ChargeSum row =
        Charge.row("Oracle", "2028-01-05").billed("9").applied("CTR-A", "CC-A-Y1").sum();

    DrawDownReport r =
        new CommitmentLedger(scenario())
            .report(
                List.of(row),
                List.of(applied(row, "CTR-A", "CC-A-Y1", "9")),
                LocalDate.parse("2028-02-01"),
                null);

    assertThat(matched(r, "deal-a")).isEmpty();
    assertThat(matched(r, "deal-b")).containsExactly(by(MatchRule.PROVIDER_NAME, "9"));
  }

  @Test
  void ids_commitmentDiscountIdComesBeforeTheBillingAccount() {
    ChargeSum row =
        Charge.row("Oracle", "2027-04-01")
            .billed("25.00")
            .account("acct-b")
            .commitment("CD-A", "Used")
            .sum();

    DrawDownReport r = report(List.of(row), List.of());

    assertThat(matched(r, "deal-a")).containsExactly(by(MatchRule.IDS, "25.00"));
    assertThat(matched(r, "deal-b")).isEmpty();
  }

  @Test
  void ids_billingAccountComesBeforeTheProviderName() {
    // by provider name alone the row would go to deal-a (oci's earliest deal)
    ChargeSum row = Charge.row("Oracle", "2027-04-01").billed("30.00").account("acct-b").sum();

    DrawDownReport r = report(List.of(row), List.of());

    assertThat(matched(r, "deal-b")).containsExactly(by(MatchRule.IDS, "30.00"));
    assertThat(matched(r, "deal-a")).isEmpty();
  }

  @Test
  void providerName_isTheLastRuleAndTakesTheEarliestDeal() {
    ChargeSum row = Charge.row("Oracle Cloud Infrastructure", "2027-04-01").billed("12.50").sum();
    ChargeSum credit = Charge.row("Oracle", "2027-04-01").category("Credit").billed("-5").sum();

    DrawDownReport r = report(List.of(row, credit), List.of());

    assertThat(matched(r, "deal-a")).containsExactly(by(MatchRule.PROVIDER_NAME, "12.50"));
    assertThat(r.unmatched()).isEmpty(); // a credit draws nothing and is not "unmatched" usage
  }

  @Test
  void reservation_isDrawnByTheGpuHoursOfItsRegionAndAccelerator() {
    ChargeSum here =
        Charge.row("Nebius", "2027-03-01")
            .account("acct-neb")
            .at("us-central1", "h200")
            .billed("245.00")
            .gpuHours("100")
            .sum();
    ChargeSum elsewhere =
        Charge.row("Nebius", "2027-03-01")
            .account("acct-neb")
            .at("eu-north1", "H200")
            .billed("350.00")
            .gpuHours("100")
            .sum();
    ChargeSum otherGpu =
        Charge.row("Nebius", "2027-03-02")
            .at("us-central1", "H100")
            .billed("70.00")
            .gpuHours("20")
            .sum();

    DrawDownReport r = report(List.of(here, elsewhere, otherGpu), List.of());

    ContractDrawDown res = contract(r, "res");
    assertThat(res.consumed()).isEqualByComparingTo("100"); // GPU-hours, not money
    assertThat(res.matched()).containsExactly(by(MatchRule.IDS, "100"));
    // 10 GPUs x 24 x 365 GPU-hours committed
    assertThat(res.committed()).isEqualByComparingTo(BigDecimal.valueOf(10 * 24 * 365));
    assertThat(r.unmatched())
        .containsExactly(
            new ProviderSpend("nebius", new BigDecimal("420.00"), new BigDecimal("420.00"), 2));
  }

  @Test
  void reservation_hoursBilledOnDemandAtItsRegionAreNotItsUse() {
    ChargeSum covered =
        Charge.row("Nebius", "2027-03-01")
            .at("us-central1", "H200")
            .pricing("Committed")
            .gpuHours("100")
            .sum();
    ChargeSum onDemand =
        Charge.row("Nebius", "2027-03-01")
            .at("us-central1", "H200")
            .pricing("Standard")
            .billed("35.00")
            .gpuHours("10")
            .sum();
    ChargeSum fee =
        Charge.row("Nebius", "2027-03-01")
            .category("Purchase")
            .at("us-central1", "H200")
            .pricing("Standard")
            .billed("2450.00")
            .sum();

    DrawDownReport r = report(List.of(covered, onDemand, fee), List.of());

    // by provider name: the covered hours drawn, the fee matched with 0, the on-demand hours not:
    // they are nebius's own price, outside every contract
    assertThat(contract(r, "res").matched()).containsExactly(by(MatchRule.PROVIDER_NAME, "100"));
    assertThat(r.outsideContracts())
        .containsExactly(
            new ProviderSpend("nebius", new BigDecimal("35.00"), new BigDecimal("35.00"), 1));
    assertThat(r.unmatched()).isEmpty();
  }

  @Test
  void ownId_namesTheContractWhenNoBillingClaimsIt() {
    // the storage commitment "lake" has no billing ids: its own id is its commitment id
    ChargeSum used =
        Charge.row("Google", "2027-05-01").commitment("lake", "Used").cost("0", "1400").sum();
    ChargeSum fee =
        Charge.row("Google", "2027-05-01")
            .category("Purchase")
            .commitment("lake", null)
            .billed("1400")
            .sum();

    DrawDownReport r = report(List.of(used, fee), List.of());

    assertThat(contract(r, "lake").matched()).containsExactly(by(MatchRule.IDS, "1400"));
    assertThat(r.unmatched()).isEmpty();
  }

  @Test
  void reservation_contractAppliedDrawsTheAppliedHours() {
    ChargeSum row =
        Charge.row("Nebius", "2027-03-01")
            .at("eu-north1", "H200") // the provider said so: no region check
            .gpuHours("8")
            .applied("NEB-RSV", "NEB-RSV-GPU")
            .sum();
    AppliedSum hours =
        new AppliedSum(
            "Nebius",
            row.from(),
            "USD",
            new ChargeSum.AppliedId("NEB-RSV", "NEB-RSV-GPU"),
            "Hours",
            BigDecimal.ZERO,
            new BigDecimal("7.5"));

    DrawDownReport r = report(List.of(row), List.of(hours));

    assertThat(contract(r, "res").matched()).containsExactly(by(MatchRule.CONTRACT_APPLIED, "7.5"));
  }

  @Test
  void contractApplied_anElementDrawsOnlyAContractOfItsCommitmentsMeasure() {
    // one line of 100.00 applied to deal-a's Spend commitment and to a Usage commitment of the
    // same contract (CTR-A) that states the cost too, as FOCUS allows; and hours of a Spend
    // commitment named by the reservation's contract id
    ChargeSum row =
        Charge.row("Oracle", "2027-03-01").billed("100").applied("CTR-A", "CC-A-Y1").sum();
    ChargeSum neb =
        Charge.row("Nebius", "2027-03-01").gpuHours("8").applied("NEB-RSV", "NEB-SPEND").sum();
    List<AppliedSum> applied =
        List.of(
            element(row, "CTR-A", "CC-A-Y1", "100", "0", null, "Spend"),
            element(row, "CTR-A", "CC-A-GPU", "100", "8", "Hours", "Usage"),
            element(neb, "NEB-RSV", "NEB-SPEND", "50", "8", "Hours", "Spend"));

    DrawDownReport r = report(List.of(row, neb), applied);

    assertThat(contract(r, "deal-a").matched())
        .containsExactly(by(MatchRule.CONTRACT_APPLIED, "100"));
    assertThat(contract(r, "res").matched()).containsExactly(by(MatchRule.CONTRACT_APPLIED, "0"));
  }

  @Test
  void contractApplied_aChargeDrawsAContractForAtMostItsCost() {
    // a line of 100.00 applied in full to two commitments deal-a claims (nested minimums), one
    // of -30.00 whose element says 50.00, and one split 60.00 + 40.00 between them
    ChargeSum row =
        Charge.row("Oracle", "2027-03-01").billed("100").applied("CTR-A", "CC-A-Y1").sum();
    var twice = new AppliedSum.Charge(1, 1, new BigDecimal("100"));
    var credit = new AppliedSum.Charge(1, 2, new BigDecimal("-30"));
    var split = new AppliedSum.Charge(1, 3, new BigDecimal("100"));
    List<AppliedSum> applied =
        List.of(
            bounded(row, "CC-A-Y1", "100", twice),
            bounded(row, "CD-A", "100", twice),
            bounded(row, "CC-A-Y1", "50", credit),
            bounded(row, "CC-A-Y1", "60", split),
            bounded(row, "CD-A", "40", split));

    DrawDownReport r = report(List.of(row), applied);

    // 100 (not 200) + 0 (not 50: the other sign than the cost) + 100
    assertThat(contract(r, "deal-a").matched())
        .containsExactly(by(MatchRule.CONTRACT_APPLIED, "200"));
  }

  private static AppliedSum element(
      ChargeSum row,
      String contractId,
      String commitmentId,
      String cost,
      String quantity,
      String unit,
      String category) {
    return new AppliedSum(
        row.providerName(),
        row.from(),
        row.currency(),
        new ChargeSum.AppliedId(contractId, commitmentId),
        unit,
        new BigDecimal(cost),
        new BigDecimal(quantity),
        category,
        null);
  }

  private static AppliedSum bounded(
      ChargeSum row, String commitmentId, String cost, AppliedSum.Charge charge) {
    return new AppliedSum(
        row.providerName(),
        row.from(),
        row.currency(),
        new ChargeSum.AppliedId("CTR-A", commitmentId),
        null,
        new BigDecimal(cost),
        BigDecimal.ZERO,
        "Spend",
        charge);
  }

  @Test
  void storage_byProviderNameTakesStorageChargesOnly() {
    ChargeSum disks =
        Charge.row("Google Cloud", "2027-05-01").service("Storage").cost("1400", "1300").sum();
    ChargeSum gpus =
        Charge.row("Google Cloud", "2027-05-01")
            .service("Compute")
            .billed("999")
            .gpuHours("99")
            .sum();

    DrawDownReport r = report(List.of(disks, gpus), List.of());

    // a storage commitment draws the storage's effective cost
    assertThat(contract(r, "lake").matched()).containsExactly(by(MatchRule.PROVIDER_NAME, "1300"));
    assertThat(r.unmatched())
        .containsExactly(new ProviderSpend("gcp", new BigDecimal("999"), new BigDecimal("999"), 1));
  }

  @Test
  void onDemandUsageAtAKnownProvider_isOutsideContracts_notUnmatched() {
    // lambda is a provider of the scenario with no contract: its on-demand and spot hours are
    // bought at its own price, as a plan may intend
    ChargeSum onDemand =
        Charge.row("Lambda", "2027-05-01").pricing("Standard").cost("10.00", "9.00").sum();
    ChargeSum spot = Charge.row("Lambda", "2027-05-01").pricing("Dynamic").billed("2.00").sum();
    // the same at a provider the scenario does not know, or naming a commitment no contract
    // claims, or a purchase no contract takes: nothing explains them, they are unmatched
    ChargeSum unknownProvider =
        Charge.row("CoreWeave", "2027-05-01").pricing("Standard").billed("1.25").sum();
    ChargeSum unknownCommitment =
        Charge.row("Lambda", "2027-05-01")
            .pricing("Standard")
            .commitment("LAMBDA-RSV-9", "Used")
            .billed("3.00")
            .sum();
    ChargeSum purchase =
        Charge.row("Lambda", "2027-05-01")
            .category("Purchase")
            .pricing("Standard")
            .billed("4.00")
            .sum();

    DrawDownReport r =
        report(List.of(onDemand, spot, unknownProvider, unknownCommitment, purchase), List.of());

    assertThat(r.outsideContracts())
        .containsExactly(
            new ProviderSpend("lambda", new BigDecimal("12.00"), new BigDecimal("11.00"), 2));
    assertThat(r.unmatched())
        .containsExactly(
            new ProviderSpend("coreweave", new BigDecimal("1.25"), new BigDecimal("1.25"), 1),
            new ProviderSpend("lambda", new BigDecimal("7.00"), new BigDecimal("7.00"), 2));
  }

  @Test
  void unmatched_listsEachProviderWithoutAContract() {
    ChargeSum lambda = Charge.row("Lambda", "2027-05-01").cost("10.00", "9.00").sum();
    ChargeSum lambda2 =
        Charge.row("Lambda", "2027-06-01").category("Purchase").billed("5.00").sum();
    ChargeSum coreweave = Charge.row("CoreWeave", "2027-05-01").billed("1.25").sum();

    DrawDownReport r = report(List.of(lambda, lambda2, coreweave), List.of());

    assertThat(r.unmatched())
        .containsExactly(
            new ProviderSpend("coreweave", new BigDecimal("1.25"), new BigDecimal("1.25"), 1),
            new ProviderSpend("lambda", new BigDecimal("15.00"), new BigDecimal("14.00"), 2));
  }

  @Test
  void billedUntil_oneMonthlyLineBesideDailyUsage_doesNotStretchTheUsage() {
    // regression: a monthly fee line (June 1 to July 1) beside June's daily usage (billed to the
    // 16th) moved the deal's reach to July 1, so the plan's rest of June dropped out of the
    // projection; the earliest end of the month's charges counts
    ChargeSum daily =
        Charge.row("Oracle", "2027-06-01")
            .service("Compute")
            .billed("800.00")
            .until("2027-06-16")
            .sum();
    ChargeSum fee =
        Charge.row("Oracle", "2027-06-01")
            .service("Storage")
            .billed("10.00")
            .until("2027-07-01")
            .sum();
    LocalDate asOf = LocalDate.parse("2027-06-16");

    DrawDownReport both =
        new CommitmentLedger(scenario()).report(List.of(daily, fee), List.of(), asOf, null);
    DrawDownReport feeAlone =
        new CommitmentLedger(scenario()).report(List.of(fee), List.of(), asOf, null);

    DrawDownLine mixed = contract(both, "deal-a").years().get(0);
    assertThat(mixed.billedUntil()).isNull();
    assertThat(mixed.elapsedDays()).isEqualTo(166); // January 1 to June 16
    // a month billed in monthly lines only is billed to its end
    DrawDownLine monthly = contract(feeAlone, "deal-a").years().get(0);
    assertThat(monthly.billedUntil()).isEqualTo(LocalDate.parse("2027-07-01"));
    assertThat(monthly.elapsedDays()).isEqualTo(181);
  }
}
