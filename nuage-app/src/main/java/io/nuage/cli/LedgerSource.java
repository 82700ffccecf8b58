package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.ledger.Charges;
import io.nuage.scaleout.ScaleOut;
import io.nuage.store.Store;
import io.nuage.store.ledger.DuckDbCharges;
import io.nuage.store.ledger.ParquetExport;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a ledger command reads the charges: the store ({@code --db}), or a Parquet export on a
 * distributed engine ({@code --engine spark --parquet DIR}, docs/scale-out.md). Open until closed.
 *
 * @param store the store when the charges are its own, else null
 */
record LedgerSource(Charges charges, @Nullable Store store, Runnable closer)
    implements AutoCloseable {
  /** Checks the options before anything opens: the two sources take different options. */
  static void check(LedgerOptions options, EngineOptions engine, @Nullable Path parquet) {
    if (engine.distributed()) {
      if (parquet == null)
        throw new NuageException("--engine " + engine.engine + ": --parquet DIR is required");
      if (options.db != null)
        throw new NuageException(
            "--db: --engine " + engine.engine + " reads --parquet, not a store");
    } else if (parquet != null)
      throw new NuageException(
          "--parquet: only --engine spark reads an export (the store is --db)");
  }

  /**
   * Refuses the engine's options with {@code --server}: the server answers from its own store, so
   * an engine or an export named with it would be silently ignored.
   */
  static void checkServer(EngineOptions engine, @Nullable Path parquet) {
    if (engine.engine != EngineOptions.Engine.embedded)
      throw new NuageException(
          "--engine "
              + engine.engine
              + ": not with --server (the server reads its own store; leave one out)");
    if (parquet != null)
      throw new NuageException(
          "--parquet: not with --server (the server reads its own store; leave one out)");
    if (engine.master != null)
      throw new NuageException(
          "--master " + engine.master + ": not with --server (the server reads its own store)");
  }

  static LedgerSource open(LedgerOptions options, EngineOptions engine, @Nullable Path parquet) {
    check(options, engine, parquet);
    if (parquet == null) {
      Store store = Store.open(options.db());
      return new LedgerSource(new DuckDbCharges(store), store, store::close);
    }
    // a directory that is no export is refused before a Spark session starts (seconds)
    ParquetExport.requireExport(parquet);
    ScaleOut cluster = engine.connect();
    try {
      return new LedgerSource(cluster.charges(parquet), null, cluster::close);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  @Override
  public void close() {
    closer.run();
  }
}
