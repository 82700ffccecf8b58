package io.nuage.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each request once it is answered: a JSON line on the logger {@code nuage.access} and the
 * latency timer. Logs the route, status, timing and token id; never a header, a query string or a
 * body (docs/server.md).
 */
final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("nuage.access");
  private final ObjectMapper json;
  private final ServerMetrics metrics;

  AccessLog(ObjectMapper json, ServerMetrics metrics) {
    this.json = json;
    this.metrics = metrics;
  }

  void log(Context ctx, Float millis) {
    String route = route(ctx);
    int status = ctx.statusCode();
    metrics.request(ctx.method().name(), route, status, (long) (millis * 1_000_000L));
    if (!LOG.isInfoEnabled()) return;
    var line = new LinkedHashMap<String, Object>();
    line.put("ts", Instant.now().toString());
    line.put("method", ctx.method().name());
    line.put("route", route);
    line.put("path", ctx.path());
    line.put("status", status);
    line.put("ms", Math.round(millis * 100) / 100.0);
    line.put("bytesIn", Math.max(0, ctx.req().getContentLengthLong()));
    Principal who = Authentication.current(ctx);
    if (who != null) {
      line.put("token", who.tokenId());
      line.put("role", who.role().label());
    }
    try {
      LOG.info(json.writeValueAsString(line));
    } catch (Exception e) {
      LOG.warn("access log line could not be written: {}", e.getClass().getName());
    }
  }

  /** The route template that matched (so ids do not explode the metric), or "unmatched". */
  static String route(Context ctx) {
    try {
      var endpoint = ctx.endpoints().lastHttpEndpoint();
      return endpoint == null ? "unmatched" : endpoint.path;
    } catch (RuntimeException none) {
      return "unmatched";
    }
  }
}
