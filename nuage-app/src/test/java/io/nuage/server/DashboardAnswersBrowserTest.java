package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.nuage.browser.ChartDescriptions;
import io.nuage.browser.ExpectedAnswers;
import io.nuage.browser.HeadlessChromium;
import io.nuage.browser.PageFigures;
import io.nuage.browser.PanelCsv;
import io.nuage.cli.Main;
import io.nuage.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 on the live dashboard: the example's plan and then its bills, uploaded through the page;
 * the headline band equals the API's JSON (GET /api/plans/{id}, GET /api/ledger/drawdown), the plan
 * and scenario lists say what each is, a viewer sees no control it cannot use, and no page scrolls
 * sideways at 390 px, light or dark.
 */
class DashboardAnswersBrowserTest {
  private static final double PLAN_TIMEOUT_MS = 180_000;
  private static final Path EXAMPLE = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");
  private static HeadlessChromium chromium;

  @BeforeAll
  static void start() {
    chromium = new HeadlessChromium();
  }

  @AfterAll
  static void stop() {
    chromium.close();
  }

  private static Page signedIn(RunningServer server, String token, int width, boolean dark) {
    Page page = chromium.newPage(width, 900, dark);
    page.navigate(server.uri("/").toString());
    page.fill("#token", token);
    page.click("#sign-in-form button[type=submit]");
    page.waitForSelector("body[data-signed-in=true]");
    return page;
  }

  private static Map<String, String> caps(JsonNode policy) {
    Map<String, String> caps = new HashMap<>();
    caps.put("*", policy.get("maxShare").asText());
    policy
        .get("maxShareByProvider")
        .fields()
        .forEachRemaining(e -> caps.put(e.getKey(), e.getValue().asText()));
    return caps;
  }

  @Test
  void dashboard_examplePlanThenItsBills_answersEqualTheApiJson(@TempDir Path dir)
      throws Exception {
    try (RunningServer server = RunningServer.start(dir)) {
      Page page = signedIn(server, server.planner, 1440, false);
      // the empty state is written once the page has asked the server for its lists
      page.waitForFunction("() => document.querySelector('#plans-empty').textContent.length > 0");
      assertThat(page.locator("#plans-empty").innerText()).contains("upload a scenario first");
      page.setInputFiles("#scenario-file", EXAMPLE);
      page.click("#upload");
      page.waitForSelector("#scenario[data-uploaded]");
      String scenarioId = page.getAttribute("#scenario", "data-uploaded");
      page.click("#start-plan");
      page.waitForSelector(
          "#panels[data-plan-id] .answer[data-answer=planned]",
          new Page.WaitForSelectorOptions().setTimeout(PLAN_TIMEOUT_MS));
      String planId = page.getAttribute("#panels", "data-plan-id");
      HeadlessChromium.screenshot(page, "dashboard-1440-light");

      JsonNode plan = server.get("/api/plans/" + planId, server.viewer).json().get("result");
      JsonNode scenario = server.get("/api/scenarios/" + scenarioId, server.viewer).json();
      String horizonStart = scenario.at("/summary/horizonStart").asText();
      JsonNode commitments =
          server
              .get(
                  "/api/ledger/drawdown?scenario="
                      + scenarioId
                      + "&plan="
                      + planId
                      + "&asOf="
                      + horizonStart
                      + "-01",
                  server.viewer)
              .json();
      Map<String, String> caps = caps(scenario.at("/summary/policy"));
      ExpectedAnswers.assertBand(page, plan, commitments, false, caps);
      ChartDescriptions.assertMeaningful(page, "dashboard-1440-light");
      csvDownloadsSumToThePlan(page, plan);

      // the lists say what each plan and scenario is
      assertThat(page.getAttribute("#plan-list tr[data-plan='" + planId + "']", "data-total-cost"))
          .isEqualTo(plan.get("totalCost").asText());
      assertThat(page.locator("#plan-list tr[data-plan='" + planId + "'] td").nth(1).innerText())
          .isEqualTo(scenario.get("name").asText());
      assertThat(
              page.getAttribute(
                  "#scenario-list tr[data-scenario='" + scenarioId + "']", "data-bytes"))
          .isEqualTo(String.valueOf(Files.size(EXAMPLE)));
      assertThat(page.isVisible("button[data-export=SkyPilot][data-plan='" + planId + "']"))
          .isTrue();
      assertThat(page.isVisible("button[data-export=Kueue][data-plan='" + planId + "']")).isTrue();
      // the exports download with the page's token: zip files (PK)
      for (String export : new String[] {"SkyPilot", "Kueue"}) {
        com.microsoft.playwright.Download zip =
            page.waitForDownload(
                () -> page.click("button[data-export=" + export + "][data-plan='" + planId + "']"));
        assertThat(zip.suggestedFilename()).startsWith(planId).endsWith(".zip");
        byte[] head = Files.readAllBytes(zip.path());
        assertThat(new String(head, 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
            .as(export)
            .isEqualTo("PK");
      }
      assertThat(chromium.errors(page)).isEmpty();

      // the same plan at 390 px and in the dark: no sideways scroll, same answers
      for (int width : new int[] {390, 1440}) {
        for (boolean dark : new boolean[] {false, true}) {
          if (width == 1440 && !dark) continue;
          Page other = signedIn(server, server.viewer, width, dark);
          other.waitForSelector(
              "#plan option[value='" + planId + "']",
              new Page.WaitForSelectorOptions()
                  .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
          other.selectOption("#plan", planId);
          other.waitForSelector(
              "#panels[data-plan-id='" + planId + "'] .answer[data-answer=planned]",
              new Page.WaitForSelectorOptions().setTimeout(60_000));
          String name = "dashboard-" + width + "-" + (dark ? "dark" : "light");
          HeadlessChromium.screenshot(other, name);
          assertThat(HeadlessChromium.sidewaysOverflow(other)).as(name).isLessThanOrEqualTo(0);
          ExpectedAnswers.assertBand(other, plan, commitments, false, caps);
          assertThat(chromium.errors(other)).isEmpty();
          other.close();
        }
      }

      // the example's bills through 2027-06, uploaded through the page: the ingest report, then
      // the answers as of the bills' end
      Path planFile = Files.writeString(dir.resolve("plan.json"), plan.toString());
      Path bills = dir.resolve("bills-2027H1.csv");
      generateBills(planFile, bills);
      long rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(Files.readString(bills)))
              .getRecords()
              .size();
      page.setInputFiles("#billing-file", bills);
      page.click("#ingest");
      page.waitForSelector(
          "#ingest-report[data-accepted]", new Page.WaitForSelectorOptions().setTimeout(120_000));
      assertThat(
              Long.parseLong(page.getAttribute("#ingest-report", "data-accepted"))
                  + Long.parseLong(page.getAttribute("#ingest-report", "data-duplicates")))
          .isEqualTo(rows);
      page.waitForSelector(
          ".answer[data-answer=shortfall]:not([data-as-of=''])",
          new Page.WaitForSelectorOptions().setTimeout(60_000));
      HeadlessChromium.screenshot(page, "dashboard-ledger-1440");
      // the ingest report's long normalisation lines wrap: the page never scrolls sideways
      assertThat(HeadlessChromium.sidewaysOverflow(page))
          .as("after the upload")
          .isLessThanOrEqualTo(0);
      page.setViewportSize(390, 844);
      assertThat(HeadlessChromium.sidewaysOverflow(page))
          .as("after the upload, 390 px")
          .isLessThanOrEqualTo(0);
      page.setViewportSize(1440, 900);
      JsonNode ledger =
          server
              .get("/api/ledger/drawdown?scenario=" + scenarioId + "&plan=" + planId, server.viewer)
              .json();
      ExpectedAnswers.assertBand(page, plan, ledger, true, caps);
      assertThat(page.locator(".multiple").count()).isGreaterThanOrEqualTo(3);
      ChartDescriptions.assertMeaningful(page, "dashboard-ledger-1440");
      csvDownloadsSumToTheLedger(page, ledger);
      // the bills were written from the plan: plan against actual counts what the plan bills
      // (reservation fees and storage too), so every month billed differs by nothing
      assertThat(page.locator("body").innerText()).doesNotContain("plan plan");
      var compared = PageFigures.rows(page, "vsplan");
      assertThat(compared).isNotEmpty();
      for (var r : compared) {
        assertThat(new BigDecimal(r.get("variance"))).as(r.get("month")).isZero();
        assertThat(r.get("actual")).as(r.get("month")).isNotEmpty();
      }
      assertThat(chromium.errors(page)).isEmpty();
    }
  }

  /**
   * Issue 14, Tests: each panel's CSV, downloaded through its button with the plan shown (no
   * bills), parses and sums to the plan JSON of GET /api/plans/{id}.
   */
  private static void csvDownloadsSumToThePlan(Page page, JsonNode plan) throws Exception {
    BigDecimal usage = new BigDecimal(plan.at("/costBreakdown/usage").asText());
    assertThat(PanelCsv.sum(PanelCsv.download(page, "spend"), "spend", r -> true))
        .as("spend CSV against costBreakdown.usage")
        .isEqualByComparingTo(usage);
    assertThat(PanelCsv.sum(PanelCsv.download(page, "vsplan"), "planned", r -> true))
        .as("vsplan CSV against costBreakdown.usage")
        .isEqualByComparingTo(usage);
    assertThat(PanelCsv.sum(PanelCsv.download(page, "heatmap"), "cost", r -> true))
        .as("heatmap CSV against costBreakdown.usage")
        .isEqualByComparingTo(usage);
    BigDecimal committed = BigDecimal.ZERO;
    for (JsonNode c : plan.get("contracts"))
      committed = committed.add(new BigDecimal(c.get("committed").asText()));
    assertThat(
            PanelCsv.sum(
                PanelCsv.download(page, "burndown"),
                "committed",
                r -> r.get("source").equals("plan")))
        .as("burndown CSV against Σ contracts[].committed")
        .isEqualByComparingTo(committed);
    BigDecimal spend = BigDecimal.ZERO;
    for (JsonNode p : plan.get("providers"))
      spend = spend.add(new BigDecimal(p.get("spend").asText()));
    assertThat(
            PanelCsv.sum(
                PanelCsv.download(page, "shares"), "spend", r -> r.get("source").equals("plan")))
        .as("shares CSV against Σ providers[].spend")
        .isEqualByComparingTo(spend);
    var baselines = PanelCsv.download(page, "baselines");
    assertThat(baselines.get(0).get("totalCost")).isEqualTo(plan.get("totalCost").asText());
    for (JsonNode b : plan.get("baselines")) {
      if (b.path("totalCost").isNull() || b.path("totalCost").isMissingNode()) continue;
      var row =
          baselines.stream()
              .filter(r -> r.get("name").equals(b.get("name").asText()))
              .findFirst()
              .orElseThrow();
      assertThat(new BigDecimal(row.get("difference")))
          .as(b.get("name").asText() + " saving")
          .isEqualByComparingTo(
              new BigDecimal(b.get("totalCost").asText())
                  .subtract(new BigDecimal(plan.get("totalCost").asText())));
    }
    assertThat(PanelCsv.download(page, "headline"))
        .anySatisfy(
            r -> {
              assertThat(r.get("answer")).isEqualTo("planned");
              assertThat(r.get("value")).isEqualTo(plan.get("totalCost").asText());
            });
  }

  /**
   * With bills: the CSVs sum to the draw-down JSON of GET /api/ledger/drawdown (billed spend per
   * provider and month; per contract year the minimum and max(0, committed − projected)).
   */
  private static void csvDownloadsSumToTheLedger(Page page, JsonNode ledger) throws Exception {
    BigDecimal billed = BigDecimal.ZERO;
    for (JsonNode s : ledger.get("spend"))
      billed = billed.add(new BigDecimal(s.get("billed").asText()));
    assertThat(PanelCsv.sum(PanelCsv.download(page, "spend"), "spend", r -> true))
        .as("spend CSV against Σ spend[].billed")
        .isEqualByComparingTo(billed);
    var burndown = PanelCsv.download(page, "burndown");
    int years = 0;
    for (JsonNode c : ledger.get("contracts")) {
      for (JsonNode y : c.get("years")) {
        String key = c.get("contract").asText() + " year " + y.get("year").asInt();
        var row =
            burndown.stream()
                .filter(
                    r ->
                        r.get("contract").equals(c.get("contract").asText())
                            && r.get("year").equals(y.get("year").asText()))
                .findFirst();
        assertThat(row).as(key).isPresent();
        years++;
        assertThat(new BigDecimal(row.get().get("committed")))
            .as(key + " committed")
            .isEqualByComparingTo(new BigDecimal(y.get("committed").asText()));
        if (y.path("projected").isNull() || y.path("projected").isMissingNode()) continue;
        assertThat(new BigDecimal(row.get().get("shortfall")))
            .as(key + " shortfall")
            .isEqualByComparingTo(
                new BigDecimal(y.get("committed").asText())
                    .subtract(new BigDecimal(y.get("projected").asText()))
                    .max(BigDecimal.ZERO));
      }
    }
    assertThat(burndown).as("one CSV row per contract year of the JSON").hasSize(years);
    assertThat(PanelCsv.sum(burndown, "committedMoney", r -> !r.get("committedMoney").isEmpty()))
        .as("Σ minimums in money against the JSON's committed")
        .isEqualByComparingTo(ExpectedAnswers.committed(ledger));
  }

  private static void generateBills(Path plan, Path bills) {
    String before = System.getProperty("nuage.home");
    System.setProperty("nuage.home", SharedData.repo().toString());
    try {
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new String[] {
                "generate-billing",
                "--from-plan",
                plan.toString(),
                "--until",
                "2027-06",
                "--focus-version",
                "1.3",
                "--out",
                bills.toString()
              },
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      assertThat(code).as(err.toString()).isZero();
    } finally {
      if (before == null) System.clearProperty("nuage.home");
      else System.setProperty("nuage.home", before);
    }
  }

  /**
   * Review of issue 14, items 13 and 14: a refused billing file's problems are said once, as a list
   * in the Billing card, located without a column that is not known ("bad.csv:1:0"), and advice
   * only the command line can follow (--fill) says so; two uploads of one file are told apart by
   * their id in the list and their time in the picker.
   */
  @Test
  void dashboard_refusedBillsAndTwoUploadsOfOneFile_saySoOnce(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "BilledCost,Foo\n1.00,x\n");
    try (RunningServer server = RunningServer.start(dir)) {
      Page page = signedIn(server, server.planner, 1440, false);
      page.waitForSelector("body[data-role=planner]");
      page.setInputFiles("#billing-file", bad);
      page.click("#ingest");
      page.waitForSelector("#ingest-report [data-refused]");
      List<String> problems =
          page.locator("#ingest-report [data-problems=ingest] li").allInnerTexts();
      assertThat(problems).isNotEmpty();
      assertThat(problems)
          .allSatisfy(l -> assertThat(l).doesNotContainPattern("bad\\.csv:\\d+:0\\b"));
      assertThat(problems)
          .filteredOn(l -> l.contains("--fill"))
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).contains("on this page, fix the file"));
      assertThat(page.locator("#problems li").count()).as("said a second time").isZero();

      // one file uploaded twice: the list shows each id, the picker each time and id
      Path yaml = Files.writeString(dir.resolve("lab.yaml"), Examples.microLab());
      for (int i = 0; i < 2; i++) {
        page.setInputFiles("#scenario-file", yaml);
        page.click("#upload");
        int rows = i + 1;
        page.waitForFunction(
            "n => document.querySelectorAll('#scenario-list tbody tr').length === n", rows);
      }
      List<String> ids =
          page.locator("#scenario-list tbody tr").all().stream()
              .map(r -> r.getAttribute("data-scenario"))
              .toList();
      assertThat(ids).doesNotHaveDuplicates().hasSize(2);
      for (String id : ids) {
        assertThat(page.locator("#scenario-list tr[data-scenario='" + id + "']").innerText())
            .contains(id);
        String option = page.locator("#scenario option[value='" + id + "']").innerText();
        JsonNode stored = server.get("/api/scenarios/" + id, server.viewer).json();
        assertThat(option)
            .contains(id)
            .contains(stored.get("uploadedAt").asText().replace("T", " ").substring(0, 16));
      }
      // a numeric column's header is aligned as its figures are (the size column)
      @SuppressWarnings("unchecked")
      List<String> misaligned =
          (List<String>)
              page.evaluate(
                  "() => [...document.querySelectorAll('table.numbers')].flatMap(t => {"
                      + " const row = t.querySelector('tbody tr'); if (!row) return [];"
                      + " return [...t.querySelectorAll('thead th')].map((th, i) => [th, row.children[i]])"
                      + " .filter(([th, td]) => td && getComputedStyle(th).textAlign !== getComputedStyle(td).textAlign)"
                      + " .map(([th]) => (t.id || t.dataset.table) + ':' + th.textContent); })");
      assertThat(misaligned).isEmpty();
      // the refusal itself is the one failed request
      assertThat(chromium.errors(page))
          .allSatisfy(e -> assertThat(e).startsWith("HTTP 422").contains("/api/ledger/ingest"));
    }
  }

  @Test
  void dashboard_viewer_seesNoControlItCannotUse(@TempDir Path dir) {
    try (RunningServer server = RunningServer.start(dir)) {
      Page page = signedIn(server, server.viewer, 390, false);
      page.waitForSelector("body[data-role=viewer]");
      for (String control :
          new String[] {
            "#upload-form",
            "#scenario",
            "#ingest-form",
            "#billing",
            "#start-plan",
            "#risk-controls",
            "#deal-controls",
            "#cancel-plan",
            // no plan yet: an empty plan picker and a Kueue month with nothing to export
            "#plan",
            "#export-month"
          }) {
        assertThat(page.isVisible(control)).as(control).isFalse();
      }
      assertThat(page.isVisible("#read-only")).isTrue();
      page.waitForFunction(
          "() => document.querySelector('#scenarios-empty').textContent.length > 0"
              + " && document.querySelector('#plans-empty').textContent.length > 0");
      assertThat(page.locator("#scenarios-empty").innerText())
          .contains("a planner uploads one")
          .doesNotContain("nuage scenario");
      assertThat(page.locator("#plans-empty").innerText()).contains("a planner starts one");
      assertThat(HeadlessChromium.sidewaysOverflow(page)).isLessThanOrEqualTo(0);
      HeadlessChromium.screenshot(page, "dashboard-viewer-390");
      assertThat(chromium.errors(page)).isEmpty();
    }
  }

  @Test
  void dashboard_sizeDeal_drawsTheCurvesOfTheDealJob(@TempDir Path dir) {
    try (RunningServer server = RunningServer.start(dir)) {
      Page page = signedIn(server, server.planner, 1440, false);
      page.setInputFiles(
          "#scenario-file",
          SharedData.repo().resolve("nuage-core/src/test/resources/deal/two-point-tiers.yaml"));
      page.click("#upload");
      page.waitForSelector("#scenario[data-uploaded]");
      page.fill("#deal-contract", "deal");
      page.fill("#deal-samples", "4");
      page.click("#start-deal");
      page.waitForSelector(
          "#panels[data-deal-id] [data-panel=deal]",
          new Page.WaitForSelectorOptions().setTimeout(PLAN_TIMEOUT_MS));
      HeadlessChromium.screenshot(page, "dashboard-deal");
      JsonNode deal =
          server
              .get("/api/deals/" + page.getAttribute("#panels", "data-deal-id"), server.viewer)
              .json()
              .get("result");
      java.util.List<String> expected = new java.util.ArrayList<>();
      for (JsonNode z : deal.get("sizes")) {
        expected.add(z.get("label").asText() + "|" + z.at("/meanCost/value").asText());
      }
      expected.add(
          deal.at("/notSigned/label").asText()
              + "|"
              + deal.at("/notSigned/meanCost/value").asText());
      assertThat(
              io.nuage.browser.PageFigures.rows(page, "deal").stream()
                  .map(r -> r.get("label") + "|" + r.get("meanCost"))
                  .toList())
          .isEqualTo(expected);
      assertThat(chromium.errors(page)).isEmpty();
    }
  }
}
