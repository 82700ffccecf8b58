package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Provider;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentBalanceTest {
  private final BillingProviders names = new BillingProviders(List.of(Provider.of("aws")));

  @Test
  void check_oneTimeYearPurchaseIsAmortisedOverTheUsageHour() {
    // 8,760.00 for 8,760 hours: one hour of usage owes 1.00, split 0.75 used / 0.25 unused.
    var purchase =
        new ChargeSum(
            "AWS",
            java.time.LocalDate.parse("2023-01-01"),
            "Purchase",
            "cd-1",
            null,
            new BigDecimal("8760.00"),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            1,
            LocalDateTime.parse("2023-01-01T00:00"),
            LocalDateTime.parse("2024-01-01T00:00"));
    var used = Charge.of("AWS", "2023-01-01", "Usage", "cd-1", "Used", "0", "0.75");
    var unused = Charge.of("AWS", "2023-01-01", "Usage", "cd-1", "Unused", "0", "0.25");

    CommitmentBalance b = CommitmentBalance.of(List.of(purchase, used, unused), names).getFirst();

    assertThat(b.provider()).isEqualTo("aws");
    assertThat(b.amortisedPurchase()).isEqualByComparingTo("1.00");
    assertThat(b.utilisation()).isEqualByComparingTo("0.75");
    assertThat(b.verdict()).isEqualTo(CommitmentBalance.Verdict.BALANCED);
  }

  @Test
  void check_usageAboveThePurchaseIsUnbalanced() {
    var purchase = Charge.of("AWS", "2023-01-01", "Purchase", "cd-1", null, "1.50", "0");
    var used = Charge.of("AWS", "2023-01-01", "Usage", "cd-1", "Used", "0", "1.51");

    CommitmentBalance b = CommitmentBalance.of(List.of(purchase, used), names).getFirst();

    assertThat(b.verdict()).isEqualTo(CommitmentBalance.Verdict.UNBALANCED);
  }

  @Test
  void check_withoutPurchaseOrUsageSaysSo() {
    var used = Charge.of("AWS", "2023-01-01", "Usage", "cd-1", "Used", "0", "1");
    var purchase = Charge.of("AWS", "2023-01-01", "Purchase", "cd-2", null, "1", "0");

    List<CommitmentBalance> b = CommitmentBalance.of(List.of(used, purchase), names);

    assertThat(b)
        .extracting(CommitmentBalance::verdict)
        .containsExactly(CommitmentBalance.Verdict.NO_PURCHASE, CommitmentBalance.Verdict.NO_USAGE);
    assertThat(b.get(1).utilisation()).isNull();
  }
}
