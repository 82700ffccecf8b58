package io.nuage.store.server;

import io.nuage.core.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * A scenario uploaded through the API.
 *
 * @param name the scenario's own name (from the file)
 * @param fileName the name the uploader gave the file, used in located messages
 * @param summary a JSON object describing the parsed scenario (counts, horizon)
 * @param yaml the file as uploaded
 */
public record StoredScenario(
    String id, String name, String fileName, Instant uploadedAt, String summary, String yaml) {
  public StoredScenario {
    Checks.id(id, "scenario.id");
    Checks.id(name, "scenario.name");
    Checks.id(fileName, "scenario.fileName");
    Objects.requireNonNull(uploadedAt, "scenario.uploadedAt");
    Objects.requireNonNull(summary, "scenario.summary");
    Objects.requireNonNull(yaml, "scenario.yaml");
  }
}
