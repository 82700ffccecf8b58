package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.store.Store;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SortedMap;
import java.util.TreeMap;

final class DuckDbBillingRows implements BillingRows {
  private static final String SUMS =
      "count(*), coalesce(sum(BilledCost), 0), coalesce(sum(EffectiveCost), 0),"
          + " coalesce(sum(ListCost), 0)";
  private final Store store;

  DuckDbBillingRows(Store store) {
    this.store = store;
  }

  @Override
  public Totals totals() {
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT " + SUMS + " FROM billing_rows")) {
      r.next();
      return totals(r, 1);
    } catch (SQLException e) {
      throw new NuageException("cannot read the ledger totals: " + Store.firstLine(e), e);
    }
  }

  @Override
  public SortedMap<String, Totals> totalsByProvider() {
    var out = new TreeMap<String, Totals>();
    try (Statement s = store.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT ProviderName, " + SUMS + " FROM billing_rows GROUP BY ProviderName")) {
      while (r.next()) out.put(String.valueOf(r.getString(1)), totals(r, 2));
      return out;
    } catch (SQLException e) {
      throw new NuageException("cannot read the ledger totals: " + Store.firstLine(e), e);
    }
  }

  private static Totals totals(ResultSet r, int first) throws SQLException {
    return new Totals(
        r.getLong(first), money(r, first + 1), money(r, first + 2), money(r, first + 3));
  }

  private static BigDecimal money(ResultSet r, int i) throws SQLException {
    BigDecimal v = r.getBigDecimal(i);
    return v == null ? BigDecimal.ZERO : v;
  }
}
