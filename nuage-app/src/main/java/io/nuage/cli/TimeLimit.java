package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import java.math.BigDecimal;

/**
 * The {@code --time-limit} of every command that plans: seconds, more than 0 and at most {@link
 * PlanOptions#MAX_TIME_LIMIT_SECONDS} (docs/planner.md, "Time limit"). Infinity or 1e10 would
 * overflow the deadline's nanoseconds and leave the run with no time at all.
 */
final class TimeLimit {
  private TimeLimit() {}

  /** {@code seconds} when allowed; otherwise a user error naming the option and the value. */
  static double checked(double seconds) {
    if (seconds > 0 && seconds <= PlanOptions.MAX_TIME_LIMIT_SECONDS) return seconds;
    String given =
        Double.isFinite(seconds)
            ? BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString()
            : String.valueOf(seconds);
    throw new NuageException(
        "--time-limit "
            + given
            + ": expected a number of seconds greater than 0 and at most "
            + BigDecimal.valueOf(PlanOptions.MAX_TIME_LIMIT_SECONDS)
                .stripTrailingZeros()
                .toPlainString()
            + " (about 11.6 days)");
  }
}
