package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.store.server.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint x {no token, bad token, viewer, planner, admin}, asserting the exact status: 401
 * without a valid token, 403 below the route's role, the endpoint's own status otherwise.
 */
class AuthMatrixTest {
  @TempDir Path folder;

  /** One endpoint: how to call it, the least role it needs, and its status when allowed. */
  record Endpoint(
      String method,
      String template,
      Access needs,
      int allowed,
      Supplier<String> path,
      Supplier<byte @Nullable []> body,
      String contentType) {}

  @Test
  void everyEndpoint_answersEachCallerWithTheExactStatus() throws Exception {
    // a job is made for every caller of a DELETE, refused or not, and they wait behind the one
    // busy worker: plan, risk and deal jobs together pass the default queue of 16
    try (RunningServer api =
        RunningServer.start(
            folder,
            s ->
                new NuageServer.Settings(
                    s.host(), s.port(), s.maxBodyBytes(), s.planWorkers(), 64, s.connections()))) {
      String scenario =
          api.post("/api/scenarios", api.planner, Examples.microLab(), "application/yaml")
              .json()
              .get("id")
              .asText();
      // plans of the shipped example take seconds each: the one worker stays busy through the
      // matrix, so every job made to be cancelled is still queued when it is
      String example = PlanApiTest.uploadExample(api);
      String plan = PlanApiTest.startPlan(api, example);
      Supplier<String> freshPlan = () -> "/api/plans/" + PlanApiTest.startPlan(api, example);
      Supplier<String> freshRisk =
          () ->
              "/api/risk/"
                  + RiskApiTest.startRisk(api, "{\"scenario\":\"" + scenario + "\",\"samples\":1}");
      String risk = freshRisk.get();
      String tiers = DealApiTest.upload(api);
      Supplier<String> freshDeal =
          () ->
              "/api/deals/"
                  + DealApiTest.startDeal(
                      api,
                      "{\"scenario\":\""
                          + tiers
                          + "\",\"contract\":\"deal\",\"samples\":1,\"breakEven\":false}");
      String deal = freshDeal.get();
      Supplier<String> freshToken =
          () ->
              "/api/tokens/"
                  + api.post("/api/tokens", api.admin, "{\"role\":\"viewer\"}", "application/json")
                      .json()
                      .get("id")
                      .asText();
      byte[] sample = LedgerApiTest.sample().getBytes(StandardCharsets.UTF_8);
      byte[] yaml = Examples.microLab().getBytes(StandardCharsets.UTF_8);
      byte[] planBody = ("{\"scenario\":\"" + example + "\"}").getBytes(StandardCharsets.UTF_8);
      String json = "application/json";
      List<Endpoint> endpoints =
          List.of(
              get("/health", Access.PUBLIC, 200, "/health"),
              get("/openapi.json", Access.VIEWER, 200, "/openapi.json"),
              get("/metrics", Access.VIEWER, 200, "/metrics"),
              new Endpoint(
                  "POST",
                  "/api/scenarios",
                  Access.PLANNER,
                  201,
                  () -> "/api/scenarios",
                  () -> yaml,
                  "application/yaml"),
              get("/api/scenarios", Access.VIEWER, 200, "/api/scenarios"),
              get("/api/scenarios/{id}", Access.VIEWER, 200, "/api/scenarios/" + scenario),
              new Endpoint(
                  "POST",
                  "/api/plans",
                  Access.PLANNER,
                  202,
                  () -> "/api/plans",
                  () -> planBody,
                  json),
              // a re-plan needs bills and a plan of the scenario: an as-of date inside a month is
              // refused (400) after the role check, whatever the store holds, so the matrix sees
              // who may ask without solving (ReplanApiTest runs one)
              new Endpoint(
                  "POST",
                  "/api/replans",
                  Access.PLANNER,
                  400,
                  () -> "/api/replans",
                  () ->
                      ("{\"scenario\":\"" + example + "\",\"asOf\":\"2027-06-15\"}")
                          .getBytes(StandardCharsets.UTF_8),
                  json),
              get("/api/plans", Access.VIEWER, 200, "/api/plans"),
              get("/api/plans/{id}", Access.VIEWER, 200, "/api/plans/" + plan),
              new Endpoint(
                  "DELETE", "/api/plans/{id}", Access.PLANNER, 200, freshPlan, () -> null, json),
              new Endpoint(
                  "POST",
                  "/api/plans/{id}/cancel",
                  Access.PLANNER,
                  200,
                  () -> freshPlan.get() + "/cancel",
                  () -> new byte[0],
                  json),
              // the broker's downloads: an unknown job (404) and a bad month (400) are refused
              // after the role check, whatever the plan job's state (ExportApiTest downloads)
              get(
                  "/api/plans/{id}/export/skypilot",
                  Access.VIEWER,
                  404,
                  "/api/plans/plan_unknown/export/skypilot"),
              get(
                  "/api/plans/{id}/export/kueue",
                  Access.VIEWER,
                  400,
                  "/api/plans/" + plan + "/export/kueue?month=June"),
              // bad samples are refused (422) after the role check: no job is made
              new Endpoint(
                  "POST",
                  "/api/risk",
                  Access.PLANNER,
                  422,
                  () -> "/api/risk",
                  () ->
                      ("{\"scenario\":\"" + scenario + "\",\"samples\":0}")
                          .getBytes(StandardCharsets.UTF_8),
                  json),
              get("/api/risk/{id}", Access.VIEWER, 200, risk),
              new Endpoint(
                  "DELETE", "/api/risk/{id}", Access.PLANNER, 200, freshRisk, () -> null, json),
              // an unknown contract is refused (400) after the role check: no job is made
              new Endpoint(
                  "POST",
                  "/api/deals",
                  Access.PLANNER,
                  400,
                  () -> "/api/deals",
                  () ->
                      ("{\"scenario\":\"" + tiers + "\",\"contract\":\"nope\"}")
                          .getBytes(StandardCharsets.UTF_8),
                  json),
              get("/api/deals/{id}", Access.VIEWER, 200, deal),
              new Endpoint(
                  "DELETE", "/api/deals/{id}", Access.PLANNER, 200, freshDeal, () -> null, json),
              new Endpoint(
                  "POST",
                  "/api/ledger/ingest",
                  Access.PLANNER,
                  200,
                  () -> "/api/ledger/ingest",
                  () -> sample,
                  "text/csv"),
              get(
                  "/api/ledger/drawdown",
                  Access.VIEWER,
                  200,
                  "/api/ledger/drawdown?scenario=" + scenario),
              get(
                  "/api/ledger/spend",
                  Access.VIEWER,
                  200,
                  "/api/ledger/spend?scenario=" + scenario),
              get(
                  "/api/ledger/reconciliation",
                  Access.VIEWER,
                  200,
                  "/api/ledger/reconciliation?scenario=" + scenario),
              get(
                  "/api/catalog/offerings",
                  Access.VIEWER,
                  200,
                  "/api/catalog/offerings?provider=oci&limit=5"),
              get("/api/tokens", Access.ADMIN, 200, "/api/tokens"),
              get("/api/session", Access.VIEWER, 200, "/api/session"),
              new Endpoint(
                  "POST",
                  "/api/tokens",
                  Access.ADMIN,
                  201,
                  () -> "/api/tokens",
                  () -> "{\"role\":\"viewer\"}".getBytes(StandardCharsets.UTF_8),
                  json),
              new Endpoint(
                  "DELETE", "/api/tokens/{id}", Access.ADMIN, 200, freshToken, () -> null, json));

      assertThat(documentedOperations())
          .as("the matrix covers every operation of openapi.json")
          .isEqualTo(covered(endpoints));

      String[] callers = {"none", "bad", "viewer", "planner", "admin"};
      @Nullable String[] tokens = {
        null,
        "nuage_tk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        api.viewer,
        api.planner,
        api.admin
      };
      var expected = new ArrayList<String>();
      var actual = new ArrayList<String>();
      for (Endpoint e : endpoints) {
        for (int c = 0; c < callers.length; c++) {
          String row = e.method() + " " + e.template() + " as " + callers[c] + ": ";
          expected.add(row + expected(e, c));
          var r = api.send(e.method(), e.path().get(), tokens[c], e.body().get(), e.contentType());
          actual.add(row + r.status());
          if (r.status() == 401) {
            assertThat(r.contentType()).startsWith("application/problem+json");
          }
        }
      }
      assertThat(String.join("\n", actual)).isEqualTo(String.join("\n", expected));
    }
  }

  @Test
  void largeUploadWithoutAValidToken_getsTheAnswerNotABrokenPipe() {
    // the server refuses before reading the body: the client must still read the answer (a
    // review saw this matrix fail twice with "header parser received no bytes" under load)
    byte[] body = new byte[8 << 20];
    java.util.Arrays.fill(body, (byte) 'x');
    try (RunningServer api = RunningServer.start(folder)) {
      for (int i = 0; i < 5; i++) {
        var none = api.send("POST", "/api/ledger/ingest", null, body, "text/csv");
        var viewer = api.send("POST", "/api/ledger/ingest", api.viewer, body, "text/csv");

        assertThat(none.status()).isEqualTo(401);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.body()).contains("planner");
      }
    }
  }

  @Test
  void session_namesTheCallersTokenAndRole() {
    try (RunningServer api = RunningServer.start(folder)) {
      for (String role : List.of("viewer", "planner", "admin")) {
        var created =
            api.post(
                    "/api/tokens",
                    api.admin,
                    "{\"role\":\"" + role + "\",\"name\":\"ops-" + role + "\"}",
                    "application/json")
                .json();

        var session = api.get("/api/session", created.get("token").asText()).json();

        assertThat(session.get("tokenId").asText()).isEqualTo(created.get("id").asText());
        assertThat(session.get("name").asText()).isEqualTo("ops-" + role);
        assertThat(session.get("role").asText()).isEqualTo(role);
      }
    }
  }

  @Test
  void revokedOrMalformedTokens_are401() {
    try (RunningServer api = RunningServer.start(folder)) {
      var created =
          api.post(
              "/api/tokens",
              api.admin,
              "{\"role\":\"admin\",\"name\":\"ops\"}",
              "application/json");
      String token = created.json().get("token").asText();
      assertThat(api.get("/api/scenarios", token).status()).isEqualTo(200);
      var twice =
          api.post(
              "/api/tokens",
              api.admin,
              "{\"role\":\"viewer\",\"name\":\"ops\"}",
              "application/json");
      assertThat(twice.status()).isEqualTo(409);
      assertThat(twice.json().get("detail").asText()).contains("'ops'");
      var badRole = api.post("/api/tokens", api.admin, "{\"role\":\"root\"}", "application/json");
      assertThat(badRole.status()).isEqualTo(400);
      assertThat(badRole.json().get("detail").asText()).contains("got 'root'");
      assertThat(api.delete("/api/tokens/nobody", api.admin).status()).isEqualTo(404);
      assertThat(api.delete("/api/tokens/ops", api.admin).status()).isEqualTo(200);
      assertThat(api.get("/api/scenarios", token).status()).isEqualTo(401);

      String id = created.json().get("id").asText();
      String withWrongSecret = token.substring(0, token.length() - 2) + "xx";
      for (String bad : List.of(withWrongSecret, "nuage_" + id, "garbage", "nuage_tk_x_y", "")) {
        assertThat(api.get("/api/scenarios", bad).status()).as(bad).isEqualTo(401);
      }
      var basic = api.send("GET", "/api/scenarios", null, null, "application/json");
      assertThat(basic.status()).isEqualTo(401);
      assertThat(api.get("/api/does-not-exist", null).status())
          .as("unknown paths under /api/ are hidden from callers without a token")
          .isEqualTo(401);
      assertThat(api.get("/api/does-not-exist", api.viewer).status()).isEqualTo(404);
    }
  }

  private static final @Nullable Role[] ROLES = {null, null, Role.VIEWER, Role.PLANNER, Role.ADMIN};

  private static int expected(Endpoint e, int caller) {
    Role needed = e.needs().needed();
    if (needed == null) return e.allowed();
    Role role = ROLES[caller];
    if (role == null) return 401;
    return role.allows(needed) ? e.allowed() : 403;
  }

  private static Endpoint get(String template, Access needs, int allowed, String path) {
    return new Endpoint(
        "GET", template, needs, allowed, () -> path, () -> null, "application/json");
  }

  private static Set<String> covered(List<Endpoint> endpoints) {
    var out = new LinkedHashSet<String>();
    for (Endpoint e : endpoints) out.add(e.method() + " " + e.template());
    return out;
  }

  private static Set<String> documentedOperations() {
    var out = new LinkedHashSet<String>();
    for (var path : OpenApiContract.served().document().path("paths").properties()) {
      for (var op : path.getValue().properties()) {
        out.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }
    return out;
  }
}
