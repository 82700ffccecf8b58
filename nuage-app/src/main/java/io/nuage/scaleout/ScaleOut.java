package io.nuage.scaleout;

import io.nuage.risk.FutureServer;

/**
 * A session with a distributed engine: serves a sweep's futures (and, where the engine offers it,
 * the ledger's aggregations). Closing it releases the engine's executors.
 */
public interface ScaleOut extends AutoCloseable {
  /** Serves the futures of the sweep {@code recipe} describes, so that executors rebuild it. */
  FutureServer futures(SweepRecipe recipe);

  /**
   * The charges of the ledger export in {@code dir} ({@code nuage ledger export --parquet}),
   * computed by the engine; a {@link io.nuage.core.NuageException} naming the directory or the
   * partition when it is not such an export.
   */
  io.nuage.ledger.Charges charges(java.nio.file.Path dir);

  @Override
  void close();
}
