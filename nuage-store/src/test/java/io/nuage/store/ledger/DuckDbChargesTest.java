package io.nuage.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Catalog;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.RateCard;
import io.nuage.core.MonthRange;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.CommitmentLedger;
import io.nuage.ledger.ContractDrawDown;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.DrawDownReport;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.ReconciliationTotal;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draw-down and reconciliation over the real FinOps Foundation FOCUS 1.0 sample. */
class DuckDbChargesTest {
  static final String SAMPLE = "focus/finops_foundation_sample/focus_1.0_sample_1000.csv";

  @TempDir Path dir;

  /** A small scenario with contracts on the sample's providers (AWS, Microsoft, Oracle). */
  static Scenario sampleScenario() {
    return new Scenario(
        "finops-sample",
        MonthRange.of("2024-01", "2025-12"),
        Catalog.empty(),
        List.of(),
        List.of(
            new CommittedSpend(
                "aws-commit",
                "aws",
                MonthRange.of("2024-01", "2025-12"),
                List.of(new BigDecimal("100.00"), new BigDecimal("150.00")),
                BigDecimal.ZERO,
                true),
            new CommittedSpend(
                "oci-commit",
                "oci",
                MonthRange.of("2024-07", "2025-06"),
                List.of(new BigDecimal("10.00")),
                BigDecimal.ZERO,
                true),
            new RateCard(
                "azure-card", "azure", MonthRange.of("2024-01", "2025-12"), BigDecimal.ZERO)),
        List.of(),
        new Policy(new BigDecimal("0.9"), Map.of(), Set.of()));
  }

  /** Σ BilledCost per ProviderName and category class, from the raw CSV text in BigDecimal. */
  static Map<String, BigDecimal> rawBilled(Path csv, boolean drawingOnly) throws Exception {
    Map<String, BigDecimal> sums = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT ProviderName, ChargeCategory, BilledCost FROM read_csv('"
                    + csv
                    + "', all_varchar = true)")) {
      while (r.next()) {
        String cat = r.getString(2);
        if (drawingOnly && !cat.equals("Usage") && !cat.equals("Purchase")) continue;
        sums.merge(r.getString(1), new BigDecimal(r.getString(3)), BigDecimal::add);
      }
    }
    return sums;
  }

  private Store ingested(Path file) {
    Store store = Store.open(dir.resolve("ledger.duckdb"));
    new DuckDbIngestions(store).ingest(file, IngestOptions.DEFAULT);
    return store;
  }

  @Test
  void drawDown_sampleConsumptionEqualsTheRawBilledUsage() throws Exception {
    Path sample = SharedData.file(SAMPLE);
    Map<String, BigDecimal> raw = rawBilled(sample, true);
    try (Store store = ingested(sample)) {
      List<ChargeSum> charges = new DuckDbCharges(store).monthly(LocalDate.parse("2024-10-01"));
      DrawDownReport report =
          new CommitmentLedger(sampleScenario()).report(charges, LocalDate.parse("2024-10-01"));

      ContractDrawDown aws = report.contracts().get(0);
      assertThat(aws.years().get(0).consumed()).isEqualByComparingTo(raw.get("AWS"));
      ContractDrawDown oci = report.contracts().get(1);
      // Oracle's two positive adjustments do not draw the commitment down
      assertThat(oci.consumed()).isEqualByComparingTo(raw.get("Oracle"));
      assertThat(oci.consumed()).isEqualByComparingTo("0.26507392473");
      // the year ran 274 days to 2024-10-01 (2024 is a leap year): 91 days more at that rate
      assertThat(aws.years().get(0).elapsedDays()).isEqualTo(274);
      assertThat(report.balanced()).isTrue();
      assertThat(report.balances()).hasSize(2); // two savings plans, usage rows only
    }
  }

  @Test
  void spend_perProviderEqualsTheRawTotalsOfEveryCategory() throws Exception {
    Path sample = SharedData.file(SAMPLE);
    Map<String, BigDecimal> raw = rawBilled(sample, false);
    try (Store store = ingested(sample)) {
      DrawDownReport report =
          new CommitmentLedger(sampleScenario())
              .report(
                  new DuckDbCharges(store).monthly(LocalDate.parse("2024-10-01")),
                  LocalDate.parse("2024-10-01"));
      Map<String, BigDecimal> billed = new HashMap<>();
      report.spend().forEach(m -> billed.merge(m.provider(), m.billed(), BigDecimal::add));

      assertThat(billed).containsOnlyKeys("aws", "azure", "oci");
      assertThat(billed.get("aws")).isEqualByComparingTo(raw.get("AWS"));
      assertThat(billed.get("azure")).isEqualByComparingTo(raw.get("Microsoft"));
      assertThat(billed.get("oci")).isEqualByComparingTo(raw.get("Oracle"));
      assertThat(report.shares()).allSatisfy(s -> assertThat(s.year()).isEqualTo(2024));
    }
  }

  @Test
  void dailyAggregate_equalsTheGroupByOfTheRawRows() throws Exception {
    try (Store store = ingested(SharedData.file(SAMPLE));
        Statement s = store.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                """
                SELECT count(*) FROM (
                  (SELECT ProviderName, CAST(ChargePeriodStart AS DATE) d, ChargeCategory,
                          CommitmentDiscountId, CommitmentDiscountStatus, BillingAccountId,
                          BillingCurrency, RegionId, ServiceCategory, ConsumedUnit, count(*) n,
                          sum(BilledCost) b, sum(EffectiveCost) e
                   FROM billing_rows GROUP BY ALL
                   EXCEPT
                   SELECT ProviderName, day, ChargeCategory, CommitmentDiscountId,
                          CommitmentDiscountStatus, BillingAccountId, BillingCurrency, RegionId,
                          ServiceCategory, ConsumedUnit, sum(row_count), sum(BilledCost),
                          sum(EffectiveCost)
                   FROM billing_daily GROUP BY ALL)
                  UNION ALL
                  (SELECT ProviderName, day, ChargeCategory, CommitmentDiscountId,
                          CommitmentDiscountStatus, BillingAccountId, BillingCurrency, RegionId,
                          ServiceCategory, ConsumedUnit, sum(row_count), sum(BilledCost),
                          sum(EffectiveCost)
                   FROM billing_daily GROUP BY ALL
                   EXCEPT
                   SELECT ProviderName, CAST(ChargePeriodStart AS DATE), ChargeCategory,
                          CommitmentDiscountId, CommitmentDiscountStatus, BillingAccountId,
                          BillingCurrency, RegionId, ServiceCategory, ConsumedUnit, count(*),
                          sum(BilledCost), sum(EffectiveCost)
                   FROM billing_rows GROUP BY ALL))
                """)) {
      r.next();
      assertThat(r.getLong(1)).isZero();
    }
  }

  @Test
  void dailyAggregate_sameFileTwiceChangesNothing() {
    Path sample = SharedData.file(SAMPLE);
    try (Store store = ingested(sample)) {
      List<ChargeSum> once = new DuckDbCharges(store).monthly(LocalDate.parse("2025-01-01"));
      new DuckDbIngestions(store).ingest(sample, IngestOptions.DEFAULT);
      List<ChargeSum> twice = new DuckDbCharges(store).monthly(LocalDate.parse("2025-01-01"));

      assertThat(twice).hasSameSizeAs(once);
      assertThat(sum(twice)).isEqualByComparingTo(sum(once));
    }
  }

  @Test
  void reconcile_flagsTheRowOverbilledOnPurpose() throws Exception {
    // the c5.2xlarge hour listed at 0.34 is billed 5.34 in this copy: 5.00 over its price
    Path sample = SharedData.file(SAMPLE);
    String text = Files.readString(sample);
    String row = "\"us-east-1f\",0.34000000000,";
    assertThat(text).containsOnlyOnce(row);
    Path tampered = dir.resolve("overbilled.csv");
    Files.writeString(tampered, text.replace(row, "\"us-east-1f\",5.34000000000,"));

    try (Store store = ingested(tampered)) {
      Scenario scenario = sampleScenario();
      Reconciliation r =
          new DuckDbCharges(store)
              .reconcile(ContractRate.of(scenario), BillingProviders.of(scenario), 50);

      assertThat(r.rows()).hasSize(1);
      OverbilledRow o = r.rows().getFirst();
      assertThat(o.provider()).isEqualTo("aws");
      assertThat(o.contract()).isEqualTo("aws-commit");
      assertThat(o.billed()).isEqualByComparingTo("5.34");
      assertThat(o.expected()).isEqualByComparingTo("0.34");
      assertThat(o.excess()).isEqualByComparingTo("5.00");
      ReconciliationTotal aws =
          r.totals().stream().filter(t -> t.provider().equals("aws")).findFirst().orElseThrow();
      assertThat(aws.rowsFlagged()).isEqualTo(1);
      assertThat(aws.excess()).isEqualByComparingTo("5.00");
      assertThat(r.totals())
          .filteredOn(t -> !t.provider().equals("aws"))
          .allSatisfy(t -> assertThat(t.rowsFlagged()).isZero());
      long usageRows = r.totals().stream().mapToLong(ReconciliationTotal::rowsChecked).sum();
      assertThat(usageRows).isEqualTo(997);
    }
  }

  @Test
  void reconcile_discountNotAppliedIsFlaggedAtTheContractRate() {
    // a 50% discount on Oracle: every Oracle usage row billed at list is overbilled by half
    Scenario discounted =
        new Scenario(
            "oci-discount",
            MonthRange.of("2024-01", "2024-12"),
            Catalog.empty(),
            List.of(),
            List.of(
                new CommittedSpend(
                    "oci-commit",
                    "oci",
                    MonthRange.of("2024-01", "2024-12"),
                    List.of(BigDecimal.TEN),
                    new BigDecimal("0.5"),
                    true)),
            List.of(),
            Policy.unconstrained());
    try (Store store = ingested(SharedData.file(SAMPLE))) {
      Reconciliation r =
          new DuckDbCharges(store)
              .reconcile(ContractRate.of(discounted), BillingProviders.of(discounted), 50);
      ReconciliationTotal oci =
          r.totals().stream().filter(t -> t.provider().equals("oci")).findFirst().orElseThrow();
      // usage billed 0.012 + 0.012 + 0.24 + 0.00107392473 (+ one 0.00 row): the first three are
      // above half their list price by more than half a cent; the last by 0.0005
      assertThat(oci.rowsChecked()).isEqualTo(5);
      assertThat(oci.rowsFlagged()).isEqualTo(3);
      assertThat(oci.billed()).isEqualByComparingTo("0.264");
      assertThat(oci.expected()).isEqualByComparingTo("0.132");
    }
  }

  private static BigDecimal sum(List<ChargeSum> charges) {
    return charges.stream().map(ChargeSum::billed).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
