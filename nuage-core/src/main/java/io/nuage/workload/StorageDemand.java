package io.nuage.workload;

import io.nuage.core.Checks;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;

/** {@code tb} terabytes stored with {@code provider} every month of {@code months}. */
public record StorageDemand(String id, String provider, MonthRange months, BigDecimal tb)
    implements Workload {
  public StorageDemand {
    Checks.id(id, "workload.id");
    Checks.id(provider, "workload.provider");
    Checks.nonNegative(tb, "workload.tb");
  }
}
