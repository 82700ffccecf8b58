package io.nuage.plan;

import java.util.function.LongSupplier;

/**
 * The end of the time allowed for a whole plan (docs/planner.md, "Time limit"): every solver call
 * gets what is left of it, the MIP included, so pre-checks, baselines, the MIP, the rounding and
 * the LP for duals together stay within {@code --time-limit}.
 */
final class Deadline {
  /**
   * The least a solver call is given even when the deadline has passed: a call with no time at all
   * returns nothing, and the short LPs after the MIP (bound, duals) are worth their second.
   */
  static final double FLOOR_SECONDS = 0.5;

  private final LongSupplier clock;
  private final long endNanos;

  Deadline(double seconds) {
    this(seconds, System::nanoTime);
  }

  /** A deadline on the given nanosecond clock, so tests can move time themselves. */
  Deadline(double seconds, LongSupplier clock) {
    this.clock = clock;
    endNanos = clock.getAsLong() + (long) (seconds * 1e9);
  }

  /** Seconds left, never less than {@link #FLOOR_SECONDS}. */
  double remainingSeconds() {
    return Math.max(FLOOR_SECONDS, (endNanos - clock.getAsLong()) / 1e9);
  }

  /** Milliseconds left for {@code MPSolver.setTimeLimit}. */
  long remainingMillis() {
    return (long) (remainingSeconds() * 1000);
  }

  /** Milliseconds left less {@code share} of them, for a phase that others follow. */
  long remainingMillisLess(double share) {
    return (long) (Math.max(FLOOR_SECONDS, (1 - share) * remainingSeconds()) * 1000);
  }

  boolean passed() {
    return clock.getAsLong() >= endNanos;
  }
}
