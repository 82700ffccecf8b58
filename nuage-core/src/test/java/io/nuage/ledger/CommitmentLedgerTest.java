package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Catalog;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.core.MonthRange;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommitmentLedgerTest {
  static Scenario scenario() {
    return new Scenario(
        "ledger-test",
        MonthRange.of("2027-01", "2028-12"),
        Catalog.empty(),
        List.of(),
        List.of(
            new CommittedSpend(
                "azure-deal",
                "azure",
                MonthRange.of("2027-01", "2028-12"),
                List.of(new BigDecimal("1000.00"), new BigDecimal("2000.00")),
                new BigDecimal("0.20"),
                true),
            new ReservedCapacity(
                "res-1",
                "coreweave",
                "cw/us-east",
                "H100",
                2,
                MonthRange.of("2027-01", "2027-12"),
                new BigDecimal("2.00")),
            new RateCard("aws-card", "aws", MonthRange.of("2027-01", "2028-12"), BigDecimal.ZERO)),
        List.of(),
        new Policy(new BigDecimal("0.6"), Map.of("azure", new BigDecimal("0.5")), Set.of()));
  }

  static List<ChargeSum> charges() {
    return List.of(
        Charge.usage("Microsoft", "2027-01-10", "100.00", "90.00"),
        Charge.of("Microsoft", "2027-01-11", "Credit", null, null, "-10.00", "-10.00"),
        Charge.usage("Microsoft", "2027-02-05", "46.00", "40.00"),
        Charge.of("CoreWeave", "2027-01-20", "Usage", "res-1", "Used", "0", "480.00"),
        Charge.of("CoreWeave", "2027-01-20", "Usage", "res-1", "Unused", "0", "100.00"),
        Charge.usage("AWS", "2027-02-01", "60.00", "60.00"),
        Charge.usage("Microsoft", "2027-03-20", "999.00", "999.00")); // after as-of: ignored
  }

  private final DrawDownReport report =
      new CommitmentLedger(scenario()).report(charges(), LocalDate.parse("2027-03-15"));

  @Test
  void report_committedSpendIsDrawnByBilledUsageNotCredits() {
    ContractDrawDown deal = report.contracts().getFirst();

    assertThat(deal.contract()).isEqualTo("azure-deal");
    DrawDownLine y1 = deal.years().get(0);
    assertThat(y1.consumed()).isEqualByComparingTo("146.00");
    assertThat(y1.projected()).isEqualByComparingTo("730.00");
    assertThat(y1.projectedShortfall()).isEqualByComparingTo("270.00");
    // year 2 (2028, 366 days) has not started: 2.00 a day carried -> 732.00
    DrawDownLine y2 = deal.years().get(1);
    assertThat(y2.projected()).isEqualByComparingTo("732.00");
    assertThat(y2.projectedShortfall()).isEqualByComparingTo("1268.00");
    assertThat(deal.projectedAtTermEnd()).isEqualByComparingTo("1462.00");
    assertThat(deal.projectedShortfall()).isEqualByComparingTo("1538.00");
    assertThat(deal.remaining()).isEqualByComparingTo("2854.00");
  }

  @Test
  void report_reservationIsDrawnByItsUsedRowsOnly() {
    ContractDrawDown res = report.contracts().get(1);

    assertThat(res.kind()).isEqualTo("reserved-capacity");
    // 2 GPUs x 8,760 hours x 2.00
    assertThat(res.committed()).isEqualByComparingTo("35040.00");
    assertThat(res.consumed()).isEqualByComparingTo("480.00");
    assertThat(report.contracts()).hasSize(2); // the rate card is not drawn down
  }

  @Test
  void report_spendAndSharesPerProviderAgainstTheCap() {
    assertThat(report.spend())
        .extracting(MonthlySpend::provider, MonthlySpend::month, MonthlySpend::billed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "aws", YearMonth.of(2027, 2), new BigDecimal("60.00")),
            org.assertj.core.groups.Tuple.tuple(
                "azure", YearMonth.of(2027, 1), new BigDecimal("90.00")),
            org.assertj.core.groups.Tuple.tuple(
                "azure", YearMonth.of(2027, 2), new BigDecimal("46.00")),
            org.assertj.core.groups.Tuple.tuple(
                "coreweave", YearMonth.of(2027, 1), new BigDecimal("0")));
    // 2027: azure 136 of 196 = 0.6939 > its cap 0.5; aws 60 / 196 = 0.3061 under 0.6
    ProviderShare azure =
        report.shares().stream()
            .filter(s -> s.provider().equals("azure"))
            .findFirst()
            .orElseThrow();
    assertThat(azure.share()).isEqualTo(new BigDecimal("0.6939"));
    assertThat(azure.over()).isTrue();
    ProviderShare aws =
        report.shares().stream().filter(s -> s.provider().equals("aws")).findFirst().orElseThrow();
    assertThat(aws.share()).isEqualTo(new BigDecimal("0.3061"));
    assertThat(aws.over()).isFalse();
  }

  @Test
  void defaultAsOf_isTheDayAfterTheLastCharge() {
    assertThat(CommitmentLedger.defaultAsOf(java.util.Optional.of(LocalDate.parse("2027-03-20"))))
        .isEqualTo(LocalDate.parse("2027-03-21"));
  }
}
