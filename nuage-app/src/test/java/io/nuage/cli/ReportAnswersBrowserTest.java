package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.nuage.browser.ExpectedAnswers;
import io.nuage.browser.HeadlessChromium;
import io.nuage.browser.PageFigures;
import io.nuage.scenario.Policy;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 on the offline report: {@code nuage demo}'s report answers the five questions on its
 * first screen with the plan JSON's figures, with bills as of their end, never scrolls sideways at
 * 390 px, light or dark, describes every chart, and its CSV downloads sum to the JSON's totals.
 * Expected figures come from the JSON files with Jackson and BigDecimal, never from the page.
 */
class ReportAnswersBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");
  @TempDir static Path demo;
  private static HeadlessChromium chromium;
  private static JsonNode plan;

  @BeforeAll
  static void runTheDemo() throws Exception {
    String before = System.getProperty("nuage.home");
    System.setProperty("nuage.home", SharedData.repo().toString());
    try {
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new String[] {"demo", "--out-dir", demo.toString()},
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      assertThat(code).as(err.toString()).isZero();
    } finally {
      if (before == null) System.clearProperty("nuage.home");
      else System.setProperty("nuage.home", before);
    }
    plan = JSON.readTree(demo.resolve("plan.json").toFile());
    chromium = new HeadlessChromium();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
  }

  private static Map<String, String> caps() {
    Policy policy = ScenarioParser.parse(EXAMPLE).policy();
    Map<String, String> caps = new HashMap<>();
    caps.put("*", policy.maxShare().toPlainString());
    policy.maxShareByProvider().forEach((p, cap) -> caps.put(p, cap.toPlainString()));
    return caps;
  }

  /** Every contract's minimums (all kinds): the draw-down of no bills at the horizon's start. */
  private static JsonNode commitments() throws Exception {
    return JSON.readTree(
        LedgerReport.commitmentsJson(
            ScenarioParser.parse(EXAMPLE),
            EXAMPLE.toString(),
            Files.readString(demo.resolve("plan.json")),
            "plan.json"));
  }

  private static void open(Page page, Path file) {
    page.route(
        "**/*",
        route -> {
          if (route.request().url().startsWith("file:")) route.resume();
          else route.abort();
        });
    page.navigate(file.toUri().toString());
    page.waitForSelector("[data-rendered]");
  }

  @Test
  void demoReport_firstScreenAt1440x900_showsTheFiveAnswersOfThePlanJson() throws Exception {
    Page page = chromium.newPage(1440, 900, false);
    open(page, demo.resolve("report.html"));
    HeadlessChromium.firstScreen(page, "report-first-screen-1440x900");

    ExpectedAnswers.assertOnFirstScreen(page, 1440, 900);
    ExpectedAnswers.assertBand(page, plan, commitments(), false, caps());
    // the exact figure is one hover away
    assertThat(page.getAttribute(".answer[data-answer=planned] .figure", "title"))
        .isEqualTo("$" + String.format("%,.2f", new BigDecimal(plan.get("totalCost").asText())));
    assertThat(chromium.errors(page)).isEmpty();
  }

  @Test
  void report_at1440And390_lightAndDark_neverScrollsSidewaysAndDescribesEveryChart()
      throws Exception {
    for (int width : new int[] {1440, 390}) {
      for (boolean dark : new boolean[] {false, true}) {
        String name = "report-" + width + "-" + (dark ? "dark" : "light");
        Page page = chromium.newPage(width, 900, dark);
        open(page, demo.resolve("report.html"));
        HeadlessChromium.screenshot(page, name);
        assertThat(HeadlessChromium.sidewaysOverflow(page))
            .as(name + " sideways")
            .isLessThanOrEqualTo(0);
        assertThat(luminance(page)).as(name + " background").matches(l -> dark ? l < 0.2 : l > 0.8);
        @SuppressWarnings("unchecked")
        List<String> labels =
            (List<String>)
                page.evalOnSelectorAll(
                    ".panel .chart", "cs => cs.map(c => c.getAttribute('aria-label') || '')");
        assertThat(labels).as(name + " charts").hasSizeGreaterThanOrEqualTo(8);
        assertThat(labels)
            .as(name + " aria descriptions")
            .allSatisfy(l -> assertThat(l).matches(".*\\d.*"));
        assertThat(PageFigures.drawnCharts(page)).isEqualTo(labels.size());
        @SuppressWarnings("unchecked")
        List<String> emptyHeaders =
            (List<String>)
                page.evalOnSelectorAll(
                    "table th",
                    "ths => ths.filter(t => !t.textContent.trim()).map(t => t.outerHTML)");
        assertThat(emptyHeaders).isEmpty();
        assertThat(page.locator("table.numbers:not(:has(caption))").count()).isZero();
        assertThat(chromium.errors(page)).isEmpty();
        page.close();
      }
    }
    // the toggle switches a light page to dark and back
    Page page = chromium.newPage(1440, 900, false);
    open(page, demo.resolve("report.html"));
    page.click("#theme-toggle");
    assertThat(page.getAttribute("html", "data-theme")).isEqualTo("dark");
    assertThat(luminance(page)).isLessThan(0.2);
    // the savings labels are drawn in light ink, not outlined in the bar's colour (hollow)
    String label =
        (String)
            page.evaluate(
                "() => JSON.stringify(echarts.getInstanceByDom(document.querySelector('[data-panel=baselines] .chart')).getOption().series[0].label)");
    JsonNode savings = JSON.readTree(label);
    assertThat(savings.path("textBorderWidth").asInt(-1)).isZero();
    assertThat(savings.path("color").asText()).isEqualTo("#e3e8ee");
    page.click("#theme-toggle");
    assertThat(luminance(page)).isGreaterThan(0.8);
  }

  @Test
  void report_coloursMeanTheSameInEveryChart() {
    Page page = chromium.newPage(1440, 900, false);
    open(page, demo.resolve("report.html"));
    // every series of every chart: its name and colour, as ECharts holds them
    @SuppressWarnings("unchecked")
    List<List<String>> series =
        (List<List<String>>)
            page.evalOnSelectorAll(
                ".panel .chart",
                "cs => cs.flatMap(c => (echarts.getInstanceByDom(c).getOption().series || [])"
                    + ".map(s => [String(s.name), String((s.itemStyle || {}).color)]))");
    Map<String, java.util.Set<String>> colours = new HashMap<>();
    for (List<String> s : series)
      colours.computeIfAbsent(s.get(0), k -> new java.util.TreeSet<>()).add(s.get(1));
    for (JsonNode p : plan.get("providers")) {
      String provider = p.get("provider").asText();
      assertThat(colours.get(provider)).as(provider + " in spend and shares").hasSize(1);
    }
    assertThat(colours.get("shortfall")).as("shortfall in every burn-down").hasSize(1);
    assertThat(colours.get("minimum")).hasSize(1);
    assertThat(colours.get("planned")).doesNotContainAnyElementsOf(colours.get("shortfall"));
  }

  private static double luminance(Page page) {
    String rgb = (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
    String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
    return (0.2126 * Integer.parseInt(parts[0])
            + 0.7152 * Integer.parseInt(parts[1])
            + 0.0722 * Integer.parseInt(parts[2]))
        / 255;
  }

  @Test
  void report_csvDownloads_parseAndSumToThePlanJsonTotals() throws Exception {
    Page page = chromium.newPage(1440, 900, false);
    open(page, demo.resolve("report.html"));
    BigDecimal usage = new BigDecimal(plan.at("/costBreakdown/usage").asText());
    assertThat(sum(csv(page, "spend"), "spend", r -> true)).isEqualByComparingTo(usage);
    assertThat(sum(csv(page, "vsplan"), "planned", r -> true)).isEqualByComparingTo(usage);
    assertThat(sum(csv(page, "heatmap"), "cost", r -> true)).isEqualByComparingTo(usage);
    BigDecimal committed = BigDecimal.ZERO;
    for (JsonNode c : plan.get("contracts"))
      committed = committed.add(new BigDecimal(c.get("committed").asText()));
    assertThat(sum(csv(page, "burndown"), "committed", r -> r.get("source").equals("plan")))
        .isEqualByComparingTo(committed);
    List<CSVRecord> baselines = csv(page, "baselines");
    assertThat(baselines.get(0).get("name")).isEqualTo("plan");
    assertThat(baselines.get(0).get("totalCost")).isEqualTo(plan.get("totalCost").asText());
    for (CSVRecord r : baselines.subList(2, baselines.size())) {
      assertThat(new BigDecimal(r.get("difference")))
          .isEqualByComparingTo(
              new BigDecimal(r.get("totalCost"))
                  .subtract(new BigDecimal(plan.get("totalCost").asText())));
    }
    List<CSVRecord> headline = csv(page, "headline");
    assertThat(headline)
        .anySatisfy(
            r -> {
              assertThat(r.get("answer")).isEqualTo("planned");
              assertThat(r.get("value")).isEqualTo(plan.get("totalCost").asText());
            });
    BigDecimal yearSpend = BigDecimal.ZERO;
    for (JsonNode p : plan.get("providers"))
      yearSpend = yearSpend.add(new BigDecimal(p.get("spend").asText()));
    assertThat(sum(csv(page, "shares"), "spend", r -> r.get("source").equals("plan")))
        .isEqualByComparingTo(yearSpend);
  }

  private static List<CSVRecord> csv(Page page, String panel) throws Exception {
    Download download = page.waitForDownload(() -> page.click("button[data-csv=" + panel + "]"));
    assertThat(download.suggestedFilename()).isEqualTo("nuage-" + panel + ".csv");
    String text = Files.readString(download.path(), StandardCharsets.UTF_8);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(text))
            .getRecords();
    assertThat(rows).as(panel + " rows").isNotEmpty();
    return rows;
  }

  private static BigDecimal sum(
      List<CSVRecord> rows, String column, java.util.function.Predicate<CSVRecord> keep) {
    BigDecimal total = BigDecimal.ZERO;
    for (CSVRecord r : rows) if (keep.test(r)) total = total.add(new BigDecimal(r.get(column)));
    return total;
  }

  @Test
  void report_withTheDemosReplanAndBills_writesAndAnswersAsOfTheBills() throws Exception {
    Path db = demo.resolve("ledger.duckdb");
    Path replanFile = demo.resolve("replan.json");
    JsonNode replan = JSON.readTree(replanFile.toFile());
    assertThat(replan.path("fixedPast").path("asOf").asText()).isEqualTo("2027-07-01");
    // without bills, the report's minimums are projected with the re-plan from its own date
    JsonNode book =
        JSON.readTree(
            LedgerReport.commitmentsJson(
                ScenarioParser.parse(EXAMPLE),
                EXAMPLE.toString(),
                Files.readString(replanFile),
                "replan.json"));
    assertThat(ExpectedAnswers.committed(book))
        .isEqualByComparingTo(ExpectedAnswers.committed(commitments()));
    var ledger =
        ReportCommandTest.nuage(
            "ledger",
            "--scenario",
            EXAMPLE.toString(),
            "--db",
            db.toString(),
            "--plan",
            replanFile.toString(),
            "--format",
            "json");
    assertThat(ledger.code()).as(ledger.err()).isZero();
    JsonNode drawDown = JSON.readTree(ledger.out());
    Path report = demo.resolve("replan-report.html");
    var run =
        ReportCommandTest.nuage(
            "report",
            EXAMPLE.toString(),
            "--plan",
            replanFile.toString(),
            "--db",
            db.toString(),
            "--out",
            report.toString());
    assertThat(run.code()).as(run.err()).isZero();

    Page page = chromium.newPage(1440, 900, false);
    open(page, report);
    ExpectedAnswers.assertOnFirstScreen(page, 1440, 900);
    ExpectedAnswers.assertBand(page, replan, drawDown, true, caps());
    assertThat(page.locator(".headline .caption").innerText()).contains("with the re-plan");
    assertThat(chromium.errors(page)).isEmpty();
  }

  @Test
  void report_ofAScenarioInEuros_writesEveryFigureInEuros(@TempDir Path dir) throws Exception {
    Path tiny = ReportCommandTest.resource("tiny-lab.yaml");
    Path euros = dir.resolve("tiny-lab.yaml");
    Files.writeString(euros, "currency: EUR\n" + Files.readString(tiny));
    Path report = dir.resolve("report.html");
    var run = ReportCommandTest.nuage("report", euros.toString(), "--out", report.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode planned = ReportCommandTest.inlinedBundle(Files.readString(report)).get("plan");

    Page page = chromium.newPage(1440, 900, false);
    open(page, report);
    assertThat(page.locator(".report-header p").innerText()).contains("Money in euros");
    assertThat(page.getAttribute(".answer[data-answer=planned] .figure", "title"))
        .isEqualTo("€" + String.format("%,.2f", new BigDecimal(planned.get("totalCost").asText())));
    assertThat(page.locator(".headline").innerText()).doesNotContain("$").contains("€");
    assertThat(chromium.errors(page)).isEmpty();
  }

  @Test
  void report_withTheDemosBills_answersAsOfTheirEnd() throws Exception {
    Path db = demo.resolve("ledger.duckdb");
    Path planFile = demo.resolve("plan.json");
    var ledger =
        ReportCommandTest.nuage(
            "ledger",
            "--scenario",
            EXAMPLE.toString(),
            "--db",
            db.toString(),
            "--plan",
            planFile.toString(),
            "--format",
            "json");
    assertThat(ledger.code()).as(ledger.err()).isZero();
    JsonNode drawDown = JSON.readTree(ledger.out());
    Path report = demo.resolve("ledger-report.html");
    var run =
        ReportCommandTest.nuage(
            "report",
            EXAMPLE.toString(),
            "--plan",
            planFile.toString(),
            "--db",
            db.toString(),
            "--out",
            report.toString());
    assertThat(run.code()).as(run.err()).isZero();

    Page page = chromium.newPage(1440, 900, false);
    open(page, report);
    HeadlessChromium.screenshot(page, "report-ledger-1440");
    ExpectedAnswers.assertOnFirstScreen(page, 1440, 900);
    ExpectedAnswers.assertBand(page, plan, drawDown, true, caps());
    // the demo's plan falls short of a later year's minimum: the band must not say $0.00
    assertThat(ExpectedAnswers.ledgerShortfall(drawDown)).isPositive();
    // plan against actual counts what nuage ledger vs-plan counts, per month
    var vsPlan =
        ReportCommandTest.nuage(
            "ledger",
            "vs-plan",
            "--scenario",
            EXAMPLE.toString(),
            "--db",
            db.toString(),
            "--plan",
            planFile.toString(),
            "--format",
            "json");
    assertThat(vsPlan.code()).as(vsPlan.err()).isZero();
    Map<String, BigDecimal[]> byMonth = new java.util.TreeMap<>();
    for (JsonNode line : JSON.readTree(vsPlan.out()).get("planVsActual")) {
      BigDecimal[] m =
          byMonth.computeIfAbsent(
              line.get("month").asText(),
              k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      m[0] = m[0].add(new BigDecimal(line.get("plannedSpend").asText()));
      m[1] = m[1].add(new BigDecimal(line.get("actualSpend").asText()));
      m[2] = m[2].add(new BigDecimal(line.get("spendVariance").asText()));
    }
    List<CSVRecord> shown = csv(page, "vsplan");
    assertThat(shown.stream().map(r -> r.get("month")).toList())
        .containsExactlyElementsOf(byMonth.keySet());
    for (CSVRecord r : shown) {
      BigDecimal[] m = byMonth.get(r.get("month"));
      assertThat(new BigDecimal(r.get("planned"))).as(r.get("month")).isEqualByComparingTo(m[0]);
      assertThat(new BigDecimal(r.get("actual"))).as(r.get("month")).isEqualByComparingTo(m[1]);
      assertThat(new BigDecimal(r.get("variance"))).as(r.get("month")).isEqualByComparingTo(m[2]);
    }
    assertThat(page.locator(".answer[data-answer=shortfall]").innerText())
        .contains(drawDown.get("asOf").asText());
    // one small chart per contract with a minimum: committed spend, reservation, storage
    List<String> multiples = new ArrayList<>();
    for (JsonNode c : drawDown.get("contracts")) {
      if (new BigDecimal(c.get("committed").asText()).signum() > 0)
        multiples.add(c.get("contract").asText());
    }
    assertThat(
            page.locator(".multiple").all().stream()
                .map(m -> m.getAttribute("data-contract"))
                .toList())
        .containsExactlyElementsOf(multiples);
    // every small burn-down names billed in a legend that shows all its series (none paged away)
    @SuppressWarnings("unchecked")
    List<String> legends =
        (List<String>)
            page.evalOnSelectorAll(
                ".multiple .chart",
                "cs => cs.map(c => { const o = echarts.getInstanceByDom(c).getOption();"
                    + " return o.legend[0].type + ':' + o.series.map(s => s.name).join(','); })");
    assertThat(legends).allSatisfy(l -> assertThat(l).startsWith("plain:").contains("billed"));
    assertThat(chromium.errors(page)).isEmpty();
  }

  @Test
  void report_withDeal_drawsExpectedCostAndCvarAgainstSize(@TempDir Path dir) throws Exception {
    Path tiers =
        SharedData.repo().resolve("nuage-core/src/test/resources/deal/two-point-tiers.yaml");
    Path deal = dir.resolve("deal.json");
    var sized =
        ReportCommandTest.nuage(
            "deal",
            tiers.toString(),
            "--contract",
            "deal",
            "--scale",
            "0.5,1,1.5",
            "--format",
            "json",
            "--out",
            deal.toString(),
            "--quiet");
    assertThat(sized.code()).as(sized.err()).isZero();
    Path report = dir.resolve("deal.html");
    var run =
        ReportCommandTest.nuage(
            "report", tiers.toString(), "--deal", deal.toString(), "--out", report.toString());
    assertThat(run.code()).as(run.err()).isZero();

    Page page = chromium.newPage(1440, 900, false);
    open(page, report);
    HeadlessChromium.screenshot(page, "report-deal");
    JsonNode json = JSON.readTree(deal.toFile());
    List<String> expected = new ArrayList<>();
    for (JsonNode z : json.get("sizes")) {
      expected.add(
          z.get("label").asText()
              + "|"
              + z.at("/meanCost/value").asText()
              + "|"
              + z.at("/cvar95/value").asText());
    }
    JsonNode none = json.get("notSigned");
    expected.add(
        none.get("label").asText()
            + "|"
            + none.at("/meanCost/value").asText()
            + "|"
            + none.at("/cvar95/value").asText());
    assertThat(
            PageFigures.rows(page, "deal").stream()
                .map(r -> r.get("label") + "|" + r.get("meanCost") + "|" + r.get("cvar95"))
                .toList())
        .isEqualTo(expected);
    assertThat(page.getAttribute("[data-panel=deal] .chart", "aria-label")).contains("expected");
    // the not-signed line is drawn inside the value axis, named so; CVaR95 has its own colour
    double notSigned = Double.parseDouble(none.at("/meanCost/value").asText());
    List<?> extent =
        (List<?>)
            page.evaluate(
                "() => { const c = echarts.getInstanceByDom(document.querySelector('[data-panel=deal] .chart'));"
                    + " const a = c.getModel().getComponent('yAxis').axis.scale.getExtent();"
                    + " return [a[0], a[1]]; }");
    assertThat(((Number) extent.get(0)).doubleValue()).isLessThanOrEqualTo(notSigned);
    assertThat(((Number) extent.get(1)).doubleValue()).isGreaterThanOrEqualTo(notSigned);
    String options =
        (String)
            page.evaluate(
                "() => JSON.stringify(echarts.getInstanceByDom(document.querySelector('[data-panel=deal] .chart')).getOption().series)");
    JsonNode series = JSON.readTree(options);
    String label = series.get(0).at("/markLine/label/formatter").asText();
    assertThat(label).startsWith("not signed").doesNotContain("break-even");
    assertThat(series.get(1).at("/lineStyle/color").asText())
        .isNotEqualTo(series.get(0).at("/markLine/lineStyle/color").asText())
        .isNotEqualTo("#e8590c");
    assertThat(page.locator("[data-panel=deal]").innerText()).contains("Break-even demand");
    assertThat(chromium.errors(page)).isEmpty();

    // a deal of another version of the scenario file is refused, naming both hashes
    Path edited = dir.resolve("two-point-tiers.yaml");
    Files.writeString(edited, Files.readString(tiers) + "\n# edited\n");
    var refused =
        ReportCommandTest.nuage(
            "report",
            edited.toString(),
            "--deal",
            deal.toString(),
            "--out",
            dir.resolve("x.html").toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .contains("scenarioHash: the deal was computed from another version of");
    assertThat(dir.resolve("x.html")).doesNotExist();
  }
}
