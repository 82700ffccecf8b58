package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security items 3 and 4 of issue 10: HEAD obeys the token and role checks of GET, and every answer
 * (API, dashboard, errors, Jetty's own refusals) carries the security headers.
 */
class HttpHardeningTest {
  @TempDir static Path folder;
  static RunningServer api;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    api = RunningServer.start(folder);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void head_obeysTheSameTokenAndRoleRulesAsGet() throws Exception {
    @Nullable String bad = "nuage_tk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    String[][] cases = {
      {"/metrics", null, "401"},
      {"/metrics", bad, "401"},
      {"/metrics", api.viewer, "200"},
      {"/openapi.json", null, "401"},
      {"/api/tokens", null, "401"},
      {"/api/tokens", api.viewer, "403"},
      {"/api/tokens", api.planner, "403"},
      {"/api/tokens", api.admin, "200"},
      {"/api/scenarios", null, "401"},
      {"/api/scenarios", api.viewer, "200"},
      {"/api/plans/pl_nothing", null, "401"},
      {"/api/session", null, "401"},
      {"/health", null, "200"},
    };
    for (String[] c : cases) {
      var head = send("HEAD", c[0], c[1]);
      var get = send("GET", c[0], c[1]);

      assertThat(head.statusCode()).as("HEAD " + c[0] + " with " + c[1]).hasToString(c[2]);
      assertThat(get.statusCode()).as("GET " + c[0] + " with " + c[1]).hasToString(c[2]);
      assertThat(head.body()).as("HEAD has no body").isEmpty();
    }
  }

  @Test
  void everyAnswer_carriesTheSecurityHeaders() throws Exception {
    for (var answer :
        List.of(
            send("GET", "/", null),
            send("GET", "/app.js", null),
            send("GET", "/health", null),
            send("GET", "/api/scenarios", null),
            send("GET", "/api/scenarios", api.viewer),
            send("GET", "/no/such/thing", null),
            send("HEAD", "/metrics", null),
            send("DELETE", "/health", null))) {
      assertSecurityHeaders(answer.uri() + " " + answer.statusCode(), answer.headers());
    }
  }

  @Test
  void jettysOwnRefusal_carriesTheSecurityHeadersToo() throws IOException {
    String answer =
        raw("GET /lib/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    String lower = answer.toLowerCase(Locale.ROOT);
    assertThat(lower)
        .contains("content-security-policy: default-src 'self'")
        .contains("x-content-type-options: nosniff");
  }

  @Test
  void dashboard_hasNoInlineScriptSoTheStrictPolicyLetsItRun() throws Exception {
    String index = send("GET", "/", null).body();

    assertThat(index).contains("<script");
    assertThat(index.replaceAll("<script[^>]*src=\"[^\"]+\"[^>]*></script>", ""))
        .doesNotContain("<script");
  }

  static void assertSecurityHeaders(String what, HttpHeaders h) {
    String csp = h.firstValue("Content-Security-Policy").orElse("");
    assertThat(csp).as(what).contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(csp).as(what + ": no inline script").contains("script-src 'self'");
    assertThat(csp.replaceAll(".*script-src ([^;]*).*", "$1")).doesNotContain("unsafe");
    assertThat(h.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    assertThat(h.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
    assertThat(h.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
    assertThat(h.firstValue("Strict-Transport-Security")).as(what + ": plain HTTP").isEmpty();
  }

  private static HttpResponse<String> send(String method, String path, @Nullable String token)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) request.header("Authorization", "Bearer " + token);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
