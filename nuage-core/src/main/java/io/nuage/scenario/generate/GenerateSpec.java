package io.nuage.scenario.generate;

import java.time.YearMonth;

/**
 * What to generate.
 *
 * @param trainingRuns number of training runs (gangs)
 * @param fleets number of inference fleets
 * @param months horizon length, from {@link #START}
 * @param seed the seed of the one random stream everything is drawn from
 * @param regionsPerKey cheapest regions kept per provider x accelerator x geography
 */
public record GenerateSpec(int trainingRuns, int fleets, int months, long seed, int regionsPerKey) {
  /** Generated horizons start here, like the shipped example. */
  public static final YearMonth START = YearMonth.of(2027, 1);

  public GenerateSpec {
    if (trainingRuns < 0) {
      throw new IllegalArgumentException(
          "--training-runs cannot be negative (got " + trainingRuns + ")");
    }
    if (fleets < 0)
      throw new IllegalArgumentException("--fleets cannot be negative (got " + fleets + ")");
    if (months < 1 || months > 600) {
      throw new IllegalArgumentException("--months must be 1..600 (got " + months + ")");
    }
    if (regionsPerKey < 1) {
      throw new IllegalArgumentException(
          "--regions-per-key must be 1 or more (got " + regionsPerKey + ")");
    }
  }

  public YearMonth end() {
    return START.plusMonths(months - 1L);
  }
}
