package io.nuage.plan;

import java.util.function.LongSupplier;

/**
 * The end of the time allowed for a whole plan (docs/planner.md, "Time limit"): every solver call
 * gets what is left of it, the MIP included, so pre-checks, baselines, the MIP, the rounding and
 * the LP for duals together stay within {@code --time-limit}. A model build checks it as it goes
 * ({@link #check}) and no solver call is started once it has passed.
 */
final class Deadline {
  /**
   * The least a solver call is given when a little time is left: a call with no time at all returns
   * nothing. Once the deadline has passed no solver call is started at all ({@link #passed}).
   */
  static final double FLOOR_SECONDS = 0.5;

  private final LongSupplier clock;
  private final long endNanos;
  private final boolean cuts;

  Deadline(double seconds) {
    this(seconds, System::nanoTime);
  }

  /** A deadline on the given nanosecond clock, so tests can move time themselves. */
  Deadline(double seconds, LongSupplier clock) {
    this(seconds, clock, true);
  }

  private Deadline(double seconds, LongSupplier clock, boolean cuts) {
    this.clock = clock;
    this.cuts = cuts;
    if (!(seconds <= PlanOptions.MAX_TIME_LIMIT_SECONDS))
      throw new IllegalArgumentException(
          "a deadline of " + seconds + " s is beyond the longest time limit allowed");
    endNanos = clock.getAsLong() + (long) (seconds * 1e9);
  }

  /**
   * A deadline whose {@link #check} never throws: the phases run on after it with the floor's time
   * each, as before issue 9's deadline work. A risk future's recourse (RecoursePlanner) keeps it: a
   * future must be served, and its limit is per future, not per run of the command.
   */
  static Deadline lenient(double seconds) {
    return new Deadline(seconds, System::nanoTime, false);
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

  /** Whether a phase is to be cut now: the deadline has passed and it cuts phases. */
  boolean cut() {
    return cuts && passed();
  }

  /** Seconds since the deadline passed (negative before it). */
  double overrunSeconds() {
    return (clock.getAsLong() - endNanos) / 1e9;
  }

  /**
   * Throws {@link Passed} naming {@code phase} when the deadline has passed: for a phase that
   * cannot be interrupted otherwise (a model build checks it every few thousand columns), so that
   * it gives up and its caller takes the cheaper fallback.
   */
  void check(String phase) {
    if (cut()) throw new Passed(phase, overrunSeconds());
  }

  /** The deadline passed during {@code phase}, which was cut. */
  static final class Passed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String phase;

    Passed(String phase, double overrun) {
      super(
          String.format(
              java.util.Locale.ROOT,
              "the time limit was reached during %s (+%.2f s)",
              phase,
              overrun),
          null,
          false,
          false);
      this.phase = phase;
    }

    /** The note for solverNotes: which phase was cut and why. */
    String note() {
      return phase + " was cut: the time limit was reached before it finished";
    }
  }
}
