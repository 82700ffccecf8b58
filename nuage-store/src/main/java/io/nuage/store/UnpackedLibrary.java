package io.nuage.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * DuckDB's driver unpacks its native library (69 MB) into the temp folder at start-up and deletes
 * it when the JVM exits. A process killed with SIGKILL never exits, so each kill left a copy
 * behind: 965 of them (66 GB) filled this project's machine. Once loaded, the library needs no file
 * (Linux keeps the mapping), so this process deletes its own copy as soon as it is mapped: the
 * copies the maps of this process name, in the temp folder, and nothing else. Where {@code
 * /proc/self/maps} does not exist, nothing happens and DuckDB's delete at exit stays the only one.
 */
final class UnpackedLibrary {
  private static final Pattern DUCKDB_COPY = Pattern.compile("libduckdb_java\\d*\\.so");
  private static final AtomicBoolean FORGOTTEN = new AtomicBoolean();

  private UnpackedLibrary() {}

  /** Deletes, once per process, the copy of DuckDB's library this process unpacked and mapped. */
  static void forget() {
    if (FORGOTTEN.compareAndSet(false, true))
      deleteMapped(Path.of("/proc/self/maps"), tempFolder());
  }

  /** The files named by {@code maps} that are DuckDB copies in {@code folder}, deleted. */
  static List<Path> deleteMapped(Path maps, Path folder) {
    if (!Files.isReadable(maps) || !Files.isDirectory(folder)) return List.of();
    List<Path> copies;
    try (Stream<String> lines = Files.lines(maps)) {
      copies =
          lines
              .map(UnpackedLibrary::mappedFile)
              .filter(p -> p != null && isCopyIn(p, folder))
              .distinct()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // only tidiness is lost: DuckDB still deletes its copy at a normal exit
    }
    return copies.stream().filter(UnpackedLibrary::delete).toList();
  }

  private static Path mappedFile(String line) {
    int slash = line.indexOf('/');
    if (slash < 0) return null;
    String name = line.substring(slash);
    return name.endsWith(" (deleted)") ? null : Path.of(name);
  }

  private static boolean isCopyIn(Path file, Path folder) {
    Path parent = file.getParent();
    if (parent == null || !DUCKDB_COPY.matcher(file.getFileName().toString()).matches()) {
      return false;
    }
    try {
      return Files.isSameFile(parent, folder);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean delete(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path tempFolder() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
