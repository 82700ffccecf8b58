package io.nuage.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP responses: RFC 9457 problem details, never a stack
 * trace. Internal errors are logged by class and frames only, since a message may quote input.
 */
final class ProblemResponses {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger("nuage.server");

  private final ObjectMapper json;
  private final Bodies bodies;
  private final Redaction redaction;

  ProblemResponses(ObjectMapper json, Bodies bodies, Redaction redaction) {
    this.json = json;
    this.bodies = bodies;
    this.redaction = redaction;
  }

  /** One located problem, as the CLI prints it but as fields. */
  record Item(String file, int line, int column, String path, String message) {
    static Item of(Problem p) {
      return new Item(p.file(), p.line(), p.column(), p.path(), p.message());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      @Nullable List<Item> problems,
      @Nullable String errorId) {}

  void register(RoutesConfig routes) {
    routes.exception(HttpProblem.class, this::httpProblem);
    routes.exception(ValidationException.class, this::validation);
    routes.exception(NuageException.class, this::nuage);
    routes.exception(HttpResponseException.class, this::javalin);
    routes.exception(Exception.class, this::internal);
  }

  private void httpProblem(HttpProblem e, Context ctx) {
    // refused before the handler read the body: take it in, so the client reads this answer
    if (e.status() == 401 || e.status() == 403) bodies.drainUnread(ctx);
    if (e.status() == 413) bodies.swallowRefused(ctx);
    e.headers().forEach(ctx::header);
    List<Item> items = e.problems().isEmpty() ? null : e.problems().stream().map(Item::of).toList();
    send(ctx, e.status(), e.slug(), e.title(), e.getMessage(), items, null);
  }

  private void validation(ValidationException e, Context ctx) {
    List<Item> items = e.problems().stream().map(Item::of).toList();
    send(ctx, 422, "validation", "Invalid input", e.getMessage(), items, null);
  }

  private void nuage(NuageException e, Context ctx) {
    if (e.exitCode() == 1) {
      internal(e, ctx);
      return;
    }
    send(ctx, 400, "bad-request", "Bad request", e.getMessage(), null, null);
  }

  private void javalin(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String slug =
        switch (status) {
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          case 413 -> "content-too-large";
          case 400 -> "bad-request";
          default -> "http-" + status;
        };
    String detail =
        switch (status) {
          case 404 -> "no such path: " + ctx.path();
          case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
          default -> String.valueOf(e.getMessage());
        };
    send(ctx, status, slug, titleOf(status), detail, null, null);
  }

  private void internal(Exception e, Context ctx) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("internal error id={} method={} path={}: {}", id, ctx.method(), ctx.path(), trace(e));
    send(
        ctx,
        500,
        "internal",
        "Internal server error",
        "internal error (id " + id + "; the server log has the details)",
        null,
        id);
  }

  void send(
      Context ctx,
      int status,
      String slug,
      String title,
      String detail,
      @Nullable List<Item> problems,
      @Nullable String errorId) {
    List<Item> shown =
        problems == null
            ? null
            : problems.stream()
                .map(
                    p ->
                        new Item(
                            redaction.apply(p.file()),
                            p.line(),
                            p.column(),
                            p.path(),
                            redaction.apply(p.message())))
                .toList();
    var body =
        new Body(
            "urn:nuage:problem:" + slug,
            title,
            status,
            redaction.apply(detail),
            ctx.path(),
            shown,
            errorId);
    try {
      ctx.status(status)
          .contentType(CONTENT_TYPE + "; charset=utf-8")
          .result(json.writeValueAsString(body));
    } catch (Exception writeFailure) {
      ctx.status(500).contentType(CONTENT_TYPE + "; charset=utf-8").result("{\"status\":500}");
    }
  }

  private static String titleOf(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Content too large";
      default -> "HTTP " + status;
    };
  }

  /** Exception classes and frames, without messages: a message may quote a token or a file. */
  static String trace(Throwable e) {
    var sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t != e) sb.append(" | caused by ");
      sb.append(t.getClass().getName());
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 12); i++) sb.append("\n\tat ").append(frames[i]);
      if (t.getCause() == t) break;
    }
    return sb.toString();
  }
}
