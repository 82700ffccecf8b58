package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.nuage.browser.ExpectedFigures;
import io.nuage.browser.HeadlessChromium;
import io.nuage.browser.PageFigures;
import io.nuage.testing.SharedData;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in real headless Chromium against a real server on a random loopback port: sign in,
 * upload a scenario, start a plan, follow its progress, and read the plan's figures off the page,
 * compared with the API's own JSON.
 */
class DashboardBrowserTest {
  private static final double PLAN_TIMEOUT_MS = 120_000;
  private static HeadlessChromium chromium;

  @BeforeAll
  static void start() {
    chromium = new HeadlessChromium();
  }

  @AfterAll
  static void stop() {
    chromium.close();
  }

  static Path scenarioFile() {
    try {
      return Path.of(DashboardBrowserTest.class.getResource("/io/nuage/cli/tiny-lab.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens the dashboard and records every URL the page requests. */
  private static List<String> open(Page page, RunningServer server) {
    List<String> requests = new CopyOnWriteArrayList<>();
    page.onRequest(r -> requests.add(r.url()));
    page.navigate(server.uri("/").toString());
    return requests;
  }

  private static void signIn(Page page, String token) {
    page.fill("#token", token);
    page.click("#sign-in-form button[type=submit]");
  }

  /** The shipped example, uploaded as a user would (its catalog import resolves in examples/). */
  static Path example() {
    return SharedData.repo().resolve("examples/frontier-lab-2027.yaml");
  }

  @Test
  void dashboard_signInUploadAndPlan_showsTheExamplesPlanWithoutReloading(@TempDir Path dir) {
    try (RunningServer server = RunningServer.start(dir)) {
      Page page = chromium.newPage();
      List<String> requests = open(page, server);
      HeadlessChromium.screenshot(page, "dashboard-sign-in");
      signIn(page, server.planner);
      page.waitForSelector("body[data-signed-in=true]");
      assertThat(page.evaluate("sessionStorage.getItem('nuage.token')")).isEqualTo(server.planner);
      assertThat(page.evaluate("localStorage.length")).isEqualTo(0);

      // a marker that a reload would wipe, and a record of every job status the page shows
      page.evaluate(
          "() => { window.__sameDocument = true; window.__statuses = [];"
              + " new MutationObserver(() => window.__statuses.push("
              + "document.getElementById('job-status').dataset.status))"
              + ".observe(document.getElementById('job-status'), {attributes: true}); }");
      page.setInputFiles("#scenario-file", example());
      page.click("#upload");
      page.waitForSelector("#scenario[data-uploaded]");
      String scenarioId = page.getAttribute("#scenario", "data-uploaded");
      page.click("#start-plan");
      page.waitForSelector(
          "#panels[data-plan-id] [data-panel=heatmap]",
          new Page.WaitForSelectorOptions().setTimeout(PLAN_TIMEOUT_MS));
      HeadlessChromium.screenshot(page, "dashboard-plan");

      String planId = page.getAttribute("#panels", "data-plan-id");
      JsonNode job = server.get("/api/plans/" + planId, server.viewer).json();
      assertThat(job.get("scenario").asText()).isEqualTo(scenarioId);
      assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
      ExpectedFigures.assertPageShowsPlan(page, job.get("result"));
      assertThat(PageFigures.drawnCharts(page))
          .isGreaterThanOrEqualTo(8)
          .isEqualTo(page.locator(".panel .chart").count());
      // the example's policy: no provider above 80% of a year's spend, as the scenario API says
      assertThat(PageFigures.rows(page, "shares"))
          .hasSizeGreaterThanOrEqualTo(5)
          .allSatisfy(r -> assertThat(r.get("cap")).isEqualTo("0.80"));
      assertThat(job.at("/result/placements").size()).isGreaterThan(100);
      assertThat(page.evaluate("window.__sameDocument")).isEqualTo(true);
      @SuppressWarnings("unchecked")
      List<String> statuses = (List<String>) page.evaluate("window.__statuses");
      assertThat(statuses).contains("SUCCEEDED").containsAnyOf("QUEUED", "RUNNING");
      assertThat(requests)
          .allSatisfy(url -> assertThat(url).startsWith(server.uri("/").toString()));
      assertThat(chromium.errors(page)).isEmpty();

      // a reload keeps the tab's sign-in, and the plan list shows the finished plan again
      page.reload();
      page.waitForSelector("body[data-signed-in=true]");
      page.waitForSelector(
          "#plan option[value='" + planId + "']",
          new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
      page.selectOption("#plan", planId);
      page.waitForSelector("#panels[data-plan-id='" + planId + "'] [data-panel=heatmap]");
      ExpectedFigures.assertPageShowsPlan(page, job.get("result"));
    }
  }

  @Test
  void dashboard_badToken_staysSignedOutAndSaysWhy(@TempDir Path dir) {
    try (RunningServer server = RunningServer.start(dir)) {
      Page page = chromium.newPage();
      open(page, server);
      signIn(page, "nuage_tk_000000000000_not-a-real-secret");
      page.waitForSelector("#sign-in-error:has-text('401')");

      assertThat(page.isVisible("#workspace")).isFalse();
      assertThat(page.evaluate("sessionStorage.getItem('nuage.token')")).isNull();
    }
  }

  @Test
  void dashboard_viewerSeesPlansButNoControlsItMayNotUse(@TempDir Path dir) {
    try (RunningServer server = RunningServer.start(dir)) {
      String scenario =
          server
              .post("/api/scenarios", server.planner, Examples.microLab(), "application/yaml")
              .json()
              .get("id")
              .asText();
      Page page = chromium.newPage();
      open(page, server);
      signIn(page, server.viewer);
      page.waitForSelector("body[data-signed-in=true]");

      assertThat(page.getAttribute("body", "data-role")).isEqualTo("viewer");
      assertThat(page.innerText("#who")).contains("(viewer)");
      assertThat(page.isVisible("#upload-form")).isFalse();
      assertThat(page.isVisible("#start-plan")).isFalse();
      assertThat(page.isVisible("#start-risk")).isFalse();
      assertThat(page.isVisible("#read-only")).isTrue();
      assertThat(page.inputValue("#scenario"))
          .as("the scenarios are still listed")
          .isEqualTo(scenario);

      page.click("#sign-out");
      signIn(page, server.planner);
      page.waitForSelector("body[data-role=planner]");
      assertThat(page.isVisible("#upload-form")).isTrue();
      assertThat(page.isVisible("#start-plan")).isTrue();
      assertThat(page.isVisible("#start-risk")).isTrue();
      assertThat(page.isVisible("#read-only")).isFalse();
    }
  }

  @Test
  void dashboard_invalidScenario_listsTheLocatedProblems(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad, Files.readString(scenarioFile()).replace("max-share: 0.9", "max-share: 1.9"));
    try (RunningServer server = RunningServer.start(dir)) {
      Page page = chromium.newPage();
      open(page, server);
      signIn(page, server.planner);
      page.waitForSelector("body[data-signed-in=true]");
      page.setInputFiles("#scenario-file", bad);
      page.click("#upload");
      page.waitForSelector("#problems li");
      HeadlessChromium.screenshot(page, "dashboard-invalid-scenario");

      assertThat(page.innerText("#problems")).contains("bad.yaml:").contains("max-share");
      assertThat(page.getAttribute("#scenario", "data-uploaded")).isNull();
    }
  }

  @Test
  void dashboard_withLedger_drawsTheServersDrawDown(@TempDir Path dir) throws Exception {
    // tiny-lab moved to 2024-2025 so that the real FOCUS sample (2024-09) falls in its terms
    Path scenario =
        Files.writeString(
            dir.resolve("lab-2024.yaml"),
            Files.readString(scenarioFile()).replace("2027-", "2024-").replace("2028-", "2025-"));
    Path focus = SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv");
    try (RunningServer server = RunningServer.start(dir)) {
      var ingested =
          server.post(
              "/api/ledger/ingest?name=focus.csv",
              server.planner,
              Files.readString(focus),
              "text/csv");
      assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
      Page page = chromium.newPage();
      open(page, server);
      signIn(page, server.planner);
      page.waitForSelector("body[data-signed-in=true]");
      page.setInputFiles("#scenario-file", scenario);
      page.click("#upload");
      page.waitForSelector("#scenario[data-uploaded]");
      String scenarioId = page.getAttribute("#scenario", "data-uploaded");
      page.click("#start-plan");
      page.waitForSelector(
          "#panels[data-plan-id] [data-panel=heatmap]",
          new Page.WaitForSelectorOptions().setTimeout(PLAN_TIMEOUT_MS));
      HeadlessChromium.screenshot(page, "dashboard-ledger");

      // the page projects the ledger with the plan it shows, as the report does
      String planId = page.getAttribute("#panels", "data-plan-id");
      JsonNode drawDown =
          server
              .get("/api/ledger/drawdown?scenario=" + scenarioId + "&plan=" + planId, server.viewer)
              .json();
      List<String> expected = new ArrayList<>();
      for (JsonNode c : drawDown.get("contracts")) {
        for (JsonNode y : c.get("years")) {
          expected.add(
              c.get("contract").asText()
                  + "|"
                  + y.get("year").asText()
                  + "|"
                  + y.get("committed").asText()
                  + "|"
                  + y.get("consumed").asText()
                  + "|"
                  + y.get("projected").asText()
                  + "|"
                  + ExpectedFigures.yearShortfall(y));
        }
      }
      assertThat(expected).isNotEmpty();
      assertThat(
              PageFigures.rows(page, "burndown").stream()
                  .map(
                      r ->
                          String.join(
                              "|",
                              r.get("contract"),
                              r.get("year"),
                              r.get("committed"),
                              r.get("consumed"),
                              r.get("projected"),
                              r.get("shortfall")))
                  .toList())
          .isEqualTo(expected);
      assertThat(PageFigures.rows(page, "vsplan"))
          .anySatisfy(
              r ->
                  assertThat(r)
                      .containsEntry("month", "2024-09")
                      .doesNotContainEntry("actual", ""));
      assertThat(chromium.errors(page)).isEmpty();
    }
  }

  @Test
  void dashboard_cancelWhilePlanning_showsTheJobCancelled(@TempDir Path dir) {
    try (RunningServer server = RunningServer.start(dir)) {
      Page page = chromium.newPage();
      open(page, server);
      signIn(page, server.planner);
      page.waitForSelector("body[data-signed-in=true]");
      page.setInputFiles("#scenario-file", example());
      page.click("#upload");
      page.waitForSelector("#scenario[data-uploaded]");
      page.click("#start-plan");
      page.waitForSelector("#cancel-plan:visible");
      page.click("#cancel-plan");
      page.waitForSelector(
          "#job-status[data-status=CANCELLED]",
          new Page.WaitForSelectorOptions().setTimeout(PLAN_TIMEOUT_MS));
      HeadlessChromium.screenshot(page, "dashboard-cancelled");

      String planId = page.getAttribute("#job-status", "data-plan-id");
      assertThat(server.get("/api/plans/" + planId, server.viewer).json().get("status").asText())
          .isEqualTo("CANCELLED");
      assertThat(page.isVisible("#cancel-plan")).isFalse();
      assertThat(page.isVisible("#panels [data-panel=heatmap]")).isFalse();
    }
  }

  @Test
  void dashboard_runRisk_drawsTheFanAndTheShortfallOddsOfTheJob(@TempDir Path dir) {
    try (RunningServer server = RunningServer.start(dir)) {
      Page page = chromium.newPage();
      open(page, server);
      signIn(page, server.planner);
      page.waitForSelector("body[data-signed-in=true]");
      page.setInputFiles(
          "#scenario-file",
          SharedData.repo().resolve("nuage-core/src/test/resources/risk/two-point-demand.yaml"));
      page.click("#upload");
      page.waitForSelector("#scenario[data-uploaded]");
      page.fill("#risk-samples", "12");
      page.click("#start-risk");
      page.waitForSelector(
          "#panels[data-risk-id] [data-panel=fan]",
          new Page.WaitForSelectorOptions().setTimeout(PLAN_TIMEOUT_MS));
      HeadlessChromium.screenshot(page, "dashboard-risk");

      String riskId = page.getAttribute("#panels", "data-risk-id");
      JsonNode job = server.get("/api/risk/" + riskId, server.viewer).json();
      assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
      JsonNode risk = job.get("result");
      assertThat(risk.get("futures").asInt()).isEqualTo(12);
      List<String> expected = new ArrayList<>();
      for (JsonNode y : risk.get("years"))
        expected.add(
            y.get("year").asText()
                + "|"
                + y.at("/mean/value").asText()
                + "|"
                + y.at("/quantiles/2/value").asText());
      assertThat(expected).isNotEmpty();
      assertThat(
              PageFigures.rows(page, "fan").stream()
                  .map(r -> r.get("year") + "|" + r.get("mean") + "|" + r.get("p50"))
                  .toList())
          .isEqualTo(expected);
      List<String> odds = new ArrayList<>();
      for (JsonNode c : risk.get("contractYears"))
        odds.add(c.get("contract").asText() + "|" + c.at("/shortfallProbability/value").asText());
      assertThat(
              PageFigures.rows(page, "shortfallrisk").stream()
                  .map(r -> r.get("contract") + "|" + r.get("probability"))
                  .toList())
          .isEqualTo(odds);
      assertThat(chromium.errors(page)).isEmpty();
    }
  }
}
