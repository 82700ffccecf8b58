package io.nuage.server;

import io.nuage.core.NuageException;
import java.util.Map;

/**
 * An error meant for an HTTP client: its status, an RFC 9457 type slug and a detail for a person.
 * The family is closed; {@link ProblemResponses} turns each into a problem-details response.
 */
abstract sealed class HttpProblem extends NuageException {
  private static final long serialVersionUID = 1L;

  private HttpProblem(String detail) {
    super(detail);
  }

  abstract int status();

  abstract String slug();

  abstract String title();

  /** Response headers the status requires (WWW-Authenticate, Allow). */
  Map<String, String> headers() {
    return Map.of();
  }

  static final class BadRequest extends HttpProblem {
    private static final long serialVersionUID = 1L;

    BadRequest(String detail) {
      super(detail);
    }

    @Override
    int status() {
      return 400;
    }

    @Override
    String slug() {
      return "bad-request";
    }

    @Override
    String title() {
      return "Bad request";
    }
  }

  static final class Unauthorized extends HttpProblem {
    private static final long serialVersionUID = 1L;

    Unauthorized(String detail) {
      super(detail);
    }

    @Override
    int status() {
      return 401;
    }

    @Override
    String slug() {
      return "unauthorized";
    }

    @Override
    String title() {
      return "Unauthorized";
    }

    @Override
    Map<String, String> headers() {
      return Map.of("WWW-Authenticate", "Bearer realm=\"nuage\"");
    }
  }

  static final class Forbidden extends HttpProblem {
    private static final long serialVersionUID = 1L;

    Forbidden(String detail) {
      super(detail);
    }

    @Override
    int status() {
      return 403;
    }

    @Override
    String slug() {
      return "forbidden";
    }

    @Override
    String title() {
      return "Forbidden";
    }
  }

  static final class NotFound extends HttpProblem {
    private static final long serialVersionUID = 1L;

    NotFound(String detail) {
      super(detail);
    }

    @Override
    int status() {
      return 404;
    }

    @Override
    String slug() {
      return "not-found";
    }

    @Override
    String title() {
      return "Not found";
    }
  }

  static final class Conflict extends HttpProblem {
    private static final long serialVersionUID = 1L;

    Conflict(String detail) {
      super(detail);
    }

    @Override
    int status() {
      return 409;
    }

    @Override
    String slug() {
      return "conflict";
    }

    @Override
    String title() {
      return "Conflict";
    }
  }

  static final class ContentTooLarge extends HttpProblem {
    private static final long serialVersionUID = 1L;

    ContentTooLarge(long limit) {
      super("the request body is larger than the limit of " + limit + " bytes (see --max-body)");
    }

    @Override
    int status() {
      return 413;
    }

    @Override
    String slug() {
      return "content-too-large";
    }

    @Override
    String title() {
      return "Content too large";
    }
  }

  static final class TooManyRequests extends HttpProblem {
    private static final long serialVersionUID = 1L;

    TooManyRequests(String detail) {
      super(detail);
    }

    @Override
    int status() {
      return 429;
    }

    @Override
    String slug() {
      return "too-many-requests";
    }

    @Override
    String title() {
      return "Too many requests";
    }
  }
}
