package io.nuage.plan.verify;

/** The rules a plan must obey (docs/plan-verifier.md); each violation names one. */
public enum Rule {
  /** The JSON misses a field or holds a value of the wrong shape. */
  SHAPE,
  /** A placement names a region, accelerator or offering the scenario does not have. */
  UNKNOWN_OFFERING,
  /** GPU-hours in a region/accelerator/month above max(schedule, reserved) x hours. */
  CAPACITY,
  /** GPU-hours drawn from reservations above the reserved GPUs x hours. */
  RESERVED_CAPACITY,
  /** A training run without placements, or placed in more than one region or accelerator. */
  GANG_PLACEMENT,
  /** A gang row whose GPU count is not the run's. */
  GANG_SIZE,
  /** A gang's months are not consecutive, or its hours are not the documented fill. */
  GANG_HOURS,
  /** A gang starting before its earliest start or running past its deadline or the horizon. */
  GANG_WINDOW,
  /** A gang on a region/accelerator that cannot hold all of its GPUs in a month it runs. */
  GANG_FITS,
  /** An inference fleet's demand not met exactly in a geography and month. */
  DEMAND,
  /** A placement in a region the policy or the workload does not allow. */
  RESIDENCY,
  /** A placement on an accelerator the workload cannot use. */
  ACCELERATOR,
  /** A provider's share of a plan year's spend above its cap, or a wrong providers[] row. */
  SHARE,
  /**
   * New capacity bought from another provider while the right-of-first-refusal holder would have
   * matched its price and still had room for it.
   */
  RIGHT_OF_FIRST_REFUSAL,
  /** A placement's rate or cost differs from the scenario's prices. */
  COST,
  /** Egress rows missing, extra or mispriced. */
  EGRESS,
  /** contracts[] or the shortfall total differ from the recomputation. */
  SHORTFALL,
  /** The reserved-fee total differs from the contracts. */
  RESERVED_FEES,
  /** The storage total differs from the workloads and commitments. */
  STORAGE,
  /** totalCost or a costBreakdown figure is not the sum of its parts. */
  TOTAL,
  /** lowerBound above totalCost, or gap inconsistent with them. */
  BOUND,
  /** A feasible baseline cheaper than the plan. */
  BASELINE,
  /**
   * A re-plan's fixed past not honoured: a placement before its first open month, a run under way
   * moved or given other hours than the rest of its gang, a finished run placed again, a fixed past
   * that names what the scenario does not have.
   */
  FIXED_PAST,
  /**
   * A recourse plan's declared unmet demand wrong: an unplaced run's GPU-hours, an unmet item's
   * cost at the penalty, more unmet than demand, or their sum not in the total.
   */
  UNMET
}
