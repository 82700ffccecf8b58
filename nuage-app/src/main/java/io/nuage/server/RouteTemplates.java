package io.nuage.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The API's path templates, read from the served OpenAPI document, so that a request refused before
 * its route ran (401, 403, an early 413) is still counted under its route and not "unmatched".
 */
final class RouteTemplates {
  private record Template(String path, Pattern pattern) {}

  private final List<Template> templates;

  private RouteTemplates(List<Template> templates) {
    this.templates = List.copyOf(templates);
  }

  static RouteTemplates fromOpenApi(ObjectMapper json) {
    try {
      var paths = json.readTree(SystemRoutes.openApiDocument()).path("paths");
      var found = new ArrayList<Template>();
      paths.fieldNames().forEachRemaining(path -> found.add(new Template(path, compile(path))));
      return new RouteTemplates(found);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template {@code path} fits, or null. */
  @Nullable String match(String path) {
    for (Template t : templates) {
      if (t.pattern().matcher(path).matches()) return t.path();
    }
    return null;
  }

  private static Pattern compile(String template) {
    var regex = new StringBuilder();
    for (String part : template.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
