package io.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every chart's aria description says what the chart draws (issue 14, Tests: "every chart has an
 * aria description"): not only present, but naming the panel's subject, each provider, contract or
 * baseline it draws, and figures that agree with the panel's exact table (which the figure tests
 * check against the JSON). A description that said nothing, or ECharts' own generic text, fails.
 */
public final class ChartDescriptions {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A compact amount as the page writes it: "$381.2B", "-$1.0M", "€12.5k", "$950.00". */
  private static final Pattern MONEY =
      Pattern.compile("(-?)[$€£¥]([0-9][0-9,]*(?:\\.[0-9]+)?)([kMBT]?)");

  private ChartDescriptions() {}

  /** Asserts every chart on the page; returns how many were checked. */
  public static int assertMeaningful(Page page, String where) throws Exception {
    JsonNode charts =
        JSON.readTree(
            (String)
                page.evaluate(
                    "() => JSON.stringify([...document.querySelectorAll('.panel .chart')].map(c => ({"
                        + " panel: c.closest('[data-panel]').dataset.panel,"
                        + " contract: (c.closest('.multiple') || {dataset: {}}).dataset.contract || '',"
                        + " aria: c.getAttribute('aria-label') || '',"
                        + " echarts: (echarts.getInstanceByDom(c)?.getOption().aria?.label?.description) || '' })))"));
    assertThat(charts.size()).as(where + ": charts").isPositive();
    for (JsonNode c : charts) {
      String panel = c.get("panel").asText();
      String words = c.get("aria").asText();
      String at = where + ": " + panel + " " + c.get("contract").asText();
      assertThat(words).as(at + " aria-label").hasSizeGreaterThan(40).matches("(?s).*\\d.*");
      assertThat(words).as(at + " not ECharts' generic text").doesNotContain("This is a chart");
      assertThat(c.get("echarts").asText())
          .as(at + " ECharts' own aria description is the same words")
          .isEqualTo(words);
      switch (panel) {
        case "spend" -> {
          List<Map<String, String>> rows = PageFigures.rows(page, "spend");
          assertThat(words).as(at).startsWith("Spend by provider and month");
          assertAbout(at + " total", words, sum(rows, "spend"));
          for (String p : distinct(rows, "provider")) assertThat(words).as(at).contains(p + " ");
        }
        case "vsplan" -> {
          List<Map<String, String>> rows = PageFigures.rows(page, "vsplan");
          assertThat(words).as(at).startsWith("Planned ");
          assertAbout(at + " planned", words, sum(rows, "planned"));
        }
        case "heatmap" -> {
          List<Map<String, String>> rows = PageFigures.rows(page, "heatmap");
          assertThat(words)
              .as(at)
              .contains(
                  "placed by "
                      + distinct(rows, "provider").size()
                      + " providers over "
                      + distinct(rows, "month").size()
                      + " months");
        }
        case "baselines" -> {
          for (Map<String, String> r : PageFigures.rows(page, "baselines")) {
            String name = r.get("name");
            if (name.equals("plan") || name.equals("lower bound")) continue;
            assertThat(words).as(at).contains(name + " ");
            if (!r.getOrDefault("percent", "").isEmpty())
              assertThat(words).as(at + " " + name).contains("(" + r.get("percent") + "%)");
          }
        }
        case "shares" -> {
          List<Map<String, String>> rows = PageFigures.rows(page, "shares");
          assertThat(words).as(at).startsWith("Provider shares per year against the cap");
          boolean anyAtCap = rows.stream().anyMatch(r -> "true".equals(r.get("atCap")));
          if (!anyAtCap) assertThat(words).as(at).contains("no provider reaches its cap");
          for (Map<String, String> r : rows) {
            if (!"true".equals(r.get("atCap"))) continue;
            assertThat(words)
                .as(at + " at cap")
                .contains(
                    r.get("provider")
                        + " "
                        + r.get("year")
                        + ("actual".equals(r.get("source")) ? " billed" : "")
                        + " at ");
          }
        }
        case "burndown" -> {
          String contract = c.get("contract").asText();
          assertThat(words)
              .as(at)
              .startsWith("Burn-down of " + contract + ", each contract year against its own");
          for (Map<String, String> r : PageFigures.rows(page, "burndown")) {
            if (!r.get("contract").equals(contract)) continue;
            assertThat(words).as(at + " year " + r.get("year")).contains("Y" + r.get("year") + " ");
            if (!r.get("unit").equals("GPU-hours") && !r.get("committed").isEmpty()) {
              Matcher m =
                  Pattern.compile("Y" + r.get("year") + "(?: \\d{4})? minimum ([^,]+),")
                      .matcher(words);
              assertThat(m.find()).as(at + " Y" + r.get("year") + " minimum named").isTrue();
              assertAbout(
                  at + " Y" + r.get("year") + " minimum", m.group(1), dec(r.get("committed")));
            }
          }
        }
        case "concentration" -> {
          for (String p : distinct(PageFigures.rows(page, "concentration"), "provider"))
            assertThat(words).as(at).contains(p + " ");
        }
        case "shortfallrisk" -> {
          for (String k : distinct(PageFigures.rows(page, "shortfallrisk"), "contract"))
            assertThat(words).as(at).contains(k + " y");
        }
        case "deal" -> {
          for (Map<String, String> r : PageFigures.rows(page, "deal")) {
            // "x1 expected $1.6M, CVaR95 $1.8M", and "not signed $3.0M"
            Matcher m =
                Pattern.compile(
                        Pattern.quote(r.get("label")) + "(?: expected)? (" + MONEY.pattern() + ")")
                    .matcher(words);
            assertThat(m.find()).as(at + " " + r.get("label") + " named").isTrue();
            assertAbout(
                at + " " + r.get("label") + " expected cost", m.group(1), dec(r.get("meanCost")));
          }
        }
        case "fan" -> assertThat(words).as(at).startsWith("Fan chart of the cost per year");
        default -> throw new AssertionError(at + ": a chart this test does not know: " + panel);
      }
    }
    return charts.size();
  }

  /** The first amount in {@code words} is {@code exact} as shown compact (within its rounding). */
  private static void assertAbout(String at, String words, BigDecimal exact) {
    Matcher m = MONEY.matcher(words);
    assertThat(m.find()).as(at + ": an amount in \"" + words + "\"").isTrue();
    BigDecimal unit =
        switch (m.group(3)) {
          case "k" -> new BigDecimal("1e3");
          case "M" -> new BigDecimal("1e6");
          case "B" -> new BigDecimal("1e9");
          case "T" -> new BigDecimal("1e12");
          default -> BigDecimal.ONE;
        };
    BigDecimal shown = new BigDecimal(m.group(2).replace(",", "")).multiply(unit);
    if (!m.group(1).isEmpty()) shown = shown.negate();
    // one decimal of its tier (two for trillions), half up: within 0.05 of the tier, plus a cent
    BigDecimal tolerance = unit.multiply(new BigDecimal("0.05")).add(new BigDecimal("0.01"));
    assertThat(shown.subtract(exact).abs())
        .as(at + ": " + m.group() + " against " + exact.toPlainString())
        .isLessThanOrEqualTo(tolerance);
  }

  private static BigDecimal dec(String s) {
    return s == null || s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
  }

  private static BigDecimal sum(List<Map<String, String>> rows, String key) {
    return rows.stream().map(r -> dec(r.get(key))).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Set<String> distinct(List<Map<String, String>> rows, String key) {
    Set<String> out = new LinkedHashSet<>();
    for (Map<String, String> r : rows) out.add(r.get(key));
    return out;
  }
}
