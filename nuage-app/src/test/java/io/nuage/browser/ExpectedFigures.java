package io.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures the panels must show for a plan JSON, computed independently of the page (Jackson and
 * BigDecimal), and the check that the page shows exactly them.
 */
public final class ExpectedFigures {
  private ExpectedFigures() {}

  /** Asserts every panel's table against the plan (no ledger: the plan-only variants). */
  public static void assertPageShowsPlan(Page page, JsonNode plan) {
    assertThat(PageFigures.rows(page, "summary"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r).containsEntry("status", plan.get("status").asText());
              assertThat(r).containsEntry("totalCost", plan.get("totalCost").asText());
              assertThat(r).containsEntry("lowerBound", plan.get("lowerBound").asText());
            });
    assertThat(project(PageFigures.rows(page, "baselines"), "name", "totalCost"))
        .isEqualTo(baselines(plan));
    // reservations and storage have rows of their own (source: commitments); the plan's are these
    assertThat(
            project(
                planRows(PageFigures.rows(page, "burndown")),
                "contract",
                "year",
                "committed",
                "projected",
                "shortfall"))
        .isEqualTo(burndown(plan));
    assertThat(project(planRows(PageFigures.rows(page, "shares")), "provider", "year", "share"))
        .isEqualTo(shares(plan));
    assertThat(project(PageFigures.rows(page, "heatmap"), "provider", "month", "gpuHours", "cost"))
        .isEqualTo(heatmap(plan));
    assertThat(project(PageFigures.rows(page, "spend"), "provider", "month", "spend"))
        .isEqualTo(
            sums(plan, p -> p.get("provider").asText() + "|" + p.get("month").asText(), "cost"));
    assertThat(project(PageFigures.rows(page, "vsplan"), "month", "planned"))
        .isEqualTo(sums(plan, p -> p.get("month").asText(), "cost"));
  }

  static List<Map<String, String>> planRows(List<Map<String, String>> rows) {
    return rows.stream().filter(r -> "plan".equals(r.get("source"))).toList();
  }

  static List<String> project(List<Map<String, String>> rows, String... keys) {
    List<String> out = new ArrayList<>();
    for (Map<String, String> row : rows) {
      List<String> values = new ArrayList<>();
      for (String key : keys) values.add(row.get(key));
      out.add(String.join("|", values));
    }
    return out;
  }

  static List<String> baselines(JsonNode plan) {
    List<String> out = new ArrayList<>();
    out.add("plan|" + plan.get("totalCost").asText());
    out.add("lower bound|" + plan.get("lowerBound").asText());
    for (JsonNode b : plan.get("baselines")) {
      out.add(
          b.get("name").asText()
              + "|"
              + (b.get("totalCost").isNull() ? "" : b.get("totalCost").asText()));
    }
    return out;
  }

  static List<String> burndown(JsonNode plan) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : plan.get("contracts")) {
      out.add(
          String.join(
              "|",
              c.get("contract").asText(),
              String.valueOf(c.get("year").asInt() + 1),
              c.get("committed").asText(),
              c.get("consumed").asText(),
              c.get("shortfall").asText()));
    }
    return out;
  }

  static List<String> shares(JsonNode plan) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : plan.get("providers")) {
      out.add(
          p.get("provider").asText() + "|" + p.get("year").asInt() + "|" + p.get("share").asText());
    }
    return out;
  }

  static List<String> heatmap(JsonNode plan) {
    Map<String, BigDecimal> hours = new TreeMap<>();
    Map<String, BigDecimal> cost = new TreeMap<>();
    for (JsonNode p : plan.get("placements")) {
      String key = p.get("provider").asText() + "|" + p.get("month").asText();
      hours.merge(key, new BigDecimal(p.get("gpuHours").asText()), BigDecimal::add);
      cost.merge(key, new BigDecimal(p.get("cost").asText()), BigDecimal::add);
    }
    List<String> out = new ArrayList<>();
    hours.forEach(
        (key, h) ->
            out.add(
                key
                    + "|"
                    + h.setScale(3).toPlainString()
                    + "|"
                    + cost.get(key).setScale(2).toPlainString()));
    return out;
  }

  static List<String> sums(JsonNode plan, Function<JsonNode, String> keyOf, String field) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (JsonNode p : plan.get("placements")) {
      sums.merge(keyOf.apply(p), new BigDecimal(p.get(field).asText()), BigDecimal::add);
    }
    List<String> out = new ArrayList<>();
    sums.forEach((key, v) -> out.add(key + "|" + v.setScale(2).toPlainString()));
    return out;
  }

  /**
   * A draw-down year's shortfall as the burn-down shows it: max(0, committed − projected), a year
   * not started included (its projectedShortfall is null), "" when it has no projection; the
   * headline adds the same figures.
   */
  public static String yearShortfall(JsonNode y) {
    if (y.path("projected").isNull() || y.path("projected").isMissingNode()) return "";
    java.math.BigDecimal left =
        new java.math.BigDecimal(y.get("committed").asText())
            .subtract(new java.math.BigDecimal(y.get("projected").asText()));
    return (left.signum() > 0 ? left : java.math.BigDecimal.ZERO)
        .setScale(Math.max(2, left.scale()))
        .toPlainString();
  }
}
