package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import io.nuage.browser.ExpectedFigures;
import io.nuage.browser.HeadlessChromium;
import io.nuage.browser.PageFigures;
import io.nuage.report.ReportBundle;
import io.nuage.report.ReportWriter;
import io.nuage.scenario.Policy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline report opened from disk in real headless Chromium, with the network cut off. */
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

  @Test
  void report_openedFromDisk_drawsEveryChartWithThePlansFigures(@TempDir Path dir)
      throws Exception {
    String planJson;
    try (var in = ReportBrowserTest.class.getResourceAsStream("plan-fixture.json")) {
      planJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Policy policy =
        new Policy(new BigDecimal("0.45"), Map.of("oci", new BigDecimal("0.6")), Set.of());
    Path report =
        ReportWriter.write(
            dir.resolve("report.html"),
            new ReportBundle("fixture", Instant.now(), policy, planJson, null));

    Page page = chromium.newPage();
    List<String> requests = new CopyOnWriteArrayList<>();
    page.route(
        "**/*",
        route -> {
          requests.add(route.request().url());
          if (route.request().url().startsWith("file:")) route.resume();
          else route.abort();
        });
    page.navigate(report.toUri().toString());
    page.waitForSelector("[data-rendered]");
    HeadlessChromium.screenshot(page, "report");

    JsonNode plan = new ObjectMapper().readTree(planJson);
    ExpectedFigures.assertPageShowsPlan(page, plan);
    assertThat(PageFigures.drawnCharts(page)).isEqualTo(6);
    assertThat(PageFigures.rows(page, "shares"))
        .allSatisfy(
            r ->
                assertThat(r.get("cap"))
                    .isEqualTo(r.get("provider").equals("oci") ? "0.6" : "0.45"));
    assertThat(requests).allSatisfy(url -> assertThat(url).startsWith("file:"));
    assertThat(chromium.errors()).isEmpty();
  }
}
