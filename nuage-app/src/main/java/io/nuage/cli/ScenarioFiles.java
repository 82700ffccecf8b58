package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import java.nio.file.Path;

/**
 * Reads a scenario file for a command. The planner branch was written before the scenario parser
 * was merged: the lead replaces the body with the parser's entry point (one line).
 */
final class ScenarioFiles {
  private ScenarioFiles() {}

  static Scenario read(Path file) {
    throw new NuageException(
        "cannot read " + file + ": the scenario parser is not part of this build yet");
  }
}
