package io.nuage.cli;

import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.nio.file.Path;

/** Reads a scenario file for a command: the strict parser reports every problem with its place. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  static Scenario read(Path file) {
    return ScenarioParser.parse(file);
  }
}
