package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Builds daily charges by hand for the ledger's unit tests. */
final class Charge {
  private Charge() {}

  static ChargeSum usage(String provider, String day, String billed, String effective) {
    return of(provider, day, "Usage", null, null, billed, effective);
  }

  static ChargeSum of(
      String provider,
      String day,
      String category,
      @Nullable String commitmentId,
      @Nullable String status,
      String billed,
      String effective) {
    LocalDate d = LocalDate.parse(day);
    return new ChargeSum(
        provider,
        d,
        category,
        commitmentId,
        status,
        new BigDecimal(billed),
        new BigDecimal(effective),
        BigDecimal.ZERO,
        1,
        d.atStartOfDay(),
        d.atStartOfDay().plusHours(1));
  }
}
