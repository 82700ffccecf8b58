package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Catalog;
import io.nuage.contract.BillingIds;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.core.MonthRange;
import io.nuage.ledger.matching.MatchRule;
import io.nuage.ledger.matching.MatchedAmount;
import io.nuage.ledger.matching.ProviderSpend;
import io.nuage.ledger.projection.YearStatus;
import io.nuage.scenario.Currencies;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The draw-down of a small scenario from hand-made charges; figures computed by hand. */
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
                "coreweave/us-east",
                "H100",
                2,
                MonthRange.of("2027-01", "2027-12"),
                new BigDecimal("2.00")),
            new RateCard("aws-card", "aws", MonthRange.of("2027-01", "2028-12"), BigDecimal.ZERO)),
        List.of(),
        new Policy(new BigDecimal("0.6"), Map.of("azure", new BigDecimal("0.5")), Set.of()),
        Currencies.USD,
        Map.of(
            "res-1",
            new BillingIds(List.of(), List.of("cw-res-1"), List.of("cw-acct"), List.of())));
  }

  static List<ChargeSum> charges() {
    return List.of(
        Charge.usage("Microsoft", "2027-01-10", "100.00", "90.00"),
        Charge.of("Microsoft", "2027-01-11", "Credit", null, null, "-10.00", "-10.00"),
        Charge.usage("Microsoft", "2027-02-05", "46.00", "40.00"),
        // the reservation's used hours (by its commitment id) and its waste (never drawn)
        Charge.row("CoreWeave", "2027-01-20")
            .commitment("cw-res-1", "Used")
            .cost("0", "480.00")
            .gpuHours("240")
            .sum(),
        Charge.row("CoreWeave", "2027-01-20")
            .commitment("cw-res-1", "Unused")
            .cost("0", "100.00")
            .gpuHours("50")
            .sum(),
        // on demand at another region of its account: not the reservation's
        Charge.row("CoreWeave", "2027-02-01")
            .account("cw-acct")
            .at("us-west", "H100")
            .billed("30.00")
            .gpuHours("10")
            .sum(),
        Charge.usage("AWS", "2027-02-01", "60.00", "60.00"),
        Charge.usage("Microsoft", "2027-03-20", "999.00", "999.00")); // after as-of: ignored
  }

  private final DrawDownReport report =
      new CommitmentLedger(scenario()).report(charges(), LocalDate.parse("2027-03-15"));

  @Test
  void report_committedSpendIsDrawnByBilledUsageNotCredits() {
    ContractDrawDown deal = report.contracts().getFirst();

    assertThat(deal.contract()).isEqualTo("azure-deal");
    assertThat(deal.unit()).isEqualTo("USD");
    DrawDownLine y1 = deal.years().get(0);
    assertThat(y1.consumed()).isEqualByComparingTo("146.00");
    assertThat(y1.projected()).isEqualByComparingTo("730.00");
    assertThat(y1.projectedShortfall()).isEqualByComparingTo("270.00");
    // year 2 (2028) has not started: no run-rate projection, no shortfall
    DrawDownLine y2 = deal.years().get(1);
    assertThat(y2.status()).isEqualTo(YearStatus.NOT_STARTED);
    assertThat(y2.projected()).isNull();
    assertThat(y2.projectedShortfall()).isNull();
    assertThat(deal.projectedAtTermEnd()).isNull();
    assertThat(deal.projectedShortfall()).isEqualByComparingTo("270.00");
    assertThat(deal.remaining()).isEqualByComparingTo("2854.00");
    assertThat(deal.matched())
        .containsExactly(new MatchedAmount(MatchRule.PROVIDER_NAME, new BigDecimal("146.00")));
  }

  @Test
  void report_reservationIsDrawnByTheGpuHoursOfItsUsedRows() {
    ContractDrawDown res = report.contracts().get(1);

    assertThat(res.kind()).isEqualTo("reserved-capacity");
    assertThat(res.unit()).isEqualTo(ContractDrawDown.GPU_HOURS);
    assertThat(res.pricePerUnit()).isEqualByComparingTo("2.00");
    // 2 GPUs x 8,760 hours
    assertThat(res.committed()).isEqualByComparingTo("17520");
    assertThat(res.consumed()).isEqualByComparingTo("240");
    assertThat(res.matched())
        .containsExactly(new MatchedAmount(MatchRule.IDS, new BigDecimal("240")));
  }

  @Test
  void report_unmatchedUsageIsListedByProvider() {
    // coreweave's us-west hours are on its reservation's account but at another region
    assertThat(report.unmatched())
        .containsExactly(
            new ProviderSpend("coreweave", new BigDecimal("30.00"), new BigDecimal("30.00"), 1));
    ContractDrawDown card = report.contracts().get(2);
    assertThat(card.kind()).isEqualTo("rate-card");
    assertThat(card.years()).isEmpty();
    assertThat(card.consumed()).isEqualByComparingTo("60.00"); // matched, not drawn
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
                "coreweave", YearMonth.of(2027, 1), new BigDecimal("0")),
            org.assertj.core.groups.Tuple.tuple(
                "coreweave", YearMonth.of(2027, 2), new BigDecimal("30.00")));
    // 2027: azure 136 of 226 = 0.6018 > its cap 0.5; aws 60 / 226 = 0.2655 under 0.6
    ProviderShare azure =
        report.shares().stream()
            .filter(s -> s.provider().equals("azure"))
            .findFirst()
            .orElseThrow();
    assertThat(azure.share()).isEqualTo(new BigDecimal("0.6018"));
    assertThat(azure.over()).isTrue();
    ProviderShare aws =
        report.shares().stream().filter(s -> s.provider().equals("aws")).findFirst().orElseThrow();
    assertThat(aws.share()).isEqualTo(new BigDecimal("0.2655"));
    assertThat(aws.over()).isFalse();
  }

  @Test
  void asOfAfter_isTheEndOfWhatWasBilledRoundedUpToADay() {
    assertThat(CommitmentLedger.asOfAfter(Optional.of(LocalDateTime.parse("2027-07-01T00:00"))))
        .isEqualTo(LocalDate.parse("2027-07-01"));
    assertThat(CommitmentLedger.asOfAfter(Optional.of(LocalDateTime.parse("2027-06-15T13:00"))))
        .isEqualTo(LocalDate.parse("2027-06-16"));
  }

  @Test
  void report_chargeDrawsTheContractYearItFallsIn() {
    // As of 2028-03-01: year 1 (2027) finished with 100.00; year 2 (2028, 366 days) has 50.00
    // over 60 days (31 + 29) = 0.8333333333 a day, 306 days left -> 50 + 254.9999999898 = 305.00.
    var charges =
        List.of(
            Charge.usage("Microsoft", "2027-01-10", "100.00", "100.00"),
            Charge.usage("Microsoft", "2028-02-10", "50.00", "50.00"));

    ContractDrawDown deal =
        new CommitmentLedger(scenario())
            .report(charges, LocalDate.parse("2028-03-01"))
            .contracts()
            .getFirst();

    assertThat(deal.years().get(0).consumed()).isEqualByComparingTo("100.00");
    assertThat(deal.years().get(0).status()).isEqualTo(YearStatus.CLOSED);
    assertThat(deal.years().get(0).projectedShortfall()).isEqualByComparingTo("900.00");
    assertThat(deal.years().get(1).consumed()).isEqualByComparingTo("50.00");
    assertThat(deal.years().get(1).elapsedDays()).isEqualTo(60);
    assertThat(deal.years().get(1).projected()).isEqualByComparingTo("305.00");
    assertThat(deal.years().get(1).projectedShortfall()).isEqualByComparingTo("1695.00");
  }
}
