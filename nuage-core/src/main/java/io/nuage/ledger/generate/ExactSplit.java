package io.nuage.ledger.generate;

import java.math.BigInteger;

/**
 * Splits a whole number of units in proportion to weights, exactly: each part gets the floor of its
 * share and the units left over go one each to the parts with the largest remainders (ties: the
 * earlier part). The parts sum to the total and each is the floor or the ceiling of its exact
 * share, so a part is never above a weight-proportional bound that the total respects.
 */
final class ExactSplit {
  private ExactSplit() {}

  static long[] split(long total, long[] weights) {
    if (total < 0) throw new IllegalArgumentException("cannot split a negative total " + total);
    long[] parts = new long[weights.length];
    BigInteger sum = BigInteger.ZERO;
    for (long w : weights) {
      if (w < 0) throw new IllegalArgumentException("negative weight " + w);
      sum = sum.add(BigInteger.valueOf(w));
    }
    if (total == 0) return parts;
    if (sum.signum() == 0)
      throw new IllegalArgumentException("no weight to split " + total + " by");
    BigInteger t = BigInteger.valueOf(total);
    BigInteger[] remainders = new BigInteger[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      BigInteger[] qr = t.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      given += parts[i];
    }
    for (long left = total - given; left > 0; left--) {
      int best = -1;
      for (int i = 0; i < weights.length; i++) {
        if (remainders[i].signum() > 0
            && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) best = i;
      }
      parts[best]++;
      remainders[best] = BigInteger.ZERO;
    }
    return parts;
  }
}
