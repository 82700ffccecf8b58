package io.nuage.plan;

/**
 * How hard to try: the solver's time limit, the relative gap that counts as optimal, the largest
 * number of gang options (columns) the model may hold before the costliest are pruned, and the
 * number of options above which the MIP gives way to the LP relaxation rounded, and the number
 * above which that relaxation is solved by column generation (docs/planner.md).
 */
public record PlanOptions(
    double timeLimitSeconds,
    double relativeGap,
    int maxGangOptions,
    int largeModelOptions,
    int columnGenerationOptions) {
  /** The same with column generation above the default size (docs/planner.md). */
  public PlanOptions(
      double timeLimitSeconds, double relativeGap, int maxGangOptions, int largeModelOptions) {
    this(timeLimitSeconds, relativeGap, maxGangOptions, largeModelOptions, 150_000);
  }

  /**
   * The longest time limit allowed, in seconds (about 11.6 days): the deadline counts nanoseconds
   * in a long, which Infinity or 1e10 s would overflow (docs/planner.md, "Time limit").
   */
  public static final double MAX_TIME_LIMIT_SECONDS = 1e6;

  public PlanOptions {
    if (!(timeLimitSeconds > 0 && timeLimitSeconds <= MAX_TIME_LIMIT_SECONDS)) {
      throw new IllegalArgumentException(
          "time limit must be positive and at most "
              + (long) MAX_TIME_LIMIT_SECONDS
              + " s (got "
              + timeLimitSeconds
              + " s)");
    }
    if (!(relativeGap >= 0 && relativeGap < 1)) {
      throw new IllegalArgumentException(
          "relative gap must be in [0, 1) (got " + relativeGap + ")");
    }
    if (maxGangOptions < 1) throw new IllegalArgumentException("maxGangOptions must be positive");
    if (largeModelOptions < 0)
      throw new IllegalArgumentException("largeModelOptions cannot be negative");
    if (columnGenerationOptions < 0)
      throw new IllegalArgumentException("columnGenerationOptions cannot be negative");
  }

  public static PlanOptions defaults() {
    return new PlanOptions(60, 1e-4, 400_000, 60_000);
  }

  public PlanOptions withTimeLimit(double seconds) {
    return new PlanOptions(
        seconds, relativeGap, maxGangOptions, largeModelOptions, columnGenerationOptions);
  }

  /** The same options with the relax-and-round path above {@code options} gang options. */
  public PlanOptions withLargeModelOptions(int options) {
    return new PlanOptions(
        timeLimitSeconds, relativeGap, maxGangOptions, options, columnGenerationOptions);
  }

  /**
   * The same options with the relaxation solved by column generation above {@code options} gang
   * options (on the relax-and-round path, for a scenario without a right of first refusal).
   */
  public PlanOptions withColumnGenerationAbove(int options) {
    return new PlanOptions(
        timeLimitSeconds, relativeGap, maxGangOptions, largeModelOptions, options);
  }
}
