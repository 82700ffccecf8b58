package io.nuage.store.billing;

import io.nuage.core.NuageException;
import io.nuage.plan.replan.ProviderBills;
import io.nuage.store.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per provider, how far its bills in {@code billing_rows} reach ({@link ProviderBills}): a usage
 * row of at most a day is daily; the latest end of those is the provider's last charge.
 */
public final class DuckDbBillCoverage {
  private static final String ENDS =
      """
      SELECT ProviderName,
             max(ChargePeriodEnd) FILTER (WHERE ChargeCategory = 'Usage'
                 AND ChargePeriodEnd <= ChargePeriodStart + INTERVAL 1 DAY),
             max(ChargePeriodEnd)
      FROM billing_rows WHERE ProviderName IS NOT NULL GROUP BY 1 ORDER BY 1
      """;
  private static final String MONTHS =
      """
      SELECT DISTINCT ProviderName, year(ChargePeriodStart), month(ChargePeriodStart)
      FROM billing_rows WHERE ProviderName IS NOT NULL
      """;

  private DuckDbBillCoverage() {}

  /** Each provider's bills, by provider name. */
  public static List<ProviderBills> of(Store store) {
    try (Statement s = store.connection().createStatement()) {
      Map<String, Set<YearMonth>> months = new HashMap<>();
      try (ResultSet r = s.executeQuery(MONTHS)) {
        while (r.next())
          months
              .computeIfAbsent(r.getString(1), k -> new HashSet<>())
              .add(YearMonth.of(r.getInt(2), r.getInt(3)));
      }
      List<ProviderBills> result = new ArrayList<>();
      try (ResultSet r = s.executeQuery(ENDS)) {
        while (r.next()) {
          java.sql.Timestamp daily = r.getTimestamp(2);
          LocalDateTime end = (daily != null ? daily : r.getTimestamp(3)).toLocalDateTime();
          String provider = r.getString(1);
          result.add(new ProviderBills(provider, end, daily != null, months.get(provider)));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new NuageException("cannot read the bills: " + Store.firstLine(e), e);
    }
  }
}
