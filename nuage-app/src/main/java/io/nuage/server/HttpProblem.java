package io.nuage.server;

import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An error meant for an HTTP client: its status, an RFC 9457 type slug and a detail for a person.
 * The family is closed; {@link ProblemResponses} turns each into a problem-details response.
 */
abstract sealed class HttpProblem extends NuageException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String slug;
  private final String title;

  private HttpProblem(int status, String slug, String title, String detail) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  final int status() {
    return status;
  }

  final String slug() {
    return slug;
  }

  final String title() {
    return title;
  }

  /** Response headers the status requires (WWW-Authenticate, Allow). */
  Map<String, String> headers() {
    return Map.of();
  }

  /** The located problems behind it, for the answer's {@code problems[]}; none by default. */
  List<Problem> problems() {
    return List.of();
  }

  static final class BadRequest extends HttpProblem {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    BadRequest(String detail) {
      super(400, "bad-request", "Bad request", detail);
      this.problems = List.of();
    }

    /** Every problem of a request at once, each located by its field; the detail lists them. */
    BadRequest(List<Problem> problems) {
      super(
          400,
          "bad-request",
          "Bad request",
          problems.stream().map(Problem::render).collect(Collectors.joining("; ")));
      if (problems.isEmpty()) throw new IllegalArgumentException("a located 400 needs a problem");
      this.problems = List.copyOf(problems);
    }

    @Override
    List<Problem> problems() {
      return problems;
    }
  }

  static final class Unauthorized extends HttpProblem {
    private static final long serialVersionUID = 1L;

    Unauthorized(String detail) {
      super(401, "unauthorized", "Unauthorized", detail);
    }

    @Override
    Map<String, String> headers() {
      return Map.of("WWW-Authenticate", "Bearer realm=\"nuage\"");
    }
  }

  static final class Forbidden extends HttpProblem {
    private static final long serialVersionUID = 1L;

    Forbidden(String detail) {
      super(403, "forbidden", "Forbidden", detail);
    }
  }

  static final class NotFound extends HttpProblem {
    private static final long serialVersionUID = 1L;

    NotFound(String detail) {
      super(404, "not-found", "Not found", detail);
    }
  }

  static final class NotAcceptable extends HttpProblem {
    private static final long serialVersionUID = 1L;

    NotAcceptable(String detail) {
      super(406, "not-acceptable", "Not acceptable", detail);
    }
  }

  static final class Conflict extends HttpProblem {
    private static final long serialVersionUID = 1L;

    Conflict(String detail) {
      super(409, "conflict", "Conflict", detail);
    }
  }

  static final class ContentTooLarge extends HttpProblem {
    private static final long serialVersionUID = 1L;

    ContentTooLarge(long limit) {
      this(limit, "see --max-body");
    }

    ContentTooLarge(long limit, String which) {
      super(
          413,
          "content-too-large",
          "Content too large",
          "the request body is larger than the limit of " + limit + " bytes (" + which + ")");
    }
  }

  static final class TooManyRequests extends HttpProblem {
    private static final long serialVersionUID = 1L;

    TooManyRequests(String detail) {
      super(429, "too-many-requests", "Too many requests", detail);
    }
  }
}
