package io.nuage.store;

import io.nuage.core.NuageException;
import io.nuage.core.UnpackedNatives;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open Nuage store: one DuckDB file, migrated to the latest schema on open. One process holds it
 * for writing at a time (DuckDB's file lock). Close it to release the file.
 */
public final class Store implements AutoCloseable {
  /** The copy of its native library DuckDB's driver unpacks into the temp folder. */
  private static final Pattern DUCKDB_COPY = Pattern.compile("libduckdb_java\\d*\\.so");

  /**
   * The open connections of this JVM per store file. While a file has any, nothing here may open
   * and close another descriptor of it: closing any descriptor of a file drops every fcntl lock the
   * process holds on it, DuckDB's included (POSIX), and another process could then open the store
   * beside this one. So recovery and the file checks are skipped for a store held here, and the
   * descriptor the checkpoint shadow reads through stays open until the last connection has closed.
   */
  private static final Map<Path, AtomicInteger> LIVE = new ConcurrentHashMap<>();

  private final Path path;
  private final Connection connection;
  private final Path file;

  /**
   * Whether this is the store from {@link #open} (which checkpoints) or a {@link #duplicate} or a
   * {@link #openReadOnly read-only} one (which never write).
   */
  private final boolean primary;

  private Store(Path path, Connection connection, Path file, boolean primary) {
    this.path = path;
    this.connection = connection;
    this.file = file;
    this.primary = primary;
    LIVE.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
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
    if (created) createWhole(absolute, path);
    if (!LIVE.containsKey(absolute)) {
      refuseEmpty(absolute, path);
      recover(absolute, path);
    }
    Connection connection = connect(absolute, path, new java.util.Properties());
    try {
      try (Statement s = connection.createStatement()) {
        // UTC everywhere: FOCUS timestamps are UTC and must never be shifted by the host zone.
        s.execute("SET TimeZone = 'UTC'");
      }
      Checkpoints.configure(connection);
      Migrations.apply(connection, path);
      if (created) OwnerOnly.restrict(absolute);
      return new Store(path, connection, absolute, true);
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
   * Opens an existing store for reading only, changing nothing in it or beside it: no migration, no
   * recovery of an interrupted checkpoint, no checkpoint on close (DuckDB's {@code read_only} mode,
   * which also lets another reader open it at the same time). A store at another schema version
   * than this nuage's, or with an interrupted checkpoint to finish, is refused with what to do,
   * since reading it as it is could give wrong answers. For commands that only read (the report).
   */
  public static Store openReadOnly(Path path) {
    Path absolute = path.toAbsolutePath();
    if (!Files.isRegularFile(absolute))
      throw new NuageException(
          "no store at " + path + " (expected a .duckdb file written by nuage ingest)");
    if (!LIVE.containsKey(absolute)) {
      refuseEmpty(absolute, path);
      if (Files.exists(Checkpoints.shadowOf(absolute)))
        throw new NuageException(
            "the store "
                + path
                + " has an interrupted checkpoint to finish (it was left by a crash), which a"
                + " read-only open may not do: run `nuage ingestions --db "
                + path
                + "` once, which finishes it, then this command again");
    }
    var properties = new java.util.Properties();
    properties.setProperty("duckdb.read_only", "true");
    Connection connection = connect(absolute, path, properties);
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      Migrations.requireLatest(connection, path);
      return new Store(path, connection, absolute, false);
    } catch (SQLException | RuntimeException e) {
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
   * Finishes a checkpoint a crash interrupted ({@link Checkpoints}) before DuckDB reads the file.
   */
  private static void recover(Path absolute, Path shown) {
    try {
      Checkpoints.recover(absolute);
    } catch (IOException e) {
      throw new NuageException(
          "cannot open the store "
              + shown
              + ": a checkpoint was interrupted and its saved blocks cannot be put back ("
              + e.getMessage()
              + "); keep "
              + Checkpoints.shadowOf(shown).getFileName()
              + " beside the store and copy both somewhere safe before anything else",
          e);
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

  /**
   * Creates and migrates a new store under a temporary name beside it, then links it into place: a
   * store at {@code absolute} is always whole. DuckDB creating the file in place let two processes
   * race on it, and the loser could leave an empty file that every later command refused (issue 10,
   * item 8). When another process links its store first, that one is used.
   */
  private static void createWhole(Path absolute, Path shown) {
    Path temp =
        absolute.resolveSibling(
            absolute.getFileName()
                + ".new-"
                + ProcessHandle.current().pid()
                + "-"
                + System.nanoTime());
    try {
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + temp);
          Statement s = c.createStatement()) {
        UnpackedNatives.forget(DUCKDB_COPY);
        s.execute("SET TimeZone = 'UTC'");
        Migrations.apply(c, shown);
      } // a clean close checkpoints: the file holds everything, no write-ahead log is left
      OwnerOnly.restrict(temp); // owner-only before it has its name (issue 10, item 6)
      try {
        Files.createLink(absolute, temp); // fails if the name exists: atomic, never replaces
      } catch (FileAlreadyExistsException createdMeanwhile) {
        // another process linked its store first: use that one
      } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
        moveUnlessPresent(temp, absolute);
      }
    } catch (SQLException | IOException e) {
      throw new NuageException("cannot create the store " + shown + ": " + firstLine(e), e);
    } finally {
      try {
        Files.deleteIfExists(temp);
        Files.deleteIfExists(walOf(temp));
      } catch (IOException ignored) {
        // a stray temporary file beside the store is harmless; the store is what matters
      }
    }
  }

  /**
   * Where hard links are not supported: a move that refuses to replace (the check and the rename
   * are two steps there, so this narrows the race rather than closing it).
   */
  private static void moveUnlessPresent(Path temp, Path absolute) throws IOException {
    try {
      Files.move(temp, absolute);
    } catch (FileAlreadyExistsException createdMeanwhile) {
      // another process's store is there: use that one
    }
  }

  /** An empty file is a store whose creation was interrupted by a version before createWhole. */
  private static void refuseEmpty(Path absolute, Path shown) {
    try {
      if (Files.isRegularFile(absolute) && Files.size(absolute) == 0)
        throw new NuageException(
            "the store "
                + shown
                + " is empty (0 bytes): its creation was interrupted (an earlier version could leave"
                + " this when two processes created it at once), so it holds nothing: delete it and run"
                + " the command again");
    } catch (IOException e) {
      // unreadable: DuckDB's open below says why
    }
    refuseNotDuckDb(absolute, shown);
  }

  /**
   * A file that is not a DuckDB database (a CSV or JSON given to {@code --db} by mistake): DuckDB's
   * JDBC driver would read it as something else or open an empty store in memory, and what is
   * written there would vanish. A DuckDB file has the magic {@code DUCK} at byte 8.
   */
  private static void refuseNotDuckDb(Path absolute, Path shown) {
    byte[] head = new byte[12];
    int n;
    try (var in = Files.newInputStream(absolute)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      return; // unreadable: DuckDB's open says why
    }
    if (n < 12
        || !new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("DUCK"))
      throw new NuageException(
          shown
              + ": not a Nuage store (the file exists and is not a DuckDB database: no DuckDB header);"
              + " give --db the store's .duckdb file, or a path where none exists yet to create one");
  }

  public Path path() {
    return path;
  }

  /**
   * The store's JDBC connection, for the store's own implementations ({@code io.nuage.store.*});
   * not an API for callers outside nuage-store.
   */
  /**
   * DuckDB's connection to the file {@code absolute} (the store {@code path} as the user named it),
   * a lock another process holds and any other failure each said by name.
   */
  private static Connection connect(Path absolute, Path path, java.util.Properties properties) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:" + absolute, properties);
      UnpackedNatives.forget(DUCKDB_COPY);
      return connection;
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("Could not set lock")) throw held(path, e);
      throw new NuageException("cannot open the store " + path + ": " + firstLine(e), e);
    }
  }

  /** DuckDB's write-ahead log of the store at {@code db}: the file beside it, named after it. */
  public static Path walOf(Path db) {
    return db.resolveSibling(db.getFileName() + ".wal");
  }

  public Connection connection() {
    return connection;
  }

  /**
   * Another connection to this open store (DuckDB's {@code duplicate}): a reader beside a writer,
   * seeing what was last committed, never waiting for the writer's transaction. Closing it closes
   * that connection only.
   */
  public Store duplicate() {
    try {
      return new Store(
          path, connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate(), file, false);
    } catch (SQLException e) {
      throw new NuageException(
          "cannot open another connection to " + path + ": " + firstLine(e), e);
    }
  }

  /** The schema version this store is at. */
  public int schemaVersion() {
    return Migrations.currentVersion(connection);
  }

  /**
   * Checkpoints under the guard of {@link Checkpoints}, when the write-ahead log holds anything.
   * Long-lived holders (the server) call it after large writes; {@link #close} always does.
   */
  public void checkpoint() {
    if (!primary) return; // a duplicate: the store's own connection checkpoints
    try {
      Checkpoints.checkpoint(connection, file);
    } catch (SQLException | IOException e) {
      // nothing is lost: the write-ahead log keeps every commit, and the next open recovers
    }
  }

  @Override
  public void close() {
    checkpoint();
    closeConnection();
  }

  /** What a crash leaves: the connection closed, no checkpoint. For tests of recovery. */
  void closeWithoutCheckpoint() {
    closeConnection();
  }

  private void closeConnection() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new NuageException("cannot close the store " + path + ": " + firstLine(e), e);
    } finally {
      // the last connection of this JVM gone (DuckDB's instance with it): the shadow's descriptor
      // may close now, dropping no lock anyone still needs
      LIVE.computeIfPresent(
          file,
          (f, open) -> {
            if (open.decrementAndGet() > 0) return open;
            Checkpoints.forget(f);
            return null;
          });
    }
  }

  /** DuckDB messages run to many lines of hints; the first line says what happened. */
  public static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
