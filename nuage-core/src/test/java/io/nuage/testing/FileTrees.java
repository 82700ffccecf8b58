package io.nuage.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a directory holds, for tests that a refusal changed nothing in it. */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Every file and directory under {@code root} (hidden ones too, such as a lock or a staging
   * directory), relative to it, each file with its size, sorted.
   */
  public static List<String> tree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> !p.equals(root))
          .map(p -> root.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : ""))
          .sorted()
          .toList();
    }
  }
}
