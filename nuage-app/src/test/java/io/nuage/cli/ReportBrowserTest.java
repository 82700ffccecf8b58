package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import io.nuage.browser.ExpectedFigures;
import io.nuage.browser.HeadlessChromium;
import io.nuage.browser.PageFigures;
import io.nuage.plan.PlanJson;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.scenario.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline report written by {@code nuage report}, opened from disk (file://) in real headless
 * Chromium with every non-file request refused: the figures on the page are the plan's.
 */
class ReportBrowserTest {
  private static HeadlessChromium chromium;

  @BeforeAll
  static void start() {
    chromium = new HeadlessChromium();
  }

  @AfterAll
  static void stop() {
    chromium.close();
  }

  /** Opens a file with the network cut off; returns the URLs the page asked for. */
  private static List<String> openOffline(Page page, Path file) {
    List<String> requests = new CopyOnWriteArrayList<>();
    page.route(
        "**/*",
        route -> {
          requests.add(route.request().url());
          if (route.request().url().startsWith("file:")) route.resume();
          else route.abort();
        });
    page.navigate(file.toUri().toString());
    page.waitForSelector("[data-rendered]");
    return requests;
  }

  @Test
  void report_openedFromDisk_drawsEveryChartWithThePlansFigures(@TempDir Path dir)
      throws Exception {
    Path scenario = ReportCommandTest.resource("tiny-lab.yaml");
    String planJson =
        PlanJson.write(
            Planner.plan(ScenarioParser.parse(scenario), PlanOptions.defaults().withTimeLimit(30)));
    Path planFile = Files.writeString(dir.resolve("plan.json"), planJson);
    Path report = dir.resolve("report.html");
    var run =
        ReportCommandTest.nuage(
            "report",
            scenario.toString(),
            "--plan",
            planFile.toString(),
            "--out",
            report.toString());
    assertThat(run.code()).as(run.err()).isZero();

    Page page = chromium.newPage();
    List<String> requests = openOffline(page, report);
    HeadlessChromium.screenshot(page, "report");

    JsonNode plan = new ObjectMapper().readTree(planJson);
    assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
    ExpectedFigures.assertPageShowsPlan(page, plan);
    assertThat(PageFigures.drawnCharts(page)).isEqualTo(6);
    // tiny-lab's policy: max-share 0.9, lambda 0.5
    assertThat(PageFigures.rows(page, "shares"))
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.get("cap"))
                    .isEqualTo(r.get("provider").equals("lambda") ? "0.5" : "0.9"));
    assertThat(requests).allSatisfy(url -> assertThat(url).startsWith("file:"));
    assertThat(chromium.errors(page)).isEmpty();
  }

  @Test
  void report_ofInfeasibleScenario_listsEveryReason(@TempDir Path dir) throws Exception {
    // the EU fleet of tiny-lab may only use H100, which its only EU region does not offer
    Path scenario =
        Files.writeString(
            dir.resolve("infeasible.yaml"),
            Files.readString(ReportCommandTest.resource("tiny-lab.yaml"))
                .replace(
                    "accelerators: [H100, B200]\n    geographies",
                    "accelerators: [H100]\n    geographies"));
    Path report = dir.resolve("infeasible.html");
    var run = ReportCommandTest.nuage("report", scenario.toString(), "--out", report.toString());
    assertThat(run.code()).as(run.err()).isZero();

    Page page = chromium.newPage();
    openOffline(page, report);
    HeadlessChromium.screenshot(page, "report-infeasible");

    List<String> kinds =
        page.locator("[data-table=infeasibility] li").all().stream()
            .map(li -> li.getAttribute("data-kind"))
            .toList();
    assertThat(kinds).isNotEmpty().contains("no-allowed-region");
    assertThat(page.locator("[data-table=infeasibility]").innerText()).contains("chat");
    assertThat(chromium.errors(page)).isEmpty();
  }
}
