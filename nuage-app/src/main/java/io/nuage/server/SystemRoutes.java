package io.nuage.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** /health, /openapi.json and /metrics. */
final class SystemRoutes {
  static final String OPENAPI = "/io/nuage/server/openapi.json";
  private final ServerMetrics metrics;
  private final String openApi;

  SystemRoutes(ServerMetrics metrics) {
    this.metrics = metrics;
    this.openApi = openApiDocument();
  }

  void register(RoutesConfig routes) {
    Reads.get(routes, "/health", this::health, Access.PUBLIC);
    Reads.get(routes, "/openapi.json", this::openApi, Access.VIEWER);
    Reads.get(routes, "/metrics", this::metrics, Access.VIEWER);
  }

  private void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  private void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  static String openApiDocument() {
    try (InputStream in = SystemRoutes.class.getResourceAsStream(OPENAPI)) {
      if (in == null) throw new IllegalStateException("missing resource " + OPENAPI);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
