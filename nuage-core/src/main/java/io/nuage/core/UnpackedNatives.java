package io.nuage.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * DuckDB's driver and OR-Tools unpack their native libraries (69 MB each) into the temp folder at
 * start-up and delete them when the JVM exits. A process killed with SIGKILL never exits, so each
 * kill left its copies behind: 965 of DuckDB's alone (66 GB) filled this project's machine. Once
 * loaded, a library needs no file (Linux keeps the mapping), so a process deletes its own copies as
 * soon as they are mapped: the entries of the temp folder that this process's {@code
 * /proc/self/maps} names, and nothing else. Where that file does not exist, nothing happens and the
 * libraries' own delete at exit stays the only one.
 */
public final class UnpackedNatives {
  private static final Set<String> FORGOTTEN = ConcurrentHashMap.newKeySet();

  private UnpackedNatives() {}

  /**
   * Deletes, once per process and name pattern, the entries directly in the temp folder whose name
   * matches {@code entry} and that this process has mapped (the file itself, or a file under it).
   */
  public static void forget(Pattern entry) {
    if (FORGOTTEN.add(entry.pattern())) {
      deleteMapped(
          Path.of("/proc/self/maps"), Path.of(System.getProperty("java.io.tmpdir")), entry);
    }
  }

  /** The entries of {@code folder} matching {@code entry} that {@code maps} names, deleted. */
  static List<Path> deleteMapped(Path maps, Path folder, Pattern entry) {
    if (!Files.isReadable(maps) || !Files.isDirectory(folder)) return List.of();
    List<Path> entries;
    try (Stream<String> lines = Files.lines(maps)) {
      entries =
          lines
              .map(UnpackedNatives::mappedFile)
              .map(file -> file == null ? null : entryOf(file, folder, entry))
              .filter(e -> e != null)
              .distinct()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // only tidiness is lost: the libraries still delete their copies at exit
    }
    return entries.stream().filter(UnpackedNatives::deleteTree).toList();
  }

  private static Path mappedFile(String line) {
    int slash = line.indexOf('/');
    if (slash < 0) return null;
    String name = line.substring(slash);
    return name.endsWith(" (deleted)") ? null : Path.of(name);
  }

  /** The entry of {@code folder} that holds {@code file}, when its name matches; else null. */
  private static Path entryOf(Path file, Path folder, Pattern entry) {
    for (Path p = file; p != null && p.getParent() != null; p = p.getParent()) {
      if (entry.matcher(p.getFileName().toString()).matches() && sameFile(p.getParent(), folder)) {
        return p;
      }
    }
    return null;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean deleteTree(Path entry) {
    try (Stream<Path> walk = Files.walk(entry)) {
      List<Path> deepestFirst = new ArrayList<>(walk.toList());
      deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
      for (Path p : deepestFirst) Files.deleteIfExists(p);
      return true;
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }
}
