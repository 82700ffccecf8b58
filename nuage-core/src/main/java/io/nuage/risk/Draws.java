package io.nuage.risk;

import io.nuage.scenario.Scenario;
import io.nuage.uncertainty.Source;
import io.nuage.uncertainty.Uncertainty;
import java.io.Serializable;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * How a sweep numbers its futures: drawn from the seed (every source, or one {@code alone}), or
 * enumerated. Whoever holds the scenario redraws future {@code i} from these few values alone, the
 * same on every machine (docs/risk.md section 3), so a distributed engine ships numbers, never
 * futures.
 *
 * @param alone the one source drawn, the others as written; null: every source
 */
public record Draws(long seed, @Nullable Source alone, boolean enumerated) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Draws {
    if (enumerated && alone != null)
      throw new IllegalArgumentException(
          "an enumeration draws every source (got alone " + alone + ")");
  }

  /** Monte Carlo over every source. */
  public static Draws sampled(long seed) {
    return new Draws(seed, null, false);
  }

  /** Monte Carlo over {@code source} alone: what it costs by itself. */
  public static Draws sampledAlone(long seed, Source source) {
    return new Draws(seed, source, false);
  }

  /** Every future of a discrete uncertainty, in {@link FutureEnumeration}'s order. */
  public static Draws enumeration() {
    return new Draws(0, null, true);
  }

  /** The futures of {@code scenario} by number. */
  public LongFunction<Future> of(Scenario scenario) {
    Uncertainty u = alone == null ? scenario.uncertainty() : scenario.uncertainty().only(alone);
    if (enumerated) {
      FutureEnumeration e = new FutureEnumeration(scenario, u);
      return i -> e.get(i).future();
    }
    FutureSampler s = new FutureSampler(scenario, u, seed);
    return s::draw;
  }
}
