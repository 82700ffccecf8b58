package io.nuage.ledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.ledger.PlannedUsage;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a plan bills, summed from the generator's rows (docs/ledger-drawdown.md, section 8), on a
 * plan that places nothing in the five-provider scenario: what is left is the scenario's own
 * charges, each checked against its contract by hand.
 */
class PlannedBillsTest {
  static final Scenario SCENARIO =
      ScenarioParser.parse(
          SharedData.repo().resolve("nuage-app/src/test/resources/billing/five-providers.yaml"));
  static final PlannedBills EMPTY =
      new PlannedBills(
          SCENARIO,
          "five-providers.yaml",
          new BillablePlan("p.json", "five-providers", List.of(), List.of()));

  static PlannedUsage at(List<PlannedUsage> planned, String provider, YearMonth m) {
    return planned.stream()
        .filter(p -> p.provider().equals(provider) && p.month().equals(m))
        .findFirst()
        .orElseThrow(() -> new AssertionError(provider + " " + m + " not billed"));
  }

  @Test
  void aTakeOrPayYearWithNothingConsumed_billsItsWholeMinimumOnItsLastDay() {
    CommittedSpend deal = SCENARIO.contracts(CommittedSpend.class).getFirst();
    YearMonth dec = YearMonth.of(2027, 12);

    List<PlannedUsage> whole = EMPTY.before(LocalDate.of(2028, 1, 1));
    List<PlannedUsage> lastDayNotYet = EMPTY.before(LocalDate.of(2027, 12, 31));

    assertThat(at(whole, "oci", dec).parts().trueUp())
        .isEqualByComparingTo(deal.yearlyMinimums().getFirst());
    assertThat(at(whole, "oci", dec).spend())
        .isEqualByComparingTo(deal.yearlyMinimums().getFirst());
    // the true-up is billed on the year's last day: not before it
    assertThat(lastDayNotYet.stream().filter(p -> p.provider().equals("oci"))).isEmpty();
    assertThat(whole.stream().filter(p -> p.provider().equals("oci"))).hasSize(1);
  }

  @Test
  void aReservationBillsItsFeeEveryDayWhetherUsedOrNot() {
    ReservedCapacity r = SCENARIO.contracts(ReservedCapacity.class).getFirst();
    List<PlannedUsage> planned = EMPTY.before(LocalDate.of(2027, 2, 11));

    // January whole, February's first 10 days: GPUs x 24 h x days x price
    assertThat(at(planned, "nebius", YearMonth.of(2027, 1)).parts().reservedFees())
        .isEqualByComparingTo(
            BigDecimal.valueOf(r.gpus() * 24L * 31).multiply(r.pricePerGpuHour()));
    assertThat(at(planned, "nebius", YearMonth.of(2027, 2)).parts().reservedFees())
        .isEqualByComparingTo(
            BigDecimal.valueOf(r.gpus() * 24L * 10).multiply(r.pricePerGpuHour()));
    assertThat(at(planned, "nebius", YearMonth.of(2027, 2)).gpuHours()).isZero();
    assertThat(at(planned, "nebius", YearMonth.of(2027, 2)).parts().usage()).isZero();
  }

  @Test
  void beforeTheHorizon_nothingIsBilled() {
    assertThat(EMPTY.before(LocalDate.of(2027, 1, 1))).isEmpty();
    assertThat(EMPTY.before(LocalDate.of(2026, 6, 1))).isEmpty();
  }
}
