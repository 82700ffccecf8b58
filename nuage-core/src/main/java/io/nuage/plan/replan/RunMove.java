package io.nuage.plan.replan;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A training run placed differently from the previous plan in the months left: where and when it
 * was to run ({@code from}, {@code fromMonths}) and where and when it runs now.
 *
 * @param from {@code region accelerator} in the previous plan, null when it had no row left there
 * @param fromMonths {@code YYYY-MM..YYYY-MM} of the previous plan's rows from the as-of month on
 * @param why {@code under way} (the bills put it elsewhere than planned: the past decided) or
 *     {@code re-planned}
 */
public record RunMove(
    String workload,
    @Nullable String from,
    String fromMonths,
    @Nullable String to,
    String toMonths,
    BigDecimal previousGpuHours,
    BigDecimal newGpuHours,
    String why) {}
