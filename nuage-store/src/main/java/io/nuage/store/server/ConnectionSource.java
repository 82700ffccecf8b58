package io.nuage.store.server;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a connection to the store; the caller closes it. DuckDB connections duplicated from one
 * database are cheap and may be used from different threads at once, one per thread.
 */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;
}
