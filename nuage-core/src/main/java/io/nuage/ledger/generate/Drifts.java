package io.nuage.ledger.generate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** The drifts of one run: the factor of each kind at a provider in a month (their product). */
record Drifts(List<Drift> all) {
  Drifts {
    all = List.copyOf(all);
  }

  BigDecimal demand(String provider, YearMonth month) {
    return factor(Drift.Demand.class, provider, month);
  }

  BigDecimal price(String provider, YearMonth month) {
    return factor(Drift.Price.class, provider, month);
  }

  BigDecimal overbill(String provider, YearMonth month) {
    return factor(Drift.Overbill.class, provider, month);
  }

  private BigDecimal factor(Class<? extends Drift> kind, String provider, YearMonth month) {
    BigDecimal f = BigDecimal.ONE;
    for (Drift d : all) {
      if (kind.isInstance(d) && d.applies(provider, month)) f = f.multiply(d.factor());
    }
    return f;
  }
}
