package io.nuage.plan.verify;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Capacity per region x accelerator x month: all GPU-hours within max(schedule, reserved) x hours,
 * and those drawn from reservations within the reserved GPUs x hours.
 */
final class CapacityRules {
  private final ScenarioFacts facts;
  private final Consumer<Violation> report;

  CapacityRules(ScenarioFacts facts, Consumer<Violation> report) {
    this.facts = facts;
    this.report = report;
  }

  private record Cell(String region, String accelerator, YearMonth month) {
    @Override
    public String toString() {
      return region + " " + accelerator + " " + month;
    }
  }

  void check(List<PlanRow> rows) {
    var all = new HashMap<Cell, BigDecimal>();
    var reserved = new HashMap<Cell, BigDecimal>();
    var count = new HashMap<Cell, Integer>();
    for (PlanRow row : rows) {
      var cell = new Cell(row.region(), row.accelerator(), row.month());
      all.merge(cell, row.gpuHours(), BigDecimal::add);
      count.merge(cell, 1, Integer::sum);
      if (row.reserved()) reserved.merge(cell, row.gpuHours(), BigDecimal::add);
    }
    all.forEach(
        (cell, used) -> {
          BigDecimal tolerance = ScenarioFacts.rowTolerance(count.get(cell));
          long gpus = facts.deliverable(cell.region(), cell.accelerator(), cell.month());
          BigDecimal limit = ScenarioFacts.hours(cell.month()).multiply(BigDecimal.valueOf(gpus));
          if (used.subtract(limit).compareTo(tolerance) > 0) {
            fail(
                Rule.CAPACITY,
                cell
                    + ": "
                    + used.toPlainString()
                    + " GPU-hours used, "
                    + gpus
                    + " GPUs deliver "
                    + limit.toPlainString());
          }
          BigDecimal drawn = reserved.getOrDefault(cell, BigDecimal.ZERO);
          long reservedGpus = facts.reserved(cell.region(), cell.accelerator(), cell.month());
          BigDecimal held =
              ScenarioFacts.hours(cell.month()).multiply(BigDecimal.valueOf(reservedGpus));
          if (drawn.subtract(held).compareTo(tolerance) > 0) {
            fail(
                Rule.RESERVED_CAPACITY,
                cell
                    + ": "
                    + drawn.toPlainString()
                    + " reserved GPU-hours drawn, "
                    + reservedGpus
                    + " reserved GPUs hold "
                    + held.toPlainString());
          }
        });
  }

  private void fail(Rule rule, String message) {
    report.accept(new Violation(rule, message));
  }
}
