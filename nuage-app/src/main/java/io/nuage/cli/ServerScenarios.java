package io.nuage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.core.NuageException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A local scenario file as the server knows it: the stored scenario with the same file name and
 * text when there is one (running a command twice stores nothing twice), else uploaded now (which
 * needs the planner role).
 */
final class ServerScenarios {
  private ServerScenarios() {}

  /** The id ({@code sc_...}) of the stored copy of {@code file}. */
  static String id(ServerClient server, Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NuageException(file + ": cannot read the scenario (" + OutputFile.reason(e) + ")");
    }
    String name = file.getFileName().toString();
    for (JsonNode s : server.get("api/scenarios").path("scenarios")) {
      if (!s.path("fileName").asText().equals(name)) continue;
      String id = s.path("id").asText();
      if (server.get("api/scenarios/" + id).path("yaml").asText().equals(yaml)) return id;
    }
    return server
        .post(
            "api/scenarios" + ServerClient.query(Map.of("name", name)),
            HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8),
            "application/yaml")
        .path("id")
        .asText();
  }
}
