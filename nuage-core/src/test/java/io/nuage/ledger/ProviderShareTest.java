package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderShareTest {
  private static MonthlySpend spend(String provider, String month, String billed) {
    return new MonthlySpend(
        provider, YearMonth.parse(month), new BigDecimal(billed), BigDecimal.ZERO, BigDecimal.ZERO);
  }

  @Test
  void of_sharesPerCalendarYearAgainstTheCap() {
    // 2027: oci 200 + 400 = 600 of 1,000 (0.6000 > cap 0.5, over); aws 400 (0.4000).
    // 2028: oci 1 of 3 = 0.3333, aws 2 of 3 = 0.6667 (half-even at 4 decimals).
    var spend =
        List.of(
            spend("oci", "2027-01", "200"),
            spend("aws", "2027-02", "400"),
            spend("oci", "2027-12", "400"),
            spend("oci", "2028-01", "1"),
            spend("aws", "2028-03", "2"));

    List<ProviderShare> shares = ProviderShare.of(spend, p -> new BigDecimal("0.5"));

    assertThat(shares)
        .extracting(s -> s.year() + " " + s.provider() + " " + s.billed() + " " + s.share())
        .containsExactly(
            "2027 aws 400 0.4000", "2027 oci 600 0.6000", "2028 aws 2 0.6667", "2028 oci 1 0.3333");
    assertThat(shares).extracting(ProviderShare::over).containsExactly(false, true, true, false);
    assertThat(shares).extracting(ProviderShare::cap).containsOnly(new BigDecimal("0.5"));
  }

  @Test
  void of_shareExactlyAtTheCapIsNotOver() {
    var shares =
        ProviderShare.of(
            List.of(spend("oci", "2027-01", "50"), spend("aws", "2027-01", "50")),
            p -> new BigDecimal("0.5000"));
    assertThat(shares).extracting(ProviderShare::share).containsOnly(new BigDecimal("0.5000"));
    assertThat(shares).extracting(ProviderShare::over).containsOnly(false);
  }

  @Test
  void of_aYearWithNothingBilledHasZeroShares() {
    // A credit cancelling the usage: total 0, no division, share 0.0000, not over a zero cap.
    var shares =
        ProviderShare.of(
            List.of(spend("oci", "2027-01", "100"), spend("oci", "2027-02", "-100")),
            p -> BigDecimal.ZERO);
    assertThat(shares).hasSize(1);
    assertThat(shares.get(0).billed()).isEqualByComparingTo("0");
    assertThat(shares.get(0).share()).isEqualTo(new BigDecimal("0.0000"));
    assertThat(shares.get(0).over()).isFalse();
  }
}
