package io.nuage.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository checkout that tests run in (for {@code examples/} and {@code docs/}): the
 * build's {@code nuage.repo} property, else the nearest parent of the working directory that holds
 * {@code examples/frontier-lab-2027.yaml}.
 */
public final class Repo {
  private Repo() {}

  public static Path root() {
    String property = System.getProperty("nuage.repo", "");
    if (!property.isEmpty() && Files.isDirectory(Path.of(property, "examples"))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("examples/frontier-lab-2027.yaml"))) return dir;
    }
    throw new IllegalStateException(
        "repository root with examples/ not found above " + Path.of("").toAbsolutePath());
  }
}
