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

  private static ChargeSum purchase(String billed, String start, String end) {
    return new ChargeSum(
        "AWS",
        LocalDateTime.parse(start).toLocalDate(),
        "Purchase",
        "cd-1",
        null,
        new BigDecimal(billed),
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        1,
        LocalDateTime.parse(start),
        LocalDateTime.parse(end));
  }

  @Test
  void check_usageSpanRunsFromTheEarliestToTheLatestUsageRow() {
    // Rows listed latest first: the span is 2023-01-01T00:00 to 2023-01-03T01:00 = 49 h, so
    // 49 of the 8,760 hourly 1.00s are owed; 30 used + 19 unused = 49: balanced, 30/49 = 0.6122.
    var used = Charge.of("AWS", "2023-01-03", "Usage", "cd-1", "Used", "0", "30");
    var unused = Charge.of("AWS", "2023-01-01", "Usage", "cd-1", "Unused", "0", "19");
    var year = purchase("8760.00", "2023-01-01T00:00", "2024-01-01T00:00");

    CommitmentBalance b = CommitmentBalance.of(List.of(used, unused, year), names).getFirst();

    assertThat(b.amortisedPurchase()).isEqualByComparingTo("49.00");
    assertThat(b.used()).isEqualByComparingTo("30");
    assertThat(b.unused()).isEqualByComparingTo("19");
    assertThat(b.utilisation()).isEqualTo(new BigDecimal("0.6122"));
    assertThat(b.verdict()).isEqualTo(CommitmentBalance.Verdict.BALANCED);
  }

  @Test
  void amortise_cutsThePurchaseToItsOverlapWithTheUsageSpan() {
    // 24.00 over one day; usage from the day before to 01:00: 1 h of overlap owes 1.00.
    var day = purchase("24.00", "2023-01-01T00:00", "2023-01-02T00:00");
    assertThat(
            CommitmentBalance.amortise(
                day,
                LocalDateTime.parse("2022-12-31T00:00"),
                LocalDateTime.parse("2023-01-01T01:00")))
        .isEqualByComparingTo("1.00");
    // usage wholly after the purchase span: nothing owed
    assertThat(
            CommitmentBalance.amortise(
                day,
                LocalDateTime.parse("2023-01-05T00:00"),
                LocalDateTime.parse("2023-01-06T00:00")))
        .isEqualByComparingTo("0");
    // usage covering exactly the span: the billed amount as billed, not re-divided
    assertThat(
            CommitmentBalance.amortise(
                day,
                LocalDateTime.parse("2023-01-01T00:00"),
                LocalDateTime.parse("2023-01-02T00:00")))
        .isEqualTo(new BigDecimal("24.00"));
  }

  @Test
  void amortise_aPurchaseWithoutDurationIsOwedWhole() {
    var instant = purchase("5.00", "2023-01-01T00:00", "2023-01-01T00:00");
    assertThat(
            CommitmentBalance.amortise(
                instant,
                LocalDateTime.parse("2023-01-01T00:00"),
                LocalDateTime.parse("2023-01-01T01:00")))
        .isEqualTo(new BigDecimal("5.00"));
  }

  @Test
  void check_creditsCarryingACommitmentStatusDoNotDrawItDown() {
    var purchase = Charge.of("AWS", "2023-01-01", "Purchase", "cd-1", null, "1.00", "0");
    var used = Charge.of("AWS", "2023-01-01", "Usage", "cd-1", "Used", "0", "1.00");
    var credit = Charge.of("AWS", "2023-01-01", "Credit", "cd-1", "Used", "0", "-0.40");

    CommitmentBalance b = CommitmentBalance.of(List.of(purchase, used, credit), names).getFirst();

    assertThat(b.used()).isEqualByComparingTo("1.00");
    assertThat(b.verdict()).isEqualTo(CommitmentBalance.Verdict.BALANCED);
  }

  @Test
  void balanced_onlyAnUnbalancedCommitmentFailsTheReport() {
    // cd-1 has no purchase (cannot be checked), cd-2 balances 1.50 = 1.50, cd-3 owes 1.00 but
    // drew 1.01.
    var rows =
        new java.util.ArrayList<>(
            List.of(
                Charge.of("AWS", "2023-01-01", "Usage", "cd-1", "Used", "0", "9"),
                Charge.of("AWS", "2023-01-01", "Purchase", "cd-2", null, "1.50", "0"),
                Charge.of("AWS", "2023-01-01", "Usage", "cd-2", "Used", "0", "1.50")));
    var fine =
        new DrawDownReport(
            java.time.LocalDate.parse("2023-02-01"),
            List.of(),
            List.of(),
            List.of(),
            CommitmentBalance.of(rows, names));
    assertThat(fine.balanced()).isTrue();

    rows.add(Charge.of("AWS", "2023-01-01", "Purchase", "cd-3", null, "1.00", "0"));
    rows.add(Charge.of("AWS", "2023-01-01", "Usage", "cd-3", "Unused", "0", "1.01"));
    var off =
        new DrawDownReport(
            java.time.LocalDate.parse("2023-02-01"),
            List.of(),
            List.of(),
            List.of(),
            CommitmentBalance.of(rows, names));
    assertThat(off.balances())
        .extracting(CommitmentBalance::verdict)
        .containsExactly(
            CommitmentBalance.Verdict.NO_PURCHASE,
            CommitmentBalance.Verdict.BALANCED,
            CommitmentBalance.Verdict.UNBALANCED);
    assertThat(off.balanced()).isFalse();
  }
}
