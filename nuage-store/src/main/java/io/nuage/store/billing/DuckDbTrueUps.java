package io.nuage.store.billing;

import io.nuage.core.NuageException;
import io.nuage.plan.replan.BilledTrueUp;
import io.nuage.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The take-or-pay true-ups billed between two days: the rows whose {@code Tags} say {@code
 * "nuage-kind": "true-up"} (the generator's marker, docs/billing-from-plan.md), summed per contract
 * ({@code nuage-contract}) and month.
 */
public final class DuckDbTrueUps {
  private static final String SQL =
      """
      SELECT json_extract_string(Tags, '$."nuage-contract"'),
             year(ChargePeriodStart), month(ChargePeriodStart), sum(BilledCost)
      FROM billing_rows
      WHERE json_valid(Tags) AND json_extract_string(Tags, '$."nuage-kind"') = 'true-up'
        AND ChargePeriodStart >= ? AND ChargePeriodStart < ?
      GROUP BY ALL ORDER BY 1, 2, 3
      """;

  private DuckDbTrueUps() {}

  public static List<BilledTrueUp> between(Store store, LocalDate from, LocalDate before) {
    try (PreparedStatement s = store.connection().prepareStatement(SQL)) {
      s.setObject(1, from.atStartOfDay());
      s.setObject(2, before.atStartOfDay());
      List<BilledTrueUp> result = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          if (r.getString(1) == null) continue;
          result.add(
              new BilledTrueUp(
                  r.getString(1), YearMonth.of(r.getInt(2), r.getInt(3)), r.getBigDecimal(4)));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new NuageException("cannot read the bills' true-ups: " + Store.firstLine(e), e);
    }
  }
}
