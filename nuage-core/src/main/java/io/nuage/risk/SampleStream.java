package io.nuage.risk;

import io.nuage.uncertainty.Source;

/**
 * The random numbers of one future and one uncertainty source: SplitMix64 seeded from the run's
 * seed, the sample's number and the source, so that a future is the same whatever the thread count
 * or machine, and drawing one source alone sees exactly the draws it sees with the others (common
 * random numbers, docs/risk.md section 3). Normals come from the Marsaglia polar method, written
 * here rather than taken from the JDK so that the same seed gives the same bytes on every JDK.
 */
final class SampleStream {
  private long state;
  private double spare;
  private boolean hasSpare;

  SampleStream(long seed, long sample, Source source) {
    this.state = mix(mix(seed) ^ mix(sample * 0x9E3779B97F4A7C15L + source.ordinal() + 1));
  }

  /** The SplitMix64 finaliser: a bijection of 64-bit values that mixes every bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /** Uniform in [0, 1), 53 random bits. */
  double uniform() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Standard normal. */
  double normal() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = Math.sqrt(-2 * Math.log(s) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  }
}
