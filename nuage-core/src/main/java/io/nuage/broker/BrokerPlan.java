package io.nuage.broker;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What the broker reads of a plan: the scenario it was made for (its name), its placement rows and
 * its shadow prices.
 */
public record BrokerPlan(String scenario, List<PlannedRow> rows, PlanPrices prices) {
  public BrokerPlan {
    Objects.requireNonNull(scenario, "scenario");
    rows = List.copyOf(rows);
    Objects.requireNonNull(prices, "prices");
  }

  /** The first month the plan places anything in. */
  public YearMonth firstMonth() {
    return rows.stream().map(PlannedRow::month).min(YearMonth::compareTo).orElseThrow();
  }

  /** The last month the plan places anything in. */
  public YearMonth lastMonth() {
    return rows.stream().map(PlannedRow::month).max(YearMonth::compareTo).orElseThrow();
  }

  public boolean covers(YearMonth month) {
    return !rows.isEmpty() && !month.isBefore(firstMonth()) && !month.isAfter(lastMonth());
  }

  public List<PlannedRow> rowsOf(String workload) {
    return rows.stream().filter(r -> r.workload().equals(workload)).toList();
  }

  public List<PlannedRow> rowsIn(YearMonth month) {
    return rows.stream().filter(r -> r.month().equals(month)).toList();
  }
}
