package io.nuage.store.server;

import io.nuage.core.NuageException;
import java.sql.SQLException;

/** A database error while reading or writing the server's tables: an internal error (exit 1). */
public final class StoreFailure extends NuageException {
  private static final long serialVersionUID = 1L;

  StoreFailure(String action, SQLException cause) {
    super("store: " + action + " failed: " + cause.getMessage(), cause);
  }

  @Override
  public int exitCode() {
    return 1;
  }
}
