package io.nuage.store.server;

import io.nuage.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Opens a connection to the store; the caller closes it. DuckDB connections duplicated from one
 * database are cheap and may be used from different threads at once, one per thread.
 */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;

  /** Connections duplicated from the store's own, one per use, so threads never share one. */
  static ConnectionSource of(Store store) {
    return () -> ((DuckDBConnection) store.connection()).duplicate();
  }
}
