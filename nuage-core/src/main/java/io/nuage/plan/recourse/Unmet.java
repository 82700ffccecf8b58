package io.nuage.plan.recourse;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Demand a recourse plan leaves unserved, in reference GPU-hours, and what it costs at the unmet
 * penalty ({@code round(referenceGpuHours x penalty, 2)}, docs/risk.md section 2.0).
 */
public sealed interface Unmet {
  String workload();

  BigDecimal referenceGpuHours();

  BigDecimal cost();

  /** A training run left unplaced: all of its gang ({@code gpus x reference-hours}). */
  record Run(String workload, BigDecimal referenceGpuHours, BigDecimal cost) implements Unmet {
    public Run {
      check(workload, referenceGpuHours, cost);
    }
  }

  /** Part of an inference fleet's demand in one geography and month. */
  record Fleet(
      String workload,
      String geography,
      YearMonth month,
      BigDecimal referenceGpuHours,
      BigDecimal cost)
      implements Unmet {
    public Fleet {
      check(workload, referenceGpuHours, cost);
      Objects.requireNonNull(geography, "geography");
      Objects.requireNonNull(month, "month");
    }
  }

  private static void check(String workload, BigDecimal hours, BigDecimal cost) {
    Objects.requireNonNull(workload, "workload");
    if (hours.signum() <= 0)
      throw new IllegalArgumentException(
          "unmet GPU-hours of " + workload + " must be above 0 (got " + hours + ")");
    if (cost.signum() < 0)
      throw new IllegalArgumentException("unmet cost of " + workload + " cannot be negative");
  }
}
