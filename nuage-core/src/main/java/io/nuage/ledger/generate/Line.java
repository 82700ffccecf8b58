package io.nuage.ledger.generate;

import io.nuage.contract.CommittedSpend;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * A placement as billed: its GPU-hours and prices after drift.
 *
 * @param index the placement's index in the plan, -1 for hours a reservation could not hold
 * @param region the full region id ({@code provider/name})
 * @param gpuHours GPU-hours billed (3 decimals)
 * @param list list price per GPU-hour
 * @param contracted the contracted price per GPU-hour (a reserved line: the provider's price for
 *     hours outside the reservation)
 * @param billedRate what each GPU-hour is billed (0 on a reserved line)
 * @param cost what the line is billed in all (null on a reserved line)
 * @param activeHours the hours of the month the workload runs (a gang: from the month's start)
 */
record Line(
    int index,
    String workload,
    String kind,
    String provider,
    String region,
    String accelerator,
    YearMonth month,
    BigDecimal gpuHours,
    Pricing pricing,
    @Nullable CommittedSpend contract,
    BigDecimal list,
    BigDecimal contracted,
    BigDecimal billedRate,
    @Nullable BigDecimal cost,
    BigDecimal activeHours) {

  /** How a line is priced: the plan's {@code pricing}. */
  enum Pricing {
    COMMITTED("committed"),
    ON_DEMAND("on-demand"),
    RESERVED("reserved");

    final String label;

    Pricing(String label) {
      this.label = label;
    }
  }

  boolean training() {
    return kind.equals("training");
  }

  String regionName() {
    return region.substring(region.indexOf('/') + 1);
  }

  Line withHours(BigDecimal hours, @Nullable BigDecimal newCost) {
    return new Line(
        index,
        workload,
        kind,
        provider,
        region,
        accelerator,
        month,
        hours,
        pricing,
        contract,
        list,
        contracted,
        billedRate,
        newCost,
        activeHours);
  }
}
