package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.ledger.matching.MatchRule;
import io.nuage.ledger.matching.MatchedAmount;
import io.nuage.scenario.Currencies;
import io.nuage.scenario.ExchangeRate;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Take-or-pay true-ups in the draw-down (docs/ledger-drawdown.md, section 1, "Take-or-pay
 * true-ups"): matched to their contract, counted as the year's true-up, never as its consumption;
 * converted once per currency-month. The scenario is {@link CommitmentLedgerTest#scenario()}:
 * azure-deal, take-or-pay, minimum 1,000.00 in 2027 (its year 1).
 */
class TrueUpLedgerTest {
  private static final LocalDate AFTER_YEAR_1 = LocalDate.parse("2028-01-01");
  private static final ChargeSum.AppliedId DEAL = new ChargeSum.AppliedId(null, "azure-deal");

  /** Charges applied to azure-deal by ContractApplied, and those among them that are true-ups. */
  private static final class Bills {
    final List<ChargeSum> charges = new ArrayList<>();
    final List<AppliedSum> applied = new ArrayList<>();
    final List<ChargeSum> trueUpCharges = new ArrayList<>();
    final List<AppliedSum> trueUpApplied = new ArrayList<>();

    Bills usage(String day, String amount, String currency) {
      add(day, amount, currency, false);
      return this;
    }

    Bills trueUp(String day, String amount, String currency) {
      add(day, amount, currency, true);
      return this;
    }

    private void add(String day, String amount, String currency, boolean trueUp) {
      ChargeSum c =
          Charge.row("Microsoft", day)
              .billed(amount)
              .currency(currency)
              .applied(null, "azure-deal")
              .sum();
      AppliedSum a =
          new AppliedSum(
              "Microsoft",
              LocalDate.parse(day),
              currency,
              DEAL,
              null,
              new BigDecimal(amount),
              BigDecimal.ZERO);
      charges.add(c);
      applied.add(a);
      if (trueUp) {
        trueUpCharges.add(c);
        trueUpApplied.add(a);
      }
    }

    DrawDownReport report(Scenario scenario) {
      return new CommitmentLedger(scenario, "s.yaml")
          .report(
              charges,
              applied,
              new TrueUpCharges(trueUpCharges, trueUpApplied),
              AFTER_YEAR_1,
              null);
    }
  }

  private static ContractDrawDown deal(DrawDownReport r) {
    return r.contracts().stream()
        .filter(c -> c.contract().equals("azure-deal"))
        .findFirst()
        .orElseThrow();
  }

  private static BigDecimal matched(ContractDrawDown c, MatchRule rule) {
    return c.matched().stream()
        .filter(m -> m.rule() == rule)
        .map(MatchedAmount::amount)
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }

  @Test
  void closedYear_shortAndPaidByATrueUp_isShortNotMet() {
    // 600.00 of usage against the 1,000.00 minimum, then the 400.00 shortfall billed on 31 December
    DrawDownReport r =
        new Bills()
            .usage("2027-03-10", "600.00", "USD")
            .trueUp("2027-12-31", "400.00", "USD")
            .report(CommitmentLedgerTest.scenario());

    ContractDrawDown deal = deal(r);
    DrawDownLine y1 = deal.years().get(0);
    assertThat(y1.consumed()).isEqualByComparingTo("600.00");
    assertThat(y1.trueUp()).isEqualByComparingTo("400.00");
    assertThat(y1.projectedShortfall()).isEqualByComparingTo("400.00");
    assertThat(y1.settlement()).isEqualTo(Settlement.SHORT_PAID);
    assertThat(y1.trueUpDifference()).isEqualByComparingTo("0.00");
    // matched, not dropped: the rule's figure holds every dollar, consumed + true-up
    assertThat(matched(deal, MatchRule.CONTRACT_APPLIED)).isEqualByComparingTo("1000.00");
    assertThat(deal.trueUp()).isEqualByComparingTo("400.00");
    assertThat(r.unmatched()).isEmpty();
    assertThat(r.outsideContracts()).isEmpty();
    // still spend (it was billed), and marked as the true-up part of its month
    MonthlySpend december =
        r.spend().stream()
            .filter(s -> s.month().equals(YearMonth.of(2027, 12)))
            .findFirst()
            .orElseThrow();
    assertThat(december.billed()).isEqualByComparingTo("400.00");
    assertThat(december.trueUp()).isEqualByComparingTo("400.00");
    // year 2 has not started: no settlement
    assertThat(deal.years().get(1).settlement()).isNull();
  }

  @Test
  void closedYear_settlementSaysWhetherTheTrueUpPaidTheShortfall() {
    Scenario s = CommitmentLedgerTest.scenario();
    DrawDownLine under =
        deal(new Bills()
                .usage("2027-03-10", "600.00", "USD")
                .trueUp("2027-12-31", "300.00", "USD")
                .report(s))
            .years()
            .get(0);
    assertThat(under.settlement()).isEqualTo(Settlement.SHORT_UNDERPAID);
    assertThat(under.trueUpDifference()).isEqualByComparingTo("-100.00");

    DrawDownLine none =
        deal(new Bills().usage("2027-03-10", "600.00", "USD").report(s)).years().get(0);
    assertThat(none.settlement()).isEqualTo(Settlement.SHORT_UNPAID);
    assertThat(none.trueUp()).isEqualByComparingTo("0");
    assertThat(none.trueUpDifference()).isEqualByComparingTo("-400.00");

    DrawDownLine met =
        deal(new Bills().usage("2027-03-10", "1000.00", "USD").report(s)).years().get(0);
    assertThat(met.settlement()).isEqualTo(Settlement.MET);
    assertThat(met.trueUpDifference()).isEqualByComparingTo("0.00");

    DrawDownLine over =
        deal(new Bills()
                .usage("2027-03-10", "1000.00", "USD")
                .trueUp("2027-12-31", "50.00", "USD")
                .report(s))
            .years()
            .get(0);
    assertThat(over.consumed()).isEqualByComparingTo("1000.00");
    assertThat(over.settlement()).isEqualTo(Settlement.OVERPAID);
    assertThat(over.trueUpDifference()).isEqualByComparingTo("50.00");
  }

  @Test
  void jpyTrueUp_isConvertedOncePerCurrencyMonth_apartFromTheUsageOfItsMonth() {
    // December 2027: 10,001 JPY of usage and a 50,001 JPY true-up, at 0.0067 USD per JPY
    Scenario s =
        withRates(
            CommitmentLedgerTest.scenario(),
            new ExchangeRate("JPY", YearMonth.of(2027, 12), new BigDecimal("0.0067")));
    DrawDownReport r =
        new Bills()
            .usage("2027-03-10", "600.00", "USD")
            .usage("2027-12-05", "10001", "JPY")
            .trueUp("2027-12-31", "50001", "JPY")
            .report(s);

    BigDecimal usageJpy = usd("10001", "0.0067"); // 67.0067 -> 67.01
    BigDecimal trueUpJpy = usd("50001", "0.0067"); // 335.0067 -> 335.01
    DrawDownLine y1 = deal(r).years().get(0);
    assertThat(y1.consumed()).isEqualByComparingTo(new BigDecimal("600.00").add(usageJpy));
    assertThat(y1.consumed()).isEqualByComparingTo("667.01");
    assertThat(y1.trueUp()).isEqualByComparingTo(trueUpJpy).isEqualByComparingTo("335.01");
    // shortfall 1,000.00 - 667.01 = 332.99; the true-up converts to 335.01: 2.02 above it
    assertThat(y1.projectedShortfall()).isEqualByComparingTo("332.99");
    assertThat(y1.settlement()).isEqualTo(Settlement.OVERPAID);
    assertThat(y1.trueUpDifference()).isEqualByComparingTo("2.02");
    // the month's spend: its JPY sum converted once (60,002 x 0.0067 = 402.0134 -> 402.01), its
    // true-up part converted once on its own, never subtracted from it as if it were USD
    MonthlySpend december =
        r.spend().stream()
            .filter(m -> m.month().equals(YearMonth.of(2027, 12)))
            .findFirst()
            .orElseThrow();
    assertThat(december.billed()).isEqualByComparingTo(usd("60002", "0.0067"));
    assertThat(december.trueUp()).isEqualByComparingTo("335.01");
    assertThat(r.conversions()).hasSize(1);
  }

  @Test
  void replanFixedPast_readsTheSameFigures_theJpyTrueUpConvertedOnce_neverAsUsd() {
    // before the fix the re-plan summed the tagged rows' BilledCost (50,001 JPY) and took it off
    // USD figures as if it were USD
    Scenario s =
        withRates(
            CommitmentLedgerTest.scenario(),
            new ExchangeRate("JPY", YearMonth.of(2027, 12), new BigDecimal("0.0067")));
    Bills bills =
        new Bills()
            .usage("2027-03-10", "600.00", "USD")
            .usage("2027-12-05", "10001", "JPY")
            .trueUp("2027-12-31", "50001", "JPY");
    DrawDownReport asOf = bills.report(s);
    DrawDownReport atStart =
        new CommitmentLedger(s)
            .report(
                bills.charges,
                bills.applied,
                new TrueUpCharges(bills.trueUpCharges, bills.trueUpApplied),
                LocalDate.parse("2027-01-01"),
                null);
    BigDecimal zero = BigDecimal.ZERO;
    var previous =
        new io.nuage.plan.replan.PreviousPlan(
            "previous",
            s.name(),
            "OPTIMAL",
            zero,
            new io.nuage.plan.CostBreakdown(zero, zero, zero, zero, zero, zero),
            List.of(),
            List.of(),
            List.of(),
            null);

    var past =
        io.nuage.plan.replan.FixedPasts.from(s, YearMonth.of(2028, 1), asOf, atStart, previous);

    // the year's consumption is the ledger's: 600.00 + 67.01, its true-up apart
    assertThat(past.consumed()).hasSize(1);
    assertThat(past.consumed().get(0).contract()).isEqualTo("azure-deal");
    assertThat(past.consumed().get(0).year()).isZero();
    assertThat(past.consumed().get(0).amount())
        .isEqualByComparingTo(deal(asOf).years().get(0).consumed())
        .isEqualByComparingTo("667.01");
    // December's spend: 402.01 billed less the 335.01 true-up, both converted once
    var december =
        past.spend().stream()
            .filter(a -> a.month().equals(YearMonth.of(2027, 12)))
            .findFirst()
            .orElseThrow();
    assertThat(december.amount())
        .isEqualByComparingTo(usd("60002", "0.0067").subtract(usd("50001", "0.0067")));
    assertThat(december.amount()).isEqualByComparingTo("67.00");
  }

  @Test
  void jpyTrueUp_withoutARate_isRefusedNamingTheCurrencyAndMonth() {
    var e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                new Bills()
                    .usage("2027-03-10", "600.00", "USD")
                    .trueUp("2027-12-31", "50001", "JPY")
                    .report(CommitmentLedgerTest.scenario()));

    assertThat(e).isNotNull();
    assertThat(e.problems())
        .extracting(Problem::render)
        .containsExactly(
            "s.yaml: exchange-rates: no rate for JPY in 2027-12 (the ledger holds JPY charges in"
                + " that month; add e.g. {currency: JPY, month: 2027-12, rate: R}, R in USD per"
                + " JPY)");
  }

  private static BigDecimal usd(String jpy, String rate) {
    return new BigDecimal(jpy).multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static Scenario withRates(Scenario s, ExchangeRate... rates) {
    return new Scenario(
        s.name(),
        s.horizon(),
        s.catalog(),
        s.capacity(),
        s.contracts(),
        s.workloads(),
        s.policy(),
        new Currencies("USD", List.of(rates)),
        s.billing());
  }

  @Test
  void trueUpAndLateUsage_billedAfterTheYear_belongToTheYearTheirCommitmentNames() {
    // regression: providers bill a shortfall after the year ends; placed by its ChargePeriodStart,
    // January's true-up of year 1 went to year 2 (year 1 "short-unpaid", year 2 later "overpaid")
    Scenario base = CommitmentLedgerTest.scenario();
    Map<String, io.nuage.contract.BillingIds> billing = new java.util.HashMap<>(base.billing());
    billing.put(
        "azure-deal",
        new io.nuage.contract.BillingIds(
            List.of(), List.of("AZ-Y1", "AZ-Y2"), List.of(), List.of()));
    Scenario s =
        new Scenario(
            base.name(),
            base.horizon(),
            base.catalog(),
            base.capacity(),
            base.contracts(),
            base.workloads(),
            base.policy(),
            base.currencies(),
            billing);
    List<ChargeSum> charges = new ArrayList<>();
    List<AppliedSum> applied = new ArrayList<>();
    List<ChargeSum> trueUps = new ArrayList<>();
    List<AppliedSum> trueUpApplied = new ArrayList<>();
    String[][] rows = {
      // day, amount, commitment, true-up?
      {"2027-06-01", "550.00", "AZ-Y1", "no"},
      {"2028-01-05", "50.00", "AZ-Y1", "no"}, // December's usage, billed late, applied to Y1
      {"2028-01-20", "400.00", "AZ-Y1", "yes"}, // year 1's true-up
      {"2028-01-10", "300.00", "AZ-Y2", "no"},
    };
    for (String[] r : rows) {
      ChargeSum c = Charge.row("Microsoft", r[0]).billed(r[1]).applied(null, r[2]).sum();
      AppliedSum a =
          new AppliedSum(
              "Microsoft",
              LocalDate.parse(r[0]),
              "USD",
              new ChargeSum.AppliedId(null, r[2]),
              null,
              new BigDecimal(r[1]),
              BigDecimal.ZERO);
      charges.add(c);
      applied.add(a);
      if (r[3].equals("yes")) {
        trueUps.add(c);
        trueUpApplied.add(a);
      }
    }

    DrawDownReport r =
        new CommitmentLedger(s, "s.yaml")
            .report(
                charges,
                applied,
                new TrueUpCharges(trueUps, trueUpApplied),
                LocalDate.parse("2028-02-01"),
                null);

    DrawDownLine y1 = deal(r).years().get(0);
    assertThat(y1.consumed()).isEqualByComparingTo("600.00"); // 550.00 + the late 50.00
    assertThat(y1.trueUp()).isEqualByComparingTo("400.00");
    assertThat(y1.settlement()).isEqualTo(Settlement.SHORT_PAID);
    DrawDownLine y2 = deal(r).years().get(1);
    assertThat(y2.consumed()).isEqualByComparingTo("300.00");
    assertThat(y2.trueUp()).isEqualByComparingTo("0");
  }
}
