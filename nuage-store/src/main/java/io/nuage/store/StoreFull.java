package io.nuage.store;

import io.nuage.core.NuageException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The store could not be written: its disk is full (or a file size limit was reached). DuckDB then
 * invalidates the database for the rest of the process, so every later statement fails with "no
 * transaction is active" or "database has been invalidated": this names the cause instead. The file
 * keeps the size it grew to; DuckDB reuses that room for later writes (docs/ledger.md, "A full
 * disk").
 */
public final class StoreFull extends NuageException {
  private static final long serialVersionUID = 1L;

  StoreFull(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether {@code e} says the store could not be written for want of room. */
  public static boolean is(@Nullable Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device")
          || m.contains("File too large")
          || m.contains("database has been invalidated")) return true;
    }
    return false;
  }

  /** The message for {@code what} (e.g. "FILE: cannot ingest") that failed for want of room. */
  public static StoreFull of(String what, Store store, SQLException e) {
    return new StoreFull(
        what
            + ": no room left on the disk holding the store "
            + store.path()
            + " ("
            + Store.firstLine(e)
            + "); nothing was ingested. Free some space there and run the command again; the"
            + " store file keeps the size it grew to and reuses that room (docs/ledger.md, \"A"
            + " full disk\")",
        e);
  }
}
