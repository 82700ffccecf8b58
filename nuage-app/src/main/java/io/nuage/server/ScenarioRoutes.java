package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nuage.store.server.StoredScenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** /api/scenarios: upload (validated like the CLI), list and get. */
final class ScenarioRoutes {
  private final ScenarioLibrary library;
  private final Bodies bodies;
  private final ObjectMapper json;

  record View(
      String id,
      String name,
      String fileName,
      Instant uploadedAt,
      long bytes,
      JsonNode summary,
      @Nullable String yaml) {}

  ScenarioRoutes(ScenarioLibrary library, Bodies bodies, ObjectMapper json) {
    this.library = library;
    this.bodies = bodies;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/scenarios", this::upload, Access.PLANNER);
    Reads.get(routes, "/api/scenarios", this::list, Access.VIEWER);
    Reads.get(routes, "/api/scenarios/{id}", this::get, Access.VIEWER);
  }

  private void upload(Context ctx) {
    String fileName = Params.fileName(ctx, "scenario.yaml");
    String yaml = bodies.scenarioText(ctx);
    ctx.status(201).json(view(library.upload(fileName, yaml), false));
  }

  private void list(Context ctx) {
    List<View> all = library.list().stream().map(s -> view(s, false)).toList();
    if (CsvAnswers.wanted(ctx))
      CsvAnswers.sendValue(
          ctx,
          json,
          Map.of("scenarios", all),
          t ->
              io.nuage.cli.JsonCsv.table(
                  t.path("scenarios"),
                  java.util.List.of(
                      io.nuage.cli.JsonCsv.Column.of("id", "/id"),
                      io.nuage.cli.JsonCsv.Column.of("name", "/name"),
                      io.nuage.cli.JsonCsv.Column.of("file_name", "/fileName"),
                      io.nuage.cli.JsonCsv.Column.of("uploaded_at", "/uploadedAt"),
                      // two uploads of one file differ by id and time; the size says which file
                      io.nuage.cli.JsonCsv.Column.of("bytes", "/bytes"))));
    else ctx.json(Map.of("scenarios", all));
  }

  private void get(Context ctx) {
    ctx.json(view(library.get(ctx.pathParam("id")), true));
  }

  private View view(StoredScenario s, boolean withYaml) {
    JsonNode summary;
    try {
      summary = json.readTree(s.summary());
    } catch (Exception e) {
      throw new IllegalStateException("stored scenario summary is not JSON: " + s.id(), e);
    }
    return new View(
        s.id(),
        s.name(),
        s.fileName(),
        s.uploadedAt(),
        s.yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
        summary,
        withYaml ? s.yaml() : null);
  }
}
