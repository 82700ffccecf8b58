package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractRateTest {
  private final List<ContractRate> rates = ContractRate.of(CommitmentLedgerTest.scenario());

  @Test
  void of_reservationFirstThenDealThenRateCard() {
    assertThat(rates)
        .extracting(ContractRate::contract)
        .containsExactly("res-1", "azure-deal", "aws-card");
    assertThat(rates.getFirst().commitmentDiscountId()).isEqualTo("res-1");
  }

  @Test
  void expected_discountOnListAndPricePerHour() {
    // 20% off 0.085 list = 0.068; 3 GPU-hours at 2.00 = 6.00; per-hour rate cannot price GB
    assertThat(rates.get(1).expected(new BigDecimal("0.085"), null, null))
        .isEqualByComparingTo("0.068");
    assertThat(rates.get(0).expected(BigDecimal.TEN, new BigDecimal("3"), "Hours"))
        .isEqualByComparingTo("6.00");
    assertThat(rates.get(0).expected(BigDecimal.TEN, new BigDecimal("3"), "GB")).isNull();
  }

  @Test
  void overbilled_onlyAboveHalfACent() {
    assertThat(ContractRate.overbilled(new BigDecimal("1.005"), BigDecimal.ONE)).isFalse();
    assertThat(ContractRate.overbilled(new BigDecimal("1.0051"), BigDecimal.ONE)).isTrue();
  }
}
