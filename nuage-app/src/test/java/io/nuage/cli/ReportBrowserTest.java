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
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  void report_ofTheExample_openedFromDisk_drawsEveryChartWithThePlansFigures(@TempDir Path dir)
      throws Exception {
    Path scenario = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");
    String planJson =
        PlanJson.write(
            Planner.plan(ScenarioParser.parse(scenario), PlanOptions.defaults().withTimeLimit(60)));
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
    assertThat(plan.get("status").asText()).isIn("OPTIMAL", "FEASIBLE");
    ExpectedFigures.assertPageShowsPlan(page, plan);
    // every chart drawn: the panels' and one small burn-down per contract with a minimum
    assertThat(PageFigures.drawnCharts(page))
        .isGreaterThanOrEqualTo(8)
        .isEqualTo(page.locator(".panel .chart").count());
    // the example's policy: no provider above 80% of a year's spend
    assertThat(PageFigures.rows(page, "shares"))
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(r -> assertThat(r.get("cap")).isEqualTo("0.80"));
    assertThat(requests).allSatisfy(url -> assertThat(url).startsWith("file:"));
    assertThat(chromium.errors(page)).isEmpty();
    // a board memo cannot scroll: no panel's table may be cut at its right edge
    assertThat(
            page.evaluate(
                "() => [...document.querySelectorAll('section.panel')]"
                    + ".filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.dataset.panel)"))
        .as("panels wider than their box")
        .isEqualTo(List.of());
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

  @Test
  void report_withLedger_drawsTheDrawDownAndTheActualSpend(@TempDir Path dir) throws Exception {
    // tiny-lab moved to 2024-2025 so that the real FOCUS sample (2024-09) falls in its terms
    Path scenario =
        Files.writeString(
            dir.resolve("lab-2024.yaml"),
            Files.readString(ReportCommandTest.resource("tiny-lab.yaml"))
                .replace("2027-", "2024-")
                .replace("2028-", "2025-"));
    Path db = dir.resolve("ledger.duckdb");
    Path focus = SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv");
    var ingest = ReportCommandTest.nuage("ingest", focus.toString(), "--db", db.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    Path plan = dir.resolve("plan.json");
    var planned =
        ReportCommandTest.nuage(
            "plan", scenario.toString(), "--format", "json", "--out", plan.toString());
    assertThat(planned.code()).as(planned.err()).isZero();
    // the report projects with the plan it reports on, as nuage ledger --plan does
    var ledger =
        ReportCommandTest.nuage(
            "ledger",
            "--scenario",
            scenario.toString(),
            "--db",
            db.toString(),
            "--plan",
            plan.toString(),
            "--format",
            "json");
    assertThat(ledger.code()).as(ledger.err()).isZero();
    JsonNode drawDown = new ObjectMapper().readTree(ledger.out());
    assertThat(drawDown.get("projection").get("source").asText()).isEqualTo("plan");
    Path report = dir.resolve("ledger-report.html");
    var run =
        ReportCommandTest.nuage(
            "report",
            scenario.toString(),
            "--plan",
            plan.toString(),
            "--db",
            db.toString(),
            "--out",
            report.toString());
    assertThat(run.code()).as(run.err()).isZero();

    Page page = chromium.newPage();
    openOffline(page, report);
    HeadlessChromium.screenshot(page, "report-ledger");

    List<String> expectedBurnDown = new ArrayList<>();
    for (JsonNode c : drawDown.get("contracts")) {
      for (JsonNode y : c.get("years")) {
        expectedBurnDown.add(
            String.join(
                "|",
                c.get("contract").asText(),
                y.get("year").asText(),
                y.get("committed").asText(),
                y.get("consumed").asText(),
                y.get("projected").asText(),
                // each year owes its own minimum, a year not started included, as the headline
                // counts it
                ExpectedFigures.yearShortfall(y)));
      }
    }
    assertThat(expectedBurnDown).isNotEmpty();
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
        .isEqualTo(expectedBurnDown);

    Map<String, BigDecimal> actualByMonth = new TreeMap<>();
    Map<String, BigDecimal> spend = new TreeMap<>();
    for (JsonNode m : drawDown.get("spend")) {
      BigDecimal billed = new BigDecimal(m.get("billed").asText());
      actualByMonth.merge(m.get("month").asText(), billed, BigDecimal::add);
      spend.merge(
          m.get("provider").asText() + "|" + m.get("month").asText(), billed, BigDecimal::add);
    }
    assertThat(actualByMonth).containsKey("2024-09");
    Map<String, BigDecimal> pageActual = new TreeMap<>();
    for (var r : PageFigures.rows(page, "vsplan")) {
      if (actualByMonth.containsKey(r.get("month"))) {
        pageActual.put(r.get("month"), new BigDecimal(r.get("actual")).stripTrailingZeros());
      }
    }
    assertThat(pageActual)
        .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(actualByMonth);
    Map<String, BigDecimal> pageSpend = new TreeMap<>();
    for (var r : PageFigures.rows(page, "spend")) {
      pageSpend.put(
          r.get("provider") + "|" + r.get("month"),
          new BigDecimal(r.get("spend")).stripTrailingZeros());
    }
    assertThat(pageSpend)
        .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(spend);
    // the as-of date, the projection's source, and what each rule matched, as the JSON says
    assertThat(page.locator("[data-panel=burndown] .caption").innerText())
        .contains("As of " + drawDown.get("asOf").asText())
        .contains("actuals plus " + plan.getFileName() + " for the rest")
        // the plan by its name, not its folder's path
        .doesNotContain(dir.toString());
    List<String> expectedMatching = new ArrayList<>();
    for (JsonNode c : drawDown.get("contracts")) {
      JsonNode m = c.get("matched");
      expectedMatching.add(
          c.get("contract").asText()
              + "|"
              + m.get("contract-applied").asText()
              + "|"
              + m.get("ids").asText()
              + "|"
              + m.get("provider-name").asText());
    }
    for (JsonNode u : drawDown.get("outsideContracts"))
      expectedMatching.add("(outside contracts: " + u.get("provider").asText() + ")|||");
    for (JsonNode u : drawDown.get("unmatched"))
      expectedMatching.add("(unmatched: " + u.get("provider").asText() + ")|||");
    assertThat(
            PageFigures.rows(page, "matching").stream()
                .map(
                    r ->
                        r.get("contract")
                            + "|"
                            + r.get("contractApplied")
                            + "|"
                            + r.get("ids")
                            + "|"
                            + r.get("providerName"))
                .toList())
        .isEqualTo(expectedMatching);
    assertThat(chromium.errors(page)).isEmpty();

    // without --plan the report plans the scenario itself and projects with that plan; the
    // caption said "projected as actuals plus the plan the plan of this report"
    Path own = dir.resolve("own-plan-report.html");
    var ownRun =
        ReportCommandTest.nuage(
            "report", scenario.toString(), "--db", db.toString(), "--out", own.toString());
    assertThat(ownRun.code()).as(ownRun.err()).isZero();
    Page second = chromium.newPage();
    openOffline(second, own);
    assertThat(second.locator("[data-panel=burndown] .caption").innerText())
        .contains("actuals plus the plan of this report for the rest")
        .doesNotContain("plan the plan");
    assertThat(chromium.errors(second)).isEmpty();
  }

  @Test
  void report_withRisk_drawsTheFanAndTheShortfallOdds_asTheRiskJsonSays(@TempDir Path dir)
      throws Exception {
    Path scenario = RiskCommandTest.TWO_POINT;
    Path risk = dir.resolve("risk.json");
    var riskRun =
        ReportCommandTest.nuage(
            "risk",
            scenario.toString(),
            "--samples",
            "all",
            "--format",
            "json",
            "--quiet",
            "--out",
            risk.toString());
    assertThat(riskRun.code()).as(riskRun.err()).isZero();
    JsonNode riskJson = new ObjectMapper().readTree(risk.toFile());
    Path report = dir.resolve("risk-report.html");
    var run =
        ReportCommandTest.nuage(
            "report", scenario.toString(), "--risk", risk.toString(), "--out", report.toString());
    assertThat(run.code()).as(run.err()).isZero();

    Page page = chromium.newPage();
    openOffline(page, report);
    HeadlessChromium.screenshot(page, "report-risk");

    List<String> expectedFan = new ArrayList<>();
    for (JsonNode y : riskJson.get("years")) {
      List<String> q = new ArrayList<>();
      y.get("quantiles").forEach(e -> q.add(e.get("value").asText()));
      expectedFan.add(
          y.get("year").asText()
              + "|"
              + y.get("asWritten").asText()
              + "|"
              + y.at("/mean/value").asText()
              + "|"
              + String.join("|", q));
    }
    assertThat(expectedFan).isNotEmpty();
    assertThat(
            PageFigures.rows(page, "fan").stream()
                .map(
                    r ->
                        String.join(
                            "|",
                            r.get("year"),
                            r.get("asWritten"),
                            r.get("mean"),
                            r.get("p05"),
                            r.get("p25"),
                            r.get("p50"),
                            r.get("p75"),
                            r.get("p95")))
                .toList())
        .isEqualTo(expectedFan);
    List<String> expectedOdds = new ArrayList<>();
    for (JsonNode c : riskJson.get("contractYears"))
      expectedOdds.add(
          c.get("contract").asText()
              + "|"
              + (c.get("year").asInt() + 1)
              + "|"
              + c.at("/shortfallProbability/value").asText()
              + "|"
              + c.at("/expectedShortfall/value").asText());
    assertThat(expectedOdds).isNotEmpty();
    assertThat(
            PageFigures.rows(page, "shortfallrisk").stream()
                .map(
                    r ->
                        String.join(
                            "|",
                            r.get("contract"),
                            r.get("year"),
                            r.get("probability"),
                            r.get("expected")))
                .toList())
        .isEqualTo(expectedOdds);
    assertThat(page.locator("[data-panel=fan] .caption").innerText())
        .contains(riskJson.get("futures").asText() + " futures")
        // the mean's billed part and its unmet penalty, apart: real money from the assumption
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "Of the mean, billed $%,.2f",
                new java.math.BigDecimal(riskJson.at("/cost/meanBilled/value").asText())))
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "unmet demand at the penalty $%,.2f",
                new java.math.BigDecimal(riskJson.at("/cost/meanUnmetPenalty/value").asText())));
    // the headline's shortfall gives the largest probability of a shortfall of any contract year
    java.math.BigDecimal worst = java.math.BigDecimal.ZERO;
    for (JsonNode c : riskJson.get("contractYears")) {
      worst = worst.max(new java.math.BigDecimal(c.at("/shortfallProbability/value").asText()));
    }
    assertThat(
            new java.math.BigDecimal(
                page.getAttribute(".answer[data-answer=shortfall]", "data-probability")))
        .isEqualByComparingTo(worst);
    assertThat(chromium.errors(page)).isEmpty();
  }

  /**
   * Issue 12 review, finding 2: a risk run of one future has no standard error (null in its JSON);
   * the report printed it as $0.00 and now says n/a, in the fan's and the odds' tables and the
   * caption.
   */
  @Test
  void report_riskOfOneFuture_showsItsStandardErrorsAsNotAvailable(@TempDir Path dir)
      throws Exception {
    Path scenario = RiskCommandTest.TWO_POINT;
    Path risk = dir.resolve("risk.json");
    var riskRun =
        ReportCommandTest.nuage(
            "risk",
            scenario.toString(),
            "--samples",
            "1",
            "--format",
            "json",
            "--quiet",
            "--out",
            risk.toString());
    assertThat(riskRun.code()).as(riskRun.err()).isZero();
    assertThat(new ObjectMapper().readTree(risk.toFile()).at("/cost/mean/standardError").isNull())
        .isTrue();
    Path report = dir.resolve("one-future.html");
    var run =
        ReportCommandTest.nuage(
            "report", scenario.toString(), "--risk", risk.toString(), "--out", report.toString());
    assertThat(run.code()).as(run.err()).isZero();

    Page page = chromium.newPage();
    openOffline(page, report);

    // the fan's columns: year, as written, mean, ± s.e., ...; the odds': contract, year,
    // P(shortfall), ± s.e., mean shortfall, ± s.e., P95
    assertThat(page.locator("table[data-table=fan] tbody tr td").nth(3).innerText())
        .isEqualTo("n/a");
    var odds = page.locator("table[data-table=shortfallrisk] tbody tr").first().locator("td");
    assertThat(odds.nth(3).innerText()).isEqualTo("n/a");
    assertThat(odds.nth(5).innerText()).isEqualTo("n/a");
    assertThat(page.locator("[data-panel=fan] .caption").innerText())
        .contains("± n/a (one standard error, not estimable from one future)")
        .doesNotContain("± $0.00");
    assertThat(chromium.errors(page)).isEmpty();
  }

  @Test
  void report_riskOfAnotherScenario_isRefused(@TempDir Path dir) throws Exception {
    Path risk =
        Files.writeString(
            dir.resolve("risk.json"), "{\"scenario\": \"someone-else\", \"years\": []}");
    var run =
        ReportCommandTest.nuage(
            "report",
            RiskCommandTest.TWO_POINT.toString(),
            "--risk",
            risk.toString(),
            "--out",
            dir.resolve("r.html").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(risk + ": scenario: the risk is of another scenario (got someone-else")
        .doesNotContain("Exception");
    assertThat(dir.resolve("r.html")).doesNotExist();
  }
}
