package io.nuage.server;

import io.nuage.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Test inputs kept next to the tests. */
final class Examples {
  private Examples() {}

  /** The complete example of docs/scenario.md: small enough to plan in seconds. */
  static String tinyLab() {
    return resource("tiny-lab.yaml");
  }

  /** A six-month scenario that plans in seconds. */
  static String microLab() {
    return resource("micro-lab.yaml");
  }

  /**
   * The shipped example: it takes a second or more to plan even warm, so a job of it is still
   * running or queued when the next request arrives (the tests that cancel rely on that).
   */
  static String frontierLab() {
    try {
      return Files.readString(SharedData.repo().resolve("examples/frontier-lab-2027.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = Examples.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing test resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
