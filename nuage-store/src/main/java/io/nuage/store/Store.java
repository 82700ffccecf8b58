package io.nuage.store;

import io.nuage.core.NuageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open Nuage store: one DuckDB file, migrated to the latest schema on open. One process holds it
 * for writing at a time (DuckDB's file lock). Close it to release the file.
 */
public final class Store implements AutoCloseable {
  private final Path path;
  private final Connection connection;

  private Store(Path path, Connection connection) {
    this.path = path;
    this.connection = connection;
  }

  /** Opens (creating and migrating when needed) the store at {@code path}. */
  public static Store open(Path path) {
    Path absolute = path.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null) OwnerOnly.createFolders(parent);
    } catch (IOException e) {
      throw new NuageException("cannot create the folder of the store " + path + ": " + e, e);
    }
    boolean created = !Files.exists(absolute);
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:" + absolute);
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("Could not set lock")) throw held(path, e);
      throw new NuageException("cannot open the store " + path + ": " + firstLine(e), e);
    }
    try {
      try (Statement s = connection.createStatement()) {
        // UTC everywhere: FOCUS timestamps are UTC and must never be shifted by the host zone.
        s.execute("SET TimeZone = 'UTC'");
      }
      Migrations.apply(connection, path);
      if (created) OwnerOnly.restrict(absolute);
      return new Store(path, connection);
    } catch (SQLException | IOException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the original error is the one worth reporting
      }
      if (e instanceof NuageException n) throw n;
      throw new NuageException("cannot open the store " + path + ": " + firstLine(e), e);
    }
  }

  /**
   * DuckDB lets one process hold the file: say who (the server announced next to it, else the pid
   * DuckDB names) rather than DuckDB's text, which names the JVM binary.
   */
  private static NuageException held(Path path, SQLException e) {
    var holder = StoreHolder.of(path);
    if (holder.isPresent()) {
      String url = holder.get().url();
      return new NuageException(
          "the store "
              + path
              + " is held by nuage serve (pid "
              + holder.get().pid()
              + ", "
              + url
              + "): stop it, or run ingest, ledger, token or plan through it with --server "
              + url
              + " (token in NUAGE_TOKEN)",
          e);
    }
    Matcher pid = Pattern.compile("\\(PID (\\d+)\\)").matcher(String.valueOf(e.getMessage()));
    return new NuageException(
        "the store "
            + path
            + " is in use by another process"
            + (pid.find() ? " (pid " + pid.group(1) + ")" : "")
            + ": one process at a time may open it; wait for it to end, or give another --db",
        e);
  }

  public Path path() {
    return path;
  }

  /**
   * The store's JDBC connection, for the store's own implementations ({@code io.nuage.store.*});
   * not an API for callers outside nuage-store.
   */
  public Connection connection() {
    return connection;
  }

  /** The schema version this store is at. */
  public int schemaVersion() {
    return Migrations.currentVersion(connection);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new NuageException("cannot close the store " + path + ": " + firstLine(e), e);
    }
  }

  /** DuckDB messages run to many lines of hints; the first line says what happened. */
  public static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
