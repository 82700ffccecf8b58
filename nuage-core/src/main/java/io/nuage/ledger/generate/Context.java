package io.nuage.ledger.generate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every kind of row needs: the row factory, the scenario's prices, the charge periods. */
record Context(RowFactory rows, ScenarioPrices prices, ChargePeriod period, Applied applied) {

  BillRow base(String provider, YearMonth month, ChargePeriod.Period p) {
    return rows.base(provider, month, p.start(), p.end());
  }

  ProviderDialect dialect(String provider) {
    return rows.dialect(provider);
  }

  /** A JSON object of string values, in the given order (pairs of key, value). */
  static Map<String, String> object(String... keyValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) out.put(keyValues[i], keyValues[i + 1]);
    return out;
  }

  /** {@code a x b}, exact, without trailing zeros. */
  static BigDecimal times(BigDecimal a, BigDecimal b) {
    return PlanLines.strip(a.multiply(b));
  }

  /** {@code units} thousandths as a decimal (GPU-hours are counted in 0.001 h). */
  static BigDecimal thousandths(long units) {
    return PlanLines.strip(BigDecimal.valueOf(units, 3));
  }
}
