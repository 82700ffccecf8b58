package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.ledger.currency.Conversion;
import io.nuage.scenario.Currencies;
import io.nuage.scenario.ExchangeRate;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Currencies in the draw-down (docs/ledger-drawdown.md, section 2): never summed across currencies,
 * converted per currency-month sum with the scenario's rate, refused without one.
 */
class CurrencyLedgerTest {
  private static final LocalDate AS_OF = LocalDate.parse("2027-03-01");

  private static Scenario scenario(ExchangeRate... rates) {
    Scenario s = CommitmentLedgerTest.scenario();
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

  private static ExchangeRate rate(String currency, String month, String rate) {
    return new ExchangeRate(currency, YearMonth.parse(month), new BigDecimal(rate));
  }

  /** Two USD and two JPY usage rows of 1,000,000 each on azure in January 2027. */
  private static List<ChargeSum> mixed() {
    return List.of(
        Charge.row("Microsoft", "2027-01-05").billed("1000000").sum(),
        Charge.row("Microsoft", "2027-01-06").billed("1000000").sum(),
        Charge.row("Microsoft", "2027-01-07").billed("1000000").currency("JPY").sum(),
        Charge.row("Microsoft", "2027-01-08").billed("1000000").currency("JPY").sum());
  }

  @Test
  void drawDown_twoUsdAndTwoJpyRowsAreNeverSummedAsUsd() {
    // the bug of issue 11: these four rows were reported as 4,000,000 "USD"
    var e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                new CommitmentLedger(scenario(), "s.yaml").report(mixed(), List.of(), AS_OF, null));

    assertThat(e).isNotNull();
    assertThat(e.problems())
        .extracting(Problem::render)
        .containsExactly(
            "s.yaml: exchange-rates: no rate for JPY in 2027-01 (the ledger holds JPY charges in"
                + " that month; add e.g. {currency: JPY, month: 2027-01, rate: R}, R in USD per"
                + " JPY)");
  }

  @Test
  void drawDown_jpyConvertsWithItsMonthsRateExactly() {
    DrawDownReport r =
        new CommitmentLedger(scenario(rate("JPY", "2027-01", "0.0067")))
            .report(mixed(), List.of(), AS_OF, null);

    // USD as is; the JPY month sum 2,000,000 x 0.0067, rounded to the cent
    BigDecimal jpy =
        new BigDecimal("2000000")
            .multiply(new BigDecimal("0.0067"))
            .setScale(2, RoundingMode.HALF_EVEN);
    BigDecimal expected = new BigDecimal("2000000").add(jpy);
    assertThat(expected).isEqualByComparingTo("2013400.00");
    ContractDrawDown deal = r.contracts().getFirst();
    assertThat(deal.years().getFirst().consumed()).isEqualByComparingTo(expected);
    assertThat(r.spend().getFirst().billed()).isEqualByComparingTo(expected);
    assertThat(r.currency()).isEqualTo("USD");
    assertThat(r.conversions())
        .containsExactly(
            new Conversion(
                "JPY",
                YearMonth.of(2027, 1),
                new BigDecimal("2000000"),
                new BigDecimal("0.0067"),
                jpy));
  }

  @Test
  void drawDown_convertsEachCurrencyMonthSumOnceHalfEven() {
    // 1,005 JPY at 0.001 = 1.005: half-even to 1.00 (half-up would say 1.01); 1,015 -> 1.015 ->
    // 1.02
    var charges =
        List.of(
            Charge.row("Microsoft", "2027-01-05").billed("500").currency("JPY").sum(),
            Charge.row("Microsoft", "2027-01-06").billed("505").currency("JPY").sum(),
            Charge.row("Microsoft", "2027-02-06").billed("1015").currency("JPY").sum());
    DrawDownReport r =
        new CommitmentLedger(
                scenario(rate("JPY", "2027-01", "0.001"), rate("JPY", "2027-02", "0.001")))
            .report(charges, List.of(), AS_OF, null);

    assertThat(r.contracts().getFirst().consumed()).isEqualByComparingTo("2.02"); // 1.00 + 1.02
    assertThat(r.conversions())
        .extracting(Conversion::converted)
        .containsExactly(new BigDecimal("1.00"), new BigDecimal("1.02"));
  }

  @Test
  void drawDown_namesEveryCurrencyAndMonthWithoutARate() {
    var charges =
        List.of(
            Charge.row("Microsoft", "2027-01-05").billed("1").currency("JPY").sum(),
            Charge.row("Microsoft", "2027-02-05").billed("1").currency("JPY").sum(),
            Charge.row("AWS", "2027-02-05").billed("1").currency("EUR").sum());

    var e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                new CommitmentLedger(scenario(rate("JPY", "2027-01", "0.0067")), "s.yaml")
                    .report(charges, List.of(), AS_OF, null));

    assertThat(e.getMessage())
        .contains("no rate for EUR in 2027-02 ")
        .contains("no rate for JPY in 2027-02 ")
        .doesNotContain("2027-01,");
  }

  @Test
  void balance_isCheckedPerCurrencyNeverConverted() {
    var charges =
        List.of(
            Charge.row("AWS", "2027-01-01")
                .category("Purchase")
                .commitment("cd", null)
                .cost("100", "0")
                .currency("JPY")
                .sum(),
            Charge.row("AWS", "2027-01-01")
                .commitment("cd", "Used")
                .cost("0", "100")
                .currency("JPY")
                .sum(),
            Charge.row("AWS", "2027-01-01")
                .category("Purchase")
                .commitment("cd", null)
                .cost("1", "0")
                .sum(),
            Charge.row("AWS", "2027-01-01").commitment("cd", "Used").cost("0", "1").sum());
    DrawDownReport r =
        new CommitmentLedger(scenario(rate("JPY", "2027-01", "0.0067")))
            .report(charges, List.of(), AS_OF, null);

    assertThat(r.balances())
        .extracting(
            CommitmentBalance::currency, CommitmentBalance::used, CommitmentBalance::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "JPY", new BigDecimal("100"), CommitmentBalance.Verdict.BALANCED),
            org.assertj.core.groups.Tuple.tuple(
                "USD", new BigDecimal("1"), CommitmentBalance.Verdict.BALANCED));
    assertThat(Map.of()).isEmpty();
  }
}
