package io.nuage.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this build in a new JVM with the given environment: what a user's shell
 * does, for the behaviours that read environment variables or the process's own identity.
 */
record CliProcess(int code, String out, String err) {
  /** Runs {@code nuage ARGS} with {@code env} added to (or, for null values, removed from) ours. */
  static CliProcess run(Map<String, String> env, String... args) {
    return runMain(Main.class, env, args);
  }

  static CliProcess runMain(Class<?> main, Map<String, String> env, String... args) {
    return runIn(Path.of("."), main, env, args);
  }

  /** Runs a main class in the working directory {@code dir}. */
  static CliProcess runIn(Path dir, Class<?> main, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(command(main));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).directory(dir.toFile());
    env.forEach(
        (k, v) -> {
          if (v == null) builder.environment().remove(k);
          else builder.environment().put(k, v);
        });
    try {
      Path out = java.nio.file.Files.createTempFile("nuage-cli", ".out");
      Path err = java.nio.file.Files.createTempFile("nuage-cli", ".err");
      try {
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("nuage " + String.join(" ", args) + " did not end in 120 s");
        }
        return new CliProcess(
            p.exitValue(),
            java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
            java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        java.nio.file.Files.deleteIfExists(out);
        java.nio.file.Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The java command line of a main class of this build, on this JVM's class path. */
  static List<String> command(Class<?> main) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-cp",
        System.getProperty("java.class.path"),
        main.getName());
  }
}
