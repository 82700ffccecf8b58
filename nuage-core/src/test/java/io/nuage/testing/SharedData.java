package io.nuage.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the read-only third-party data ({@code shared/data}) that tests run on. Takes {@code
 * NUAGE_SHARED_DATA} when set (failing when it is wrong), else walks up from the repository root
 * (system property {@code nuage.repo}, set by the build) and the working directory for {@code
 * shared/data} or {@code ../shared/data}. Tests that need the data fail, never skip, when it is
 * missing.
 */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String env = System.getenv("NUAGE_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      // what the user set is what they meant: a wrong value fails, never falls back to a copy
      if (Files.isDirectory(Path.of(env, "gpu_prices"))) return Path.of(env).toAbsolutePath();
      throw new IllegalStateException(
          "NUAGE_SHARED_DATA=" + env + " is not a shared/data folder (no gpu_prices/ in it)");
    }
    for (String start : new String[] {System.getProperty("nuage.repo", ""), "."}) {
      if (start.isEmpty()) continue;
      for (Path dir = Path.of(start).toAbsolutePath(); dir != null; dir = dir.getParent()) {
        for (Path candidate :
            new Path[] {dir.resolve("shared/data"), dir.resolve("../shared/data")}) {
          if (Files.isDirectory(candidate.resolve("gpu_prices"))) return candidate.normalize();
        }
      }
    }
    throw new IllegalStateException(
        "shared/data not found: set NUAGE_SHARED_DATA or run from a checkout next to ../shared");
  }

  public static Path file(String relative) {
    Path path = root().resolve(relative);
    if (!Files.exists(path)) throw new IllegalStateException("missing shared data file: " + path);
    return path;
  }

  /** The repository root (the folder holding the root pom.xml). */
  public static Path repo() {
    String repo = System.getProperty("nuage.repo");
    if (repo != null && Files.exists(Path.of(repo, "pom.xml")))
      return Path.of(repo).toAbsolutePath();
    for (Path dir = Path.of(".").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("nuage-core/pom.xml"))) return dir;
    }
    throw new IllegalStateException(
        "repository root not found from " + Path.of(".").toAbsolutePath());
  }
}
