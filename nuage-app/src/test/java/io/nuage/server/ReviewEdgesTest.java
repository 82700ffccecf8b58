package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edges found by review: requests Jetty refuses before Javalin sees them, and the metric's route
 * label for requests refused by the auth filter.
 */
class ReviewEdgesTest {
  @TempDir static Path folder;
  static RunningServer api;

  @BeforeAll
  static void start() {
    api = RunningServer.start(folder);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void dotDotPath_is400ProblemJsonNotJettysHtmlPage() throws IOException {
    String answer =
        raw("GET /lib/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
    assertThat(answer).doesNotContain("<html").contains("\"status\":400");
  }

  @Test
  void encodedDotDotPath_is400ProblemJson() throws IOException {
    String answer =
        raw("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
    assertThat(answer).doesNotContain("<html");
  }

  @Test
  void refusedByAuth_isCountedUnderItsRouteNotUnmatched() {
    api.get("/api/scenarios", null);
    api.post("/api/tokens", api.viewer, "{\"role\":\"admin\"}", "application/json");

    String metrics = api.get("/metrics", api.viewer).body();

    assertThat(metrics)
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/scenarios\",status=\"401\"}")
        .contains(
            "http_server_requests_seconds_count{method=\"POST\",route=\"/api/tokens\",status=\"403\"}");
  }

  @Test
  void tokenName_thatIsNotAShortPrintableString_is400AndNothingIssued() {
    int before = api.get("/api/tokens", api.admin).json().get("tokens").size();

    for (String body :
        List.of(
            "{\"role\":\"viewer\",\"name\":{\"a\":[1]}}",
            "{\"role\":\"viewer\",\"name\":123}",
            "{\"role\":\"viewer\",\"name\":\"line\\nbreak\"}",
            "{\"role\":\"viewer\",\"name\":\"" + "a".repeat(65) + "\"}")) {
      var answer = api.post("/api/tokens", api.admin, body, "application/json");
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.json().get("detail").asText()).as(body).contains("name");
    }
    assertThat(api.get("/api/tokens", api.admin).json().get("tokens").size()).isEqualTo(before);
  }

  @Test
  void catalogWithoutPriceFiles_is422AsDocumented(@TempDir Path dir) throws IOException {
    Path empty = java.nio.file.Files.createDirectories(dir.resolve("no-prices"));
    // the client checks the answer against openapi.json: the status must be documented
    try (var broken = RunningServer.withCatalog(dir, empty)) {
      var answer = broken.get("/api/catalog/offerings?limit=2", broken.viewer);

      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.json().get("problems").get(0).get("message").asText())
          .contains("no price files");
    }
  }

  @Test
  void misspeltQueryParameter_is400NamingItNotAnUnfilteredAnswer() {
    var answer = api.get("/api/catalog/offerings?provdier=aws&limit=1", api.viewer);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("detail").asText()).contains("'provdier'").contains("provider");
    assertThat(api.get("/api/plans?page=2", api.viewer).status()).isEqualTo(400);
    // without a token it is still a 401 first
    assertThat(api.get("/api/plans?page=2", null).status()).isEqualTo(401);
    assertThat(api.get("/api/catalog/offerings?provider=aws&limit=1", api.viewer).status())
        .isEqualTo(200);
  }

  @Test
  void metrics_everyNuageMetricHasAHelpText() {
    String metrics = api.get("/metrics", api.viewer).body();

    assertThat(metrics.lines().filter(l -> l.startsWith("# HELP nuage_")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).matches("# HELP nuage_\\w+ \\S.*"));
  }

  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
