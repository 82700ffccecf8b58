package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractRateTest {
  private final List<ContractRate> rates = ContractRate.of(CommitmentLedgerTest.scenario());

  @Test
  void of_reservationFirstThenDealThenRateCard() {
    // the reservation covers its own id and the commitment id its bills carry (cw-res-1)
    assertThat(rates)
        .extracting(ContractRate::contract)
        .containsExactly("res-1", "res-1", "azure-deal", "aws-card");
    assertThat(rates)
        .extracting(ContractRate::commitmentDiscountId)
        .containsExactly("res-1", "cw-res-1", null, null);
  }

  @Test
  void expected_discountOnListAndPricePerHour() {
    // 20% off 0.085 list = 0.068; 3 GPU-hours at 2.00 = 6.00; per-hour rate cannot price GB
    assertThat(rates.get(2).expected(new BigDecimal("0.085"), null, null))
        .isEqualByComparingTo("0.068");
    assertThat(rates.get(0).expected(BigDecimal.TEN, new BigDecimal("3"), "Hours"))
        .isEqualByComparingTo("6.00");
    assertThat(rates.get(0).expected(BigDecimal.TEN, new BigDecimal("3"), "GB")).isNull();
  }

  @Test
  void aRateTheReconciliationCannotHoldExactly_isRefused() {
    java.time.LocalDate d = java.time.LocalDate.of(2027, 1, 1);
    assertThat(new ContractRate("k", "p", d, d, null, 2, new BigDecimal("0.25"), null).factor())
        .isEqualByComparingTo("0.75");
    assertThat(
            new ContractRate("k", "p", d, d, "r", 0, null, new BigDecimal("999999999.5")).factor())
        .isEqualByComparingTo("999999999.5");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new ContractRate("k", "p", d, d, "r", 0, null, BigDecimal.TEN.pow(9)))
        .withMessageContaining("below 10^9");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new ContractRate("k", "p", d, d, null, 2, new BigDecimal("0.1234567891"), null))
        .withMessageContaining("9 decimal places");
  }

  @Test
  void overbilled_onlyAboveHalfACent() {
    assertThat(ContractRate.overbilled(new BigDecimal("1.005"), BigDecimal.ONE)).isFalse();
    assertThat(ContractRate.overbilled(new BigDecimal("1.0051"), BigDecimal.ONE)).isTrue();
  }
}
