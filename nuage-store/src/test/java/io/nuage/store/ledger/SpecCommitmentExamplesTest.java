package io.nuage.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Provider;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.CommitmentBalance;
import io.nuage.ledger.CommitmentBalance.Verdict;
import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FOCUS 1.2 spec's commitment discount examples, ingested for real: the utilisation and the
 * Used/Unused split equal what each example's explanation states, and the balance rule holds.
 */
class SpecCommitmentExamplesTest {
  private static final String SCENARIOS =
      "focus/spec_commitment_examples/commitment_discount_scenarios/";
  private static final String FLEX =
      "focus/spec_commitment_examples/commitment_discount_flexibility/";
  private static final String CD = "<my-commitment-discount-id>";

  // The spec's fragments omit most mandatory columns: constants stand in for them.
  private static final Map<String, String> FILLS =
      Map.ofEntries(
          Map.entry("ProviderName", "TinyCloud"),
          Map.entry("PublisherName", "TinyCloud"),
          Map.entry("InvoiceIssuerName", "TinyCloud"),
          Map.entry("BillingAccountId", "acct-1"),
          Map.entry("BillingAccountName", "NULL"),
          Map.entry("BillingCurrency", "USD"),
          Map.entry("ChargeClass", "NULL"),
          Map.entry("ChargeDescription", "NULL"),
          Map.entry("ContractedCost", "0"),
          Map.entry("ListCost", "0"),
          Map.entry("PricingQuantity", "NULL"),
          Map.entry("PricingUnit", "NULL"),
          Map.entry("ServiceCategory", "Compute"),
          Map.entry("ServiceName", "Compute"));

  @TempDir Path dir;

  private final BillingProviders names = new BillingProviders(List.of(Provider.of("tinycloud")));

  private List<ChargeSum> ingest(String... files) {
    try (Store store = Store.open(dir.resolve("ledger.duckdb"))) {
      var ingestions = new DuckDbIngestions(store);
      for (String f : files) {
        Path file = f.startsWith("/") ? Path.of(f) : SharedData.file(f);
        ingestions.ingest(file, new IngestOptions(false, fillsFor(file), p -> {}));
      }
      return new DuckDbCharges(store).monthly(java.time.LocalDate.parse("2030-01-01"));
    }
  }

  /** Only the columns the file lacks may be filled. */
  private static Map<String, String> fillsFor(Path file) {
    try (var lines = java.nio.file.Files.lines(file)) {
      var header = java.util.Set.of(lines.findFirst().orElseThrow().split(","));
      var fills = new java.util.HashMap<>(FILLS);
      fills.keySet().removeIf(header::contains);
      return fills;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private CommitmentBalance balance(String... files) {
    List<CommitmentBalance> b = CommitmentBalance.of(ingest(files), names);
    assertThat(b).hasSize(1);
    assertThat(b.getFirst().commitmentDiscountId()).isEqualTo(CD);
    return b.getFirst();
  }

  @Test
  void usageScenario1_fullHourIsFullyUtilised() {
    CommitmentBalance b = balance(SCENARIOS + "commitment_discount_usage_scenario_1.csv");
    assertThat(b.used()).isEqualByComparingTo("1.00");
    assertThat(b.unused()).isEqualByComparingTo("0");
    assertThat(b.utilisation()).isEqualByComparingTo("1");
    assertThat(b.verdict()).isEqualTo(Verdict.NO_PURCHASE); // the purchase is another example
  }

  @Test
  void usageScenario2_idleHourIsOneUnusedRow() {
    CommitmentBalance b = balance(SCENARIOS + "commitment_discount_usage_scenario_2.csv");
    assertThat(b.used()).isEqualByComparingTo("0");
    assertThat(b.unused()).isEqualByComparingTo("1.00");
    assertThat(b.utilisation()).isEqualByComparingTo("0");
  }

  @Test
  void usageScenario3_seventyFivePercentSplitIntoUsedAndUnused() {
    CommitmentBalance b = balance(SCENARIOS + "commitment_discount_usage_scenario_3.csv");
    assertThat(b.used()).isEqualByComparingTo("0.75");
    assertThat(b.unused()).isEqualByComparingTo("0.25");
    assertThat(b.utilisation()).isEqualByComparingTo("0.75");
  }

  @Test
  void usageScenario4_fullyUtilisedPlusOnDemandOverage() {
    List<ChargeSum> charges = ingest(SCENARIOS + "commitment_discount_usage_scenario_4.csv");
    CommitmentBalance b = CommitmentBalance.of(charges, names).getFirst();
    assertThat(b.used()).isEqualByComparingTo("1.00");
    assertThat(b.utilisation()).isEqualByComparingTo("1");
    // the 0.50 overage is standard on-demand spend, outside the commitment
    BigDecimal onDemand =
        charges.stream()
            .filter(c -> c.commitmentDiscountId() == null)
            .map(ChargeSum::billed)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(onDemand).isEqualByComparingTo("0.50");
  }

  @Test
  void allUpfrontPurchase_isAmortisedToTheHourAndBalancesTheUsage() {
    // $8,760 for the year's 8,760 hours: the one hour of usage owes $1.00, split 0.75 / 0.25
    CommitmentBalance b =
        balance(
            SCENARIOS + "commitment_discount_purchase_scenario_1.csv",
            SCENARIOS + "commitment_discount_usage_scenario_3.csv");
    assertThat(b.purchased()).isEqualByComparingTo("8760.00");
    assertThat(b.amortisedPurchase()).isEqualByComparingTo("1.00");
    assertThat(b.verdict()).isEqualTo(Verdict.BALANCED);
  }

  @Test
  void flexibility_hundredPercentWithoutFlexibility() {
    CommitmentBalance b =
        balance(
            FLEX + "one_hundred_percent_utilization_without_commitment_discount_flexibility.csv");
    assertThat(b.purchased()).isEqualByComparingTo("1.50");
    assertThat(b.used()).isEqualByComparingTo("1.50");
    assertThat(b.utilisation()).isEqualByComparingTo("1");
    assertThat(b.verdict()).isEqualTo(Verdict.BALANCED);
  }

  @Test
  void flexibility_zeroPercentWithoutFlexibility() {
    List<ChargeSum> charges =
        ingest(FLEX + "zero_percent_utilization_without_commitment_discount_flexibility.csv");
    CommitmentBalance b = CommitmentBalance.of(charges, names).getFirst();
    assertThat(b.purchased()).isEqualByComparingTo("1.50");
    assertThat(b.used()).isEqualByComparingTo("0");
    assertThat(b.unused()).isEqualByComparingTo("1.50");
    assertThat(b.utilisation()).isEqualByComparingTo("0");
    assertThat(b.verdict()).isEqualTo(Verdict.BALANCED);
    // the VM_MEDIUM hour runs on demand: $2.00 billed and effective
    assertThat(
            charges.stream()
                .filter(c -> c.commitmentDiscountId() == null)
                .map(ChargeSum::effective)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("2.00");
  }

  @Test
  void flexibility_oneResourceCoversAQuarterOfTheLargeVm() {
    List<ChargeSum> charges =
        ingest(
            FLEX
                + "one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv");
    CommitmentBalance b = CommitmentBalance.of(charges, names).getFirst();
    assertThat(b.purchased()).isEqualByComparingTo("0.50");
    assertThat(b.used()).isEqualByComparingTo("0.50");
    assertThat(b.utilisation()).isEqualByComparingTo("1");
    assertThat(b.verdict()).isEqualTo(Verdict.BALANCED);
    assertThat(
            charges.stream()
                .filter(c -> c.commitmentDiscountId() == null)
                .map(ChargeSum::billed)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("2.25");
  }

  @Test
  void flexibility_twoMediumVmsShareTheXlargeCommitment() {
    // two byte-identical usage rows are two charges: 1.00 + 1.00 = the 2.00 purchase
    CommitmentBalance b =
        balance(
            FLEX
                + "one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv");
    assertThat(b.purchased()).isEqualByComparingTo("2.00");
    assertThat(b.used()).isEqualByComparingTo("2.00");
    assertThat(b.utilisation()).isEqualByComparingTo("1");
    assertThat(b.verdict()).isEqualTo(Verdict.BALANCED);
  }

  @Test
  void balanceCheck_flagsUsageThatDoesNotAddUpToThePurchase() throws Exception {
    // the spec's 100% example with the usage row's EffectiveCost lowered from 1.50 to 1.40
    Path source =
        SharedData.file(
            FLEX + "one_hundred_percent_utilization_without_commitment_discount_flexibility.csv");
    String text = java.nio.file.Files.readString(source);
    assertThat(text).containsOnlyOnce(",0.00,1.50,1.00,Hour,");
    Path tampered = dir.resolve("unbalanced.csv");
    java.nio.file.Files.writeString(
        tampered, text.replace(",0.00,1.50,1.00,Hour,", ",0.00,1.40,1.00,Hour,"));

    CommitmentBalance b = balance(tampered.toString());

    assertThat(b.purchased()).isEqualByComparingTo("1.50");
    assertThat(b.used()).isEqualByComparingTo("1.40");
    assertThat(b.verdict()).isEqualTo(Verdict.UNBALANCED);
  }
}
