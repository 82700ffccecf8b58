package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a real response against the OpenAPI document the server serves: the operation exists and
 * documents the status, and a JSON body fits the schema of that status (problem details for every
 * error). {@link RunningServer} runs it on every response of every API test.
 */
final class OpenApiContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonNode document;
  private final SchemaChecker checker;

  OpenApiContract(String document) {
    try {
      this.document = JSON.readTree(document);
    } catch (Exception e) {
      throw new IllegalStateException("openapi.json is not JSON", e);
    }
    this.checker = new SchemaChecker(this.document);
  }

  static OpenApiContract served() {
    return new OpenApiContract(SystemRoutes.openApiDocument());
  }

  JsonNode document() {
    return document;
  }

  /** Throws an AssertionError naming every mismatch. */
  void conform(String method, String path, int status, String contentType, String body) {
    String where = method + " " + path + " -> " + status;
    Optional<Map.Entry<String, JsonNode>> template = template(path);
    JsonNode operation =
        template.map(t -> t.getValue().get(method.toLowerCase(Locale.ROOT))).orElse(null);
    JsonNode schema;
    if (operation == null) {
      // an unknown path or method: only the problem shape is promised
      if (status < 400) throw new AssertionError(where + ": undocumented success");
      schema = checker.resolve("#/components/schemas/Problem");
      contentType = expectProblem(where, contentType);
    } else {
      JsonNode response = operation.path("responses").get(Integer.toString(status));
      if (response == null) {
        throw new AssertionError(where + ": status not documented for " + template.get().getKey());
      }
      JsonNode content = response.path("content");
      String mediaType = contentType.split(";")[0].strip();
      if (!content.has(mediaType)) {
        throw new AssertionError(where + ": content type " + mediaType + " not documented");
      }
      schema = content.get(mediaType).path("schema");
    }
    if (!contentType.contains("json")) return;
    JsonNode value;
    try {
      value = JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(where + ": body is not JSON: " + body);
    }
    var errors = checker.check(value, schema, "$");
    if (!errors.isEmpty()) throw new AssertionError(where + ": " + String.join("; ", errors));
  }

  private static String expectProblem(String where, String contentType) {
    if (!contentType.startsWith(ProblemResponses.CONTENT_TYPE)) {
      throw new AssertionError(where + ": error with content type " + contentType);
    }
    return contentType;
  }

  private Optional<Map.Entry<String, JsonNode>> template(String path) {
    for (var entry : document.path("paths").properties()) {
      String regex = Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      if (path.matches(regex)) return Optional.of(entry);
    }
    return Optional.empty();
  }
}
