package io.nuage.ledger.generate;

import java.util.SplittableRandom;

/**
 * Ids drawn from the seed: the same seed and key give the same id, so the same run gives the same
 * bytes, and two seeds give two sets of resources.
 */
final class RowIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private final long seed;

  RowIds(long seed) {
    this.seed = seed;
  }

  /** {@code n} lowercase hex digits for {@code key}. */
  String hex(String key, int n) {
    return draw(seed, key, n, HEX);
  }

  /** {@code n} uppercase letters and digits for {@code key}, the same for every seed. */
  static String code(String key, int n) {
    return draw(0x5eed, key, n, UPPER);
  }

  /** {@code n} hex digits for {@code key}, the same for every seed. */
  static String fixedHex(String key, int n) {
    return draw(0x5eed, key, n, HEX);
  }

  private static String draw(long seed, String key, int n, char[] alphabet) {
    // String.hashCode is specified by the JLS, so the stream is the same on every JVM
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key.hashCode());
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) out.append(alphabet[r.nextInt(alphabet.length)]);
    return out.toString();
  }

  /** A UUID-shaped id (8-4-4-4-12 hex) for {@code key}. */
  String uuid(String key) {
    String h = hex(key, 32);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-"
        + h.substring(12, 16)
        + "-"
        + h.substring(16, 20)
        + "-"
        + h.substring(20);
  }
}
