package io.nuage.risk;

/**
 * How a risk run samples (docs/risk.md section 3).
 *
 * @param samples futures to draw; 0 means enumerate every future exactly ({@code --samples all})
 * @param seed the seed every future's streams derive from
 * @param threads workers serving futures (the result does not depend on it)
 * @param sourceSamples futures per source drawn alone (0: none)
 */
public record RiskOptions(int samples, long seed, int threads, int sourceSamples) {
  /** The largest number of futures an exact enumeration may have. */
  public static final int MAX_ENUMERATED = 100_000;

  public RiskOptions {
    if (samples < 0) throw new IllegalArgumentException("samples cannot be negative");
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
    if (sourceSamples < 0) throw new IllegalArgumentException("source samples cannot be negative");
  }

  public boolean enumerate() {
    return samples == 0;
  }
}
