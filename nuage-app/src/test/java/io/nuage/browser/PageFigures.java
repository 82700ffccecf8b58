package io.nuage.browser;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/** Reads the figures a panel's table carries as data attributes, one map per row. */
public final class PageFigures {
  private PageFigures() {}

  @SuppressWarnings("unchecked")
  public static List<Map<String, String>> rows(Page page, String table) {
    return (List<Map<String, String>>)
        page.evalOnSelectorAll(
            "table[data-table='" + table + "'] tbody tr",
            "rows => rows.map(r => Object.assign({}, r.dataset))");
  }

  /** How many ECharts charts on the page have drawn at least one mark (an SVG path). */
  public static int drawnCharts(Page page) {
    Object n =
        page.evalOnSelectorAll(
            ".panel .chart",
            "charts => charts.filter(c => c.querySelectorAll('svg path').length > 3).length");
    return ((Number) n).intValue();
  }
}
