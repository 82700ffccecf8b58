package io.nuage.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The REST API of a running {@code nuage serve}, for the commands that can run through it while it
 * holds the store ({@code --server URL}, token from {@code NUAGE_TOKEN}; docs/server.md). An answer
 * the server refuses becomes the CLI's own error: its located problems as the local command prints
 * them, else the server's one-line detail with the status.
 */
final class ServerClient {
  static final String TOKEN = "NUAGE_TOKEN";
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final URI base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ServerClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** A client of {@code server}, with the token of {@code NUAGE_TOKEN}. */
  static ServerClient of(URI server) {
    String scheme = server.getScheme() == null ? "" : server.getScheme();
    if (!(scheme.equals("http") || scheme.equals("https")) || server.getHost() == null) {
      throw new NuageException(
          "--server: not a server URL (got " + server + ", expected e.g. http://127.0.0.1:8080/)");
    }
    String token = System.getenv(TOKEN);
    if (token == null || token.isBlank()) {
      throw new NuageException(
          "--server: no token (set " + TOKEN + " to a token from nuage token create)");
    }
    String path = server.getPath() == null || server.getPath().isEmpty() ? "/" : server.getPath();
    URI base = server.resolve(path.endsWith("/") ? path : path + "/");
    return new ServerClient(base, token.strip());
  }

  /** {@code ?name=value&...}, each value encoded. */
  static String query(Map<String, String> params) {
    var parts = new ArrayList<String>();
    params.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  /** One path segment, percent-encoded. */
  static String segment(String value) {
    try {
      return new URI(null, null, value, null).getRawPath().replace("/", "%2F");
    } catch (java.net.URISyntaxException e) {
      throw new NuageException("not a valid name or id (got " + value + ")");
    }
  }

  String getText(String path) {
    return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  JsonNode get(String path) {
    return json(getText(path));
  }

  JsonNode post(String path, BodyPublisher body, String contentType) {
    return json(send("POST", path, body, contentType));
  }

  JsonNode postJson(String path, Object body) {
    try {
      return post(
          path,
          HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)),
          "application/json");
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a request body", e);
    }
  }

  JsonNode delete(String path) {
    return json(send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null));
  }

  private String send(
      String method, String path, BodyPublisher body, @Nullable String contentType) {
    var request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(method, body)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .timeout(Duration.ofMinutes(30)); // an upload of a large export takes its time
    if (contentType != null) request.header("Content-Type", contentType);
    HttpResponse<String> r;
    try {
      r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NuageException(
          "--server: cannot reach " + base + " (" + why(e) + "; is nuage serve running there?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NuageException("--server: interrupted while waiting for " + base, e);
    }
    if (r.statusCode() / 100 == 2) return r.body();
    throw refusal(r.statusCode(), r.body());
  }

  /** The server's problem details as the CLI's error: located problems as the local command. */
  private NuageException refusal(int status, String body) {
    JsonNode problem;
    try {
      problem = JSON.readTree(body);
    } catch (IOException e) {
      problem = null;
    }
    if (problem != null && problem.has("problems") && problem.get("problems").size() > 0) {
      List<Problem> problems = new ArrayList<>();
      for (JsonNode p : problem.get("problems")) {
        problems.add(
            new Problem(
                p.path("file").asText(""),
                p.path("line").asInt(0),
                p.path("column").asInt(0),
                p.path("path").asText(""),
                p.path("message").asText("")));
      }
      return new ValidationException(problems);
    }
    String detail = problem == null ? "" : problem.path("detail").asText("");
    String title = problem == null ? "" : problem.path("title").asText("");
    String text =
        "--server: "
            + base
            + " answered "
            + status
            + (title.isEmpty() ? "" : " " + title)
            + (detail.isEmpty() ? "" : ": " + detail);
    return status >= 500 ? new ServerFailure(text) : new NuageException(text);
  }

  private static String why(IOException e) {
    if (e instanceof java.net.ConnectException) return "connection refused";
    if (e instanceof java.net.http.HttpTimeoutException) return "no answer in time";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new ServerFailure("--server: " + base + " answered something that is not JSON");
    }
  }

  /** The server failed (5xx, or an answer that is not its API): not the user's input. */
  static final class ServerFailure extends NuageException {
    private static final long serialVersionUID = 1L;

    ServerFailure(String message) {
      super(message);
    }

    @Override
    public int exitCode() {
      return 1;
    }
  }
}
