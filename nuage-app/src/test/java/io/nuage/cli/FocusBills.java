package io.nuage.cli;

import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * FOCUS bills written by hand for tests: one Usage row per provider and month, billed for the whole
 * month, made from the FinOps Foundation sample's first AWS usage row (so every mandatory column
 * holds what a real export holds) with the provider, period and cost replaced.
 */
public final class FocusBills {
  private FocusBills() {}

  /** One month of one provider, billed {@code amount} (its list and effective cost too). */
  public record Bill(
      String providerName, LocalDateTime start, LocalDateTime end, BigDecimal amount) {
    public Bill(String providerName, YearMonth month, BigDecimal amount) {
      this(
          providerName,
          month.atDay(1).atStartOfDay(),
          month.plusMonths(1).atDay(1).atStartOfDay(),
          amount);
    }
  }

  public static Path write(Path out, List<Bill> bills) throws Exception {
    Path sample = SharedData.file(IngestSampleTest.SAMPLE);
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < bills.size(); i++) {
      Bill b = bills.get(i);
      values
          .append(i == 0 ? "" : ",")
          .append("(")
          .append(i)
          .append(",'")
          .append(b.providerName())
          .append("','")
          .append(b.amount().toPlainString())
          .append("','")
          .append(b.start().toLocalDate())
          .append(' ')
          .append(b.start().toLocalTime())
          .append(":00','")
          .append(b.end().toLocalDate())
          .append(' ')
          .append(b.end().toLocalTime())
          .append(":00')");
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT t.* REPLACE (v.p AS ProviderName, v.b AS BilledCost, v.b AS EffectiveCost,"
              + " v.b AS ListCost, v.b AS ContractedCost, v.s AS ChargePeriodStart,"
              + " v.e AS ChargePeriodEnd, v.s AS BillingPeriodStart, v.e AS BillingPeriodEnd,"
              + " 'bill-' || v.n AS ResourceId, NULL AS CommitmentDiscountId,"
              + " NULL AS CommitmentDiscountStatus) FROM (SELECT * FROM read_csv('"
              + sample.toString().replace("'", "''")
              + "', all_varchar = true) WHERE ProviderName = 'AWS' AND ChargeCategory = 'Usage'"
              + " LIMIT 1) t, (VALUES "
              + values
              + ") v(n, p, b, s, e) ORDER BY v.n) TO '"
              + out.toString().replace("'", "''")
              + "' (FORMAT csv)");
    }
    return out;
  }
}
