package io.nuage.scaleout;

/** A distributed engine, found by {@link Engines} through {@link java.util.ServiceLoader}. */
public interface ScaleOutEngine {
  /** The name {@code --engine} gives, e.g. {@code spark}. */
  String name();

  /**
   * A session on {@code master} (for Spark: {@code local[N]}, {@code spark://HOST:PORT}); a {@link
   * io.nuage.core.NuageException} naming the master when it cannot be reached.
   */
  ScaleOut connect(String master);
}
