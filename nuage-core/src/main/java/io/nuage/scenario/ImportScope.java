package io.nuage.scenario;

import io.nuage.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a scenario's {@code catalog.imports} may be read from. The CLI reads any path the user
 * names ({@link #relativeTo}); a server reads only files inside the folders its operator configured
 * ({@link #confinedTo}), because an upload's imports are chosen by a remote caller: an answer that
 * quoted a file's columns or said whether a path exists would let them read the machine.
 */
public final class ImportScope {
  private final Path baseDir;
  private final List<Path> folders;

  private ImportScope(Path baseDir, List<Path> folders) {
    this.baseDir = baseDir;
    this.folders = folders;
  }

  /** Any path; a relative one resolves against {@code baseDir} (the scenario file's folder). */
  public static ImportScope relativeTo(Path baseDir) {
    return new ImportScope(Objects.requireNonNull(baseDir, "baseDir"), List.of());
  }

  /**
   * Only regular files inside one of {@code folders} (symbolic links resolved), named relative to
   * it, tried in order.
   */
  public static ImportScope confinedTo(List<Path> folders) {
    if (folders.isEmpty()) throw new IllegalArgumentException("no import folders");
    return new ImportScope(
        Path.of(""), folders.stream().map(f -> f.toAbsolutePath().normalize()).toList());
  }

  boolean confined() {
    return !folders.isEmpty();
  }

  /** The file an import names, or empty when it is refused (see {@link #refusal}). */
  Optional<Path> resolve(String written) {
    if (!confined()) return Optional.of(baseDir.resolve(written).normalize());
    if (written.isBlank() || written.indexOf('\0') >= 0 || written.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    Path name;
    try {
      name = Path.of(written);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    if (name.isAbsolute()) return Optional.empty();
    for (Path part : name) if (part.toString().equals("..")) return Optional.empty();
    for (Path folder : folders) {
      Optional<Path> inside = inside(folder, folder.resolve(name).normalize());
      if (inside.isPresent()) return inside;
    }
    return Optional.empty();
  }

  /** The real file when it is a regular file whose real path stays inside the folder's. */
  private static Optional<Path> inside(Path folder, Path candidate) {
    try {
      Path real = candidate.toRealPath();
      if (real.startsWith(folder.toRealPath()) && Files.isRegularFile(real)) {
        return Optional.of(real);
      }
    } catch (IOException | SecurityException e) {
      // missing, unreadable or a broken link: refused like any other name outside the folders
    }
    return Optional.empty();
  }

  /**
   * Why an import was refused. A confined scope says the same words whatever is or is not on the
   * disk and does not even quote the name (the problem's line, column and path locate it).
   */
  String refusal(String written) {
    if (!confined()) {
      Path resolved = baseDir.resolve(written).normalize();
      return "cannot read the import (got "
          + written
          + ", expected an existing file relative to the scenario's folder; "
          + resolved
          + " does not exist)";
    }
    return "import refused (expected the name of a price file inside a folder the server's"
        + " operator configured, relative to it, such as catalog/frontier-lab-2027-prices.yaml,"
        + " without '..' or a leading '/'; see docs/server.md)";
  }

  /**
   * How problems name an imported file: as written for a confined scope (never the server's own
   * paths), else its path.
   */
  String displayName(String written, Path file) {
    return confined() ? written : file.toString();
  }

  /** A price file's problems, with the server's folder left out of what they quote. */
  Problem scrub(Problem p, String written, Path file) {
    if (!confined()) return p;
    String path = file.toString();
    return new Problem(
        p.file().replace(path, written),
        p.line(),
        p.column(),
        p.path(),
        p.message().replace(path, written));
  }
}
