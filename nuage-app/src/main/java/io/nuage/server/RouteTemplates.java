package io.nuage.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The API's path templates and their query parameters, read from the served OpenAPI document: a
 * request refused before its route ran (401, 403, an early 413) is still counted under its route
 * and not "unmatched", and a query parameter the document does not list is refused (a misspelt
 * filter would otherwise be ignored and answer every row).
 */
final class RouteTemplates {
  /** Query parameter names by lower-case method. */
  private record Template(String path, Pattern pattern, Map<String, Set<String>> queryParams) {}

  private final List<Template> templates;

  private RouteTemplates(List<Template> templates) {
    this.templates = List.copyOf(templates);
  }

  static RouteTemplates fromOpenApi(ObjectMapper json) {
    try {
      var paths = json.readTree(SystemRoutes.openApiDocument()).path("paths");
      var found = new ArrayList<Template>();
      for (var entry : paths.properties()) {
        var byMethod = new HashMap<String, Set<String>>();
        for (var op : entry.getValue().properties()) {
          var names = new HashSet<String>();
          for (var p : op.getValue().path("parameters")) {
            if ("query".equals(p.path("in").asText())) names.add(p.path("name").asText());
          }
          byMethod.put(op.getKey(), Set.copyOf(names));
        }
        found.add(new Template(entry.getKey(), compile(entry.getKey()), Map.copyOf(byMethod)));
      }
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

  /**
   * Before a matched route: a query parameter that the document does not list for this path and
   * method is a 400 naming it and the ones expected.
   */
  void checkQuery(Context ctx) {
    Set<String> given = ctx.queryParamMap().keySet();
    // a liveness probe may add whatever its tool adds; it reads nothing
    if (given.isEmpty() || ctx.path().equals("/health")) return;
    for (Template t : templates) {
      if (!t.pattern().matcher(ctx.path()).matches()) continue;
      // HEAD is GET without the body: the same parameters
      String method = ctx.method() == HandlerType.HEAD ? "get" : ctx.method().name();
      Set<String> known = t.queryParams().getOrDefault(method.toLowerCase(Locale.ROOT), Set.of());
      for (String name : given) {
        if (!known.contains(name)) {
          throw new HttpProblem.BadRequest(
              "unknown query parameter '"
                  + name
                  + "' (expected "
                  + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known)))
                  + ")");
        }
      }
      return;
    }
  }

  private static Pattern compile(String template) {
    var regex = new StringBuilder();
    for (String part : template.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
