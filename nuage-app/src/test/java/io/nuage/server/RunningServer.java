package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.plan.PlanOptions;
import io.nuage.store.Store;
import io.nuage.store.server.ApiTokens;
import io.nuage.store.server.ConnectionSource;
import io.nuage.store.server.Role;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real server on a random loopback port over a real store in a temporary folder, with one token
 * per role, and a client whose every response is checked against the OpenAPI document.
 */
final class RunningServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenApiContract CONTRACT = OpenApiContract.served();

  final Path dbFile;
  final Store store;
  final NuageServer server;
  final String viewer;
  final String planner;
  final String admin;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  private RunningServer(Path dbFile, UnaryOperator<NuageServer.Settings> settings) {
    this(dbFile, settings, SharedData.root().resolve("gpu_prices/skypilot_catalog"), List.of());
  }

  private RunningServer(
      Path dbFile,
      UnaryOperator<NuageServer.Settings> settings,
      Path catalog,
      List<Path> catalogDirs) {
    this.dbFile = dbFile;
    this.store = Store.open(dbFile);
    var tokens = new ApiTokens(ConnectionSource.of(store));
    // each start issues fresh tokens; earlier ones stay valid in the same file
    this.viewer = tokens.issue(Role.VIEWER, null).bearer();
    this.planner = tokens.issue(Role.PLANNER, null).bearer();
    this.admin = tokens.issue(Role.ADMIN, null).bearer();
    this.server =
        NuageServer.start(
            settings.apply(NuageServer.Settings.loopback(0)),
            ConnectionSource.of(store),
            Capabilities.standard(
                store,
                Stream.concat(
                        Stream.of(SharedData.repo().resolve("examples")), catalogDirs.stream())
                    .toList(),
                catalog,
                PlanOptions.defaults().withTimeLimit(20)));
  }

  static RunningServer start(Path folder) {
    return new RunningServer(folder.resolve("nuage.duckdb"), s -> s);
  }

  /** A server whose --catalog is {@code catalog}. */
  static RunningServer withCatalog(Path folder, Path catalog) {
    return new RunningServer(folder.resolve("nuage.duckdb"), s -> s, catalog, List.of());
  }

  /** A server whose --catalog-dir is {@code catalogDir}. */
  static RunningServer withCatalogDir(Path folder, Path catalogDir) {
    return new RunningServer(
        folder.resolve("nuage.duckdb"),
        s -> s,
        SharedData.root().resolve("gpu_prices/skypilot_catalog"),
        List.of(catalogDir));
  }

  static RunningServer start(Path folder, UnaryOperator<NuageServer.Settings> settings) {
    return new RunningServer(folder.resolve("nuage.duckdb"), settings);
  }

  /** Stops this server and starts another over the same file. */
  RunningServer restart() {
    close();
    return new RunningServer(dbFile, s -> s);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  Response get(String path, @Nullable String token) {
    return send("GET", path, token, null, "application/json");
  }

  /** A GET asking for {@code accept} (such as text/csv), checked against openapi.json too. */
  Response get(String path, String token, String accept) {
    var request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", accept)
            .header("Authorization", "Bearer " + token);
    return exchange("GET", path, request.build());
  }

  Response post(String path, @Nullable String token, String body, String contentType) {
    return send("POST", path, token, body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  Response delete(String path, @Nullable String token) {
    return send("DELETE", path, token, null, "application/json");
  }

  Response send(
      String method,
      String path,
      @Nullable String token,
      byte @Nullable [] body,
      String contentType) {
    var request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", contentType);
    if (token != null) request.header("Authorization", "Bearer " + token);
    return exchange(method, path, request.build());
  }

  /** Sends a body from a stream without a declared length (chunked). */
  Response postChunked(String path, String token, InputStream body) {
    var request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .header("Authorization", "Bearer " + token)
            .build();
    return exchange("POST", path, request);
  }

  private Response exchange(String method, String path, HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      var response =
          new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
      CONTRACT.conform(
          method, path.split("\\?")[0], response.status(), response.contentType(), r.body());
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
