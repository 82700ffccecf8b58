package io.nuage.cli;

import io.nuage.plan.history.Plans;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.nio.file.Path;

/** Reads a scenario file for a command: the strict parser reports every problem with its place. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  static Scenario read(Path file) {
    return ScenarioParser.parse(file);
  }

  /**
   * The version of a scenario file a command's output was computed from: SHA-256 of its bytes, hex
   * ({@link Plans#contentHash}, as a stored plan names it).
   */
  static String contentHash(Path file) {
    return Plans.contentHash(ReplanCommand.read(file));
  }
}
