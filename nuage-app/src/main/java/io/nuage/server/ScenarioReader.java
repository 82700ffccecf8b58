package io.nuage.server;

import io.nuage.scenario.Scenario;

/**
 * Reads an uploaded scenario exactly as the CLI does, throwing {@link
 * io.nuage.core.ValidationException} with located problems; {@code fileName} is how they name it.
 */
@FunctionalInterface
public interface ScenarioReader {
  Scenario read(String fileName, String yaml);
}
