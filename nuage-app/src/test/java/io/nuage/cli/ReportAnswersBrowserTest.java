package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import io.nuage.browser.ChartDescriptions;
import io.nuage.browser.ExpectedAnswers;
import io.nuage.browser.HeadlessChromium;
import io.nuage.browser.PageFigures;
import io.nuage.browser.PanelCsv;
import io.nuage.browser.Tooltips;
import io.nuage.scenario.Policy;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    burndownAgreesWithTheBand(page, commitments(), false);
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
        // every chart's description says what it draws, agreeing with the panel's exact table
        assertThat(ChartDescriptions.assertMeaningful(page, name)).isEqualTo(labels.size());
        if (width == 1440 && !dark) Tooltips.assertMoneyWithCents(page, name);
        assertThat(PageFigures.drawnCharts(page)).isEqualTo(labels.size());
        @SuppressWarnings("unchecked")
        List<String> emptyHeaders =
            (List<String>)
                page.evalOnSelectorAll(
                    "table th",
                    "ths => ths.filter(t => !t.textContent.trim()).map(t => t.outerHTML)");
        assertThat(emptyHeaders).isEmpty();
        assertThat(page.locator("table.numbers:not(:has(caption))").count()).isZero();
        // a numeric column's header is aligned as its figures are (review of issue 14, item 6)
        @SuppressWarnings("unchecked")
        List<String> misaligned =
            (List<String>)
                page.evaluate(
                    "() => [...document.querySelectorAll('table.numbers')].flatMap(t => {"
                        + " const row = t.querySelector('tbody tr'); if (!row) return [];"
                        + " return [...t.querySelectorAll('thead th')].map((th, i) => [th, row.children[i]])"
                        + " .filter(([th, td]) => td && getComputedStyle(th).textAlign !== getComputedStyle(td).textAlign)"
                        + " .map(([th]) => t.dataset.table + ':' + th.textContent); })");
        assertThat(misaligned).as(name + " headers").isEmpty();
        // nothing cut off (review of issue 14, item 7): at 1440 every table fits its panel; at any
        // width a wider table scrolls in its own box; the savings chart's words stay inside it and
        // its names end before the bars begin
        @SuppressWarnings("unchecked")
        List<String> clipped =
            (List<String>)
                page.evaluate(
                    "() => [...document.querySelectorAll('table.numbers')].filter(t => t.offsetParent)"
                        + ".filter(t => t.getBoundingClientRect().width > t.closest('.panel, .headline').getBoundingClientRect().width"
                        + " && (!t.parentElement.classList.contains('table-scroll')"
                        + " || getComputedStyle(t.parentElement).overflowX !== 'auto'))"
                        + ".map(t => t.dataset.table)");
        assertThat(clipped)
            .as(name + " tables wider than their panel, without a scroller")
            .isEmpty();
        if (width == 1440) {
          @SuppressWarnings("unchecked")
          List<String> wide =
              (List<String>)
                  page.evaluate(
                      "() => [...document.querySelectorAll('.table-scroll')].filter(d => d.offsetParent)"
                          + ".filter(d => d.scrollWidth > d.clientWidth + 1).map(d => d.firstChild.dataset.table)");
          assertThat(wide).as(name + " tables scrolled at 1440").isEmpty();
        }
        @SuppressWarnings("unchecked")
        List<Object> savings =
            (List<Object>)
                page.evaluate(
                    "() => { const div = document.querySelector('[data-panel=baselines] .chart');"
                        + " const box = div.getBoundingClientRect();"
                        + " const out = [...div.querySelectorAll('svg text')].map(t => t.getBoundingClientRect())"
                        + ".filter(r => r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)).length;"
                        + " const zero = echarts.getInstanceByDom(div).convertToPixel({gridIndex: 0}, [0, 0])[0] + box.left;"
                        + " const names = [...div.querySelectorAll('svg text')].filter(t => t.textContent === 'commitments-first')"
                        + ".map(t => t.getBoundingClientRect().right);"
                        + " return [out, names.length, Math.max(...names) - zero]; }");
        assertThat(((Number) savings.get(0)).intValue()).as(name + " savings words cut").isZero();
        assertThat(((Number) savings.get(1)).intValue()).as(name + " commitments-first").isOne();
        assertThat(((Number) savings.get(2)).doubleValue())
            .as(name + " commitments-first runs into its bar")
            .isLessThanOrEqualTo(0);
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
    // the burn-down's projection is the same "planned" colour as plan against actual's bars
    assertThat(colours.get("plan")).isEqualTo(colours.get("planned"));
    oneMeaningPerColour(page);
  }

  /**
   * Review of issue 14, item 8: each meaning's colour is used by that meaning alone, in every chart
   * (series, their lines and marked lines): planned, billed, shortfall, cap; and nothing else is
   * drawn in a warm orange that reads as shortfall.
   */
  @SuppressWarnings("unchecked")
  static void oneMeaningPerColour(Page page) {
    List<List<String>> uses =
        (List<List<String>>)
            page.evalOnSelectorAll(
                ".panel .chart",
                "cs => cs.flatMap(c => (echarts.getInstanceByDom(c).getOption().series || [])"
                    + ".flatMap(s => [[s.name, (s.itemStyle || {}).color], [s.name, (s.lineStyle || {}).color],"
                    + " [s.name + ' (marked line)', ((s.markLine || {}).lineStyle || {}).color]])"
                    + ".filter(u => typeof u[1] === 'string').map(u => [String(u[0]), u[1].toLowerCase()]))");
    Map<String, List<String>> allowed =
        Map.of(
            "#8fa8e6", List.of("planned", "plan", "re-plan"),
            "#2f4fb5", List.of("actual", "billed", "billed (marked line)"),
            "#e8590c", List.of("shortfall", "P(shortfall)"),
            "#c92a2a", List.of());
    for (List<String> u : uses) {
      String colour = u.get(1);
      String name = u.get(0);
      List<String> may = allowed.get(colour);
      if (may != null)
        assertThat(
                may.contains(name) || (colour.equals("#c92a2a") && name.endsWith("(marked line)")))
            .as(name + " drawn in " + colour)
            .isTrue();
      // the cap's red is its own meaning, drawn only as the cap (checked above)
      if (colour.matches("#[0-9a-f]{6}")
          && !colour.equals("#e8590c")
          && !colour.equals("#c92a2a")) {
        int r = Integer.parseInt(colour.substring(1, 3), 16);
        int g = Integer.parseInt(colour.substring(3, 5), 16);
        int b = Integer.parseInt(colour.substring(5, 7), 16);
        double far =
            Math.sqrt(Math.pow(r - 0xe8, 2) + Math.pow(g - 0x59, 2) + Math.pow(b - 0x0c, 2));
        assertThat(far).as(name + " " + colour + " reads as shortfall orange").isGreaterThan(80);
      }
    }
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

  /**
   * The burn-down says what the headline says (review of issue 14, item 1): per contract year the
   * shortfall max(0, committed − projected) of the draw-down JSON ({@code book}), a year not
   * started included; their sum over take-or-pay contracts is the band's shortfall, over
   * reservations and storage (at their price) its unused amount; and each small chart's description
   * names each year short. In plan mode committed spend comes from the plan JSON's contracts[].
   */
  private static void burndownAgreesWithTheBand(Page page, JsonNode book, boolean withBills)
      throws Exception {
    List<CSVRecord> rows = csv(page, "burndown");
    Map<String, CSVRecord> byYear = new HashMap<>();
    for (CSVRecord r : rows) byYear.put(r.get("contract") + "|" + r.get("year"), r);
    BigDecimal owed = BigDecimal.ZERO;
    BigDecimal unused = BigDecimal.ZERO;
    Map<String, List<String>> shortYears = new HashMap<>();
    String currency = book.path("currency").asText("USD");
    for (JsonNode c : book.get("contracts")) {
      String contract = c.get("contract").asText();
      boolean fromPlan = !withBills && "committed-spend".equals(c.path("kind").asText());
      if (fromPlan) continue; // the plan's own contract years, below
      BigDecimal price =
          c.path("unit").asText(currency).equals(currency)
              ? BigDecimal.ONE
              : new BigDecimal(c.path("pricePerUnit").asText("0"));
      for (JsonNode y : c.path("years")) {
        if (new BigDecimal(y.get("committed").asText()).signum() == 0
            || y.path("projected").isNull()
            || y.path("projected").isMissingNode()) continue;
        CSVRecord r = byYear.get(contract + "|" + y.get("year").asInt());
        assertThat(r).as(contract + " year " + y.get("year").asInt()).isNotNull();
        BigDecimal expected =
            new BigDecimal(y.get("committed").asText())
                .subtract(new BigDecimal(y.get("projected").asText()))
                .max(BigDecimal.ZERO);
        // a year not started had an empty cell here under a headline that counted its shortfall
        assertThat(r.get("shortfall"))
            .as(contract + " year " + y.get("year").asInt() + " shortfall cell")
            .isNotEmpty();
        assertThat(new BigDecimal(r.get("shortfall")))
            .as(contract + " year " + y.get("year").asInt() + " shortfall")
            .isEqualByComparingTo(expected);
        if (expected.signum() > 0) {
          shortYears.computeIfAbsent(contract, k -> new ArrayList<>()).add("Y" + y.get("year"));
          if ("true-up".equals(c.path("shortfallKind").asText())) owed = owed.add(expected);
          if ("unused".equals(c.path("shortfallKind").asText()))
            unused = unused.add(expected.multiply(price));
        }
      }
    }
    if (!withBills) {
      for (JsonNode c : plan.get("contracts")) {
        String key = c.get("contract").asText() + "|" + (c.get("year").asInt() + 1);
        BigDecimal expected = new BigDecimal(c.get("shortfall").asText());
        assertThat(new BigDecimal(byYear.get(key).get("shortfall")))
            .as(key)
            .isEqualByComparingTo(expected);
        if (expected.signum() > 0) {
          if (c.get("takeOrPay").asBoolean()) owed = owed.add(expected);
          shortYears
              .computeIfAbsent(c.get("contract").asText(), k -> new ArrayList<>())
              .add("Y" + (c.get("year").asInt() + 1));
        }
      }
    }
    assertThat(owed)
        .as("take-or-pay shortfall in the burn-down against the band")
        .isEqualByComparingTo(
            new BigDecimal(page.getAttribute(".answer[data-answer=shortfall]", "data-value")));
    assertThat(unused)
        .as("reservations and storage unused in the burn-down against the band")
        .isEqualByComparingTo(
            new BigDecimal(page.getAttribute(".answer[data-answer=shortfall]", "data-unused")));
    assertThat(owed.add(unused)).as("the demo falls short somewhere").isPositive();
    // the CSV reconciles to the band in money (review of issue 14, item 9): its committed column
    // mixed dollars and GPU-hours; its money columns add up to the band's figures
    assertThat(sum(rows, "committedMoney", r -> !r.get("committedMoney").isEmpty()))
        .as("Σ minimums in money against the band's committed")
        .isEqualByComparingTo(
            new BigDecimal(page.getAttribute(".answer[data-answer=committed]", "data-value")));
    assertThat(sum(rows, "shortfallMoney", r -> !r.get("shortfallMoney").isEmpty()))
        .as("Σ shortfalls in money against the band's shortfall and unused")
        .isEqualByComparingTo(owed.add(unused));
    CSVRecord shortfall =
        csv(page, "headline").stream()
            .filter(r -> r.get("answer").equals("shortfall"))
            .findFirst()
            .orElseThrow();
    assertThat(shortfall.get("asOf")).isEqualTo(withBills ? book.get("asOf").asText() : "");
    assertThat(new BigDecimal(shortfall.get("unused"))).isEqualByComparingTo(unused);
    // every contract's axis names its years alike, "Y1 2027" (oci's said "Y1" alone in plan mode)
    @SuppressWarnings("unchecked")
    List<String> labels =
        (List<String>)
            page.evalOnSelectorAll(
                ".multiple .chart",
                "cs => cs.flatMap(c => echarts.getInstanceByDom(c).getOption().xAxis[0].data)");
    assertThat(labels).isNotEmpty().allSatisfy(l -> assertThat(l).matches("Y\\d+ \\d{4}"));
    // and every year's label is drawn, the year short included (an automatic interval showed Y1,
    // Y3 and Y5 of oci's five years, and its Y4 shortfall stood over no label)
    @SuppressWarnings("unchecked")
    List<String> unlabelled =
        (List<String>)
            page.evalOnSelectorAll(
                ".multiple .chart",
                "cs => cs.filter(c => { const ch = echarts.getInstanceByDom(c);"
                    + " return ch.getModel().getComponent('xAxis').axis.getViewLabels().length"
                    + " !== ch.getOption().xAxis[0].data.length; })"
                    + ".map(c => c.closest('.multiple').dataset.contract)");
    assertThat(unlabelled).as("small multiples with a year not labelled").isEmpty();
    // each contract year is drawn against its own minimum, never as running sums (which net a
    // year over its minimum against one under it and hid a year's shortfall): the minimum and the
    // projection drawn for a year are that year's CSV figures, and a year short is drawn below
    JsonNode drawn =
        JSON.readTree(
            (String)
                page.evaluate(
                    "() => JSON.stringify([...document.querySelectorAll('.multiple')].map(m => ({"
                        + " contract: m.dataset.contract, series: echarts.getInstanceByDom("
                        + " m.querySelector('.chart')).getOption().series.map(s => ({ name: s.name,"
                        + " data: s.data })) })))"));
    assertThat(drawn.size()).as("small multiples").isPositive();
    for (JsonNode m : drawn) {
      String contract = m.get("contract").asText();
      List<CSVRecord> years =
          rows.stream()
              .filter(r -> r.get("contract").equals(contract))
              .sorted((a, b) -> Integer.compare(yearOf(a), yearOf(b)))
              .toList();
      JsonNode minimum = null;
      JsonNode projection = null;
      for (JsonNode s : m.get("series")) {
        String name = s.get("name").asText();
        if (name.equals("minimum")) minimum = s.get("data");
        else if (List.of("plan", "re-plan", "run-rate").contains(name)) projection = s.get("data");
      }
      assertThat(minimum).as(contract + " minimum series").isNotNull();
      assertThat(projection).as(contract + " projection series").isNotNull();
      assertThat(minimum.size()).as(contract + " years drawn").isEqualTo(years.size());
      for (int i = 0; i < years.size(); i++) {
        CSVRecord y = years.get(i);
        String at = contract + " Y" + y.get("year");
        double committed = new BigDecimal(y.get("committed")).doubleValue();
        assertThat(minimum.get(i).asDouble())
            .as(at + " minimum drawn is the year's own")
            .isCloseTo(committed, org.assertj.core.data.Offset.offset(committed * 1e-9 + 1e-6));
        if (y.get("projected").isEmpty()) continue;
        double projected = new BigDecimal(y.get("projected")).doubleValue();
        assertThat(projection.get(i).asDouble())
            .as(at + " projection drawn is the year's own")
            .isCloseTo(projected, org.assertj.core.data.Offset.offset(projected * 1e-9 + 1e-6));
        if (new BigDecimal(y.get("shortfall")).signum() > 0)
          assertThat(projection.get(i).asDouble())
              .as(at + " short: drawn below its minimum")
              .isLessThan(minimum.get(i).asDouble());
      }
    }
    // each year's shortfall is drawn on its own scale, not two pixels under the minimum's
    @SuppressWarnings("unchecked")
    List<String> scales =
        (List<String>)
            page.evalOnSelectorAll(
                ".multiple .chart",
                "cs => cs.map(c => { const o = echarts.getInstanceByDom(c).getOption();"
                    + " return o.yAxis.length + ':' + o.series.find(s => s.name === 'shortfall').yAxisIndex; })");
    assertThat(scales).isNotEmpty().allSatisfy(l -> assertThat(l).isEqualTo("2:1"));
    for (var e : shortYears.entrySet()) {
      String words =
          page.getAttribute(".multiple[data-contract='" + e.getKey() + "'] .chart", "aria-label");
      assertThat(words).as(e.getKey()).doesNotContain("no year short");
      for (String year : e.getValue()) assertThat(words).as(e.getKey()).contains(year + " ");
    }
  }

  /**
   * Review of issue 14, item 5: each year's planned and billed shares stand side by side (one
   * category each, "2027 planned" then "2027 billed"), a year without bills has one category, and
   * the legend is one plain entry per provider (a scrolling one paged "oci" away at 390 px).
   */
  @SuppressWarnings("unchecked")
  private static void sharesSideBySide(Page page, JsonNode drawDown) throws Exception {
    JsonNode option =
        JSON.readTree(
            (String)
                page.evaluate(
                    "() => JSON.stringify(echarts.getInstanceByDom(document.querySelector("
                        + "'[data-panel=shares] .chart')).getOption())"));
    assertThat(option.at("/legend/0/type").asText()).isEqualTo("plain");
    List<String> categories = new ArrayList<>();
    option.at("/xAxis/0/data").forEach(c -> categories.add(c.asText()));
    java.util.TreeSet<String> billedYears = new java.util.TreeSet<>();
    for (JsonNode s : drawDown.get("shares")) billedYears.add(s.get("year").asText());
    java.util.TreeSet<String> plannedYears = new java.util.TreeSet<>();
    for (JsonNode p : plan.get("providers")) plannedYears.add(p.get("year").asText());
    List<String> expected = new ArrayList<>();
    for (String y : plannedYears) {
      if (billedYears.contains(y)) expected.addAll(List.of(y + " planned", y + " billed"));
      else expected.add(y);
    }
    assertThat(categories).isEqualTo(expected);
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    option.get("series").forEach(x -> names.add(x.get("name").asText()));
    java.util.TreeSet<String> providers = new java.util.TreeSet<>();
    for (JsonNode p : plan.get("providers")) providers.add(p.get("provider").asText());
    for (JsonNode p : drawDown.get("shares")) providers.add(p.get("provider").asText());
    assertThat(names).isEqualTo(providers);
    // the billed bar of each provider is its ledger share, beside its planned one
    for (JsonNode sh : drawDown.get("shares")) {
      int at = categories.indexOf(sh.get("year").asText() + " billed");
      for (JsonNode x : option.get("series")) {
        if (!x.get("name").asText().equals(sh.get("provider").asText())) continue;
        assertThat(x.get("data").get(at).get("value").asDouble())
            .isCloseTo(
                new BigDecimal(sh.get("share").asText()).doubleValue() * 100,
                org.assertj.core.data.Offset.offset(1e-9));
      }
    }
    // every provider's legend entry is drawn inside the chart: no page buttons
    List<Object> shown =
        (List<Object>)
            page.evaluate(
                "() => { const c = echarts.getInstanceByDom(document.querySelector("
                    + "'[data-panel=shares] .chart')); const l = c.getModel().getComponent('legend');"
                    + " return [l.get('type'), c.getDom().querySelectorAll('svg text').length]; }");
    assertThat(shown.get(0)).isEqualTo("plain");
    String text = page.locator("[data-panel=shares] .chart svg").innerHTML();
    for (String p : providers) assertThat(text).as(p + " in the legend").contains(">" + p + "<");
  }

  private static int yearOf(CSVRecord r) {
    return Integer.parseInt(r.get("year"));
  }

  private static List<CSVRecord> csv(Page page, String panel) throws Exception {
    return PanelCsv.download(page, panel);
  }

  private static BigDecimal sum(
      List<CSVRecord> rows, String column, java.util.function.Predicate<CSVRecord> keep) {
    return PanelCsv.sum(rows, column, keep);
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
    burndownAgreesWithTheBand(page, drawDown, true);
    // the re-plan's total counts the bills before its as-of date: the band says so, and how much
    String billed = replan.at("/costBreakdown/actual").asText();
    assertThat(new BigDecimal(billed)).isPositive();
    assertThat(page.getAttribute(".answer[data-answer=planned]", "data-billed")).isEqualTo(billed);
    assertThat(page.locator(".answer[data-answer=planned]").innerText())
        .contains("billed before 2027-07-01")
        .doesNotContain("the plan's total over the horizon");
    // plan against actual: the billed months are the bills, never "planned $0"; the months the
    // re-plan decides are its placements' cost (review of issue 14, item 2)
    String firstOpen = replan.at("/fixedPast/firstOpenMonth").asText();
    Map<String, BigDecimal> billedByMonth = new java.util.TreeMap<>();
    for (JsonNode r : drawDown.get("spend"))
      billedByMonth.merge(
          r.get("month").asText(), new BigDecimal(r.get("billed").asText()), BigDecimal::add);
    Map<String, BigDecimal> plannedByMonth = new java.util.TreeMap<>();
    for (JsonNode r : replan.get("placements"))
      plannedByMonth.merge(
          r.get("month").asText(), new BigDecimal(r.get("cost").asText()), BigDecimal::add);
    List<CSVRecord> vsPlan = csv(page, "vsplan");
    int before = 0;
    for (CSVRecord r : vsPlan) {
      String month = r.get("month");
      if (month.compareTo(firstOpen) < 0) {
        before++;
        assertThat(r.get("planned")).as(month + " planned").isEmpty();
        assertThat(r.get("variance")).as(month + " variance").isEmpty();
        assertThat(new BigDecimal(r.get("actual")))
            .as(month + " billed")
            .isEqualByComparingTo(billedByMonth.get(month));
      } else {
        assertThat(new BigDecimal(r.get("planned")))
            .as(month + " planned")
            .isEqualByComparingTo(plannedByMonth.getOrDefault(month, BigDecimal.ZERO));
      }
    }
    assertThat(before).isEqualTo(billedByMonth.size());
    assertThat(page.getAttribute("[data-panel=vsplan] .chart", "aria-label"))
        .doesNotContain("variance");
    assertThat(chromium.errors(page)).isEmpty();

    // the demo's second act writes this report itself (it left report.html plan-only before)
    Page second = chromium.newPage(1440, 900, false);
    open(second, demo.resolve("report-2027H1.html"));
    ExpectedAnswers.assertOnFirstScreen(second, 1440, 900);
    ExpectedAnswers.assertBand(second, replan, drawDown, true, caps());
    assertThat(second.locator("[data-panel=concentration]").count()).isOne();
    assertThat(chromium.errors(second)).isEmpty();
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
    // the burn-down names the plan it projects with by its file name, not a temporary folder's
    // path (the caption said "the plan /tmp/junit-…/plan.json")
    assertThat(
            page.locator("[data-panel=burndown] .caption, [data-panel=burndown] p").allInnerTexts())
        .isNotEmpty()
        .noneSatisfy(t -> assertThat(t).contains(planFile.getParent().toString()))
        .anySatisfy(t -> assertThat(t).contains(planFile.getFileName().toString()));
    ExpectedAnswers.assertOnFirstScreen(page, 1440, 900);
    ExpectedAnswers.assertBand(page, plan, drawDown, true, caps());
    // the demo's plan falls short of a later year's minimum: the band must not say $0.00
    assertThat(ExpectedAnswers.ledgerShortfall(drawDown)).isPositive();
    burndownAgreesWithTheBand(page, drawDown, true);
    ChartDescriptions.assertMeaningful(page, "report-ledger-1440");
    Tooltips.assertMoneyWithCents(page, "report-ledger-1440");
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
    sharesSideBySide(page, drawDown);
    oneMeaningPerColour(page);
    assertThat(chromium.errors(page)).isEmpty();
    // at 390 px too the shares legend names every provider on the page, none paged away
    Page phone = chromium.newPage(390, 900, false);
    open(phone, report);
    sharesSideBySide(phone, drawDown);
    phone.close();
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
    ChartDescriptions.assertMeaningful(page, "report-deal");
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
    oneMeaningPerColour(page);
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
