package io.nuage.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The server that holds a store, announced in a small file next to it ({@code nuage.duckdb.serve}:
 * pid and URL) while {@code nuage serve} runs, so that a command refused by DuckDB's lock can say
 * who holds the file and how to go through it. The file is a hint, never a lock: DuckDB's own lock
 * decides, and a file left by a killed server is ignored once its pid is gone.
 *
 * @param pid the server's process id
 * @param url where it serves, e.g. {@code http://127.0.0.1:8080/}
 */
public record StoreHolder(long pid, String url) {
  /** The announcement file of a store. */
  public static Path file(Path store) {
    Path absolute = store.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".serve");
  }

  /**
   * Announces this process as the holder of {@code store}; closing the result removes the file.
   * Failing to write it costs only the better message, so it is not an error.
   */
  public static AutoCloseable announce(Path store, String url) {
    Path file = file(store);
    Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
    var props = new Properties();
    props.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    props.setProperty("url", url);
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        props.store(w, "written by nuage serve while it holds the store; removed when it stops");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      return () -> {};
    }
    return () -> Files.deleteIfExists(file);
  }

  /** The live server announced next to {@code store}, if any. */
  public static Optional<StoreHolder> of(Path store) {
    Path file = file(store);
    if (!Files.isRegularFile(file)) return Optional.empty();
    var props = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(r);
      long pid = Long.parseLong(props.getProperty("pid", ""));
      String url = props.getProperty("url", "");
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive && !url.isEmpty() ? Optional.of(new StoreHolder(pid, url)) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // a hint that cannot be read is no hint
    }
  }
}
