package io.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.util.Set;

/**
 * Issue 14, Deliver 6: "`$` and cents in every tooltip" (the tooltips had dropped the `$` and shown
 * ten decimals). Each chart of a money panel is asked by ECharts' own {@code showTip} action for
 * the tooltip of its first data point; the tooltip's text must carry a currency amount with exactly
 * two decimals and no long run of decimals.
 */
public final class Tooltips {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Panels whose charts draw money; shares are percentages, the shortfall odds probabilities. */
  private static final Set<String> MONEY =
      Set.of("spend", "vsplan", "baselines", "heatmap", "concentration", "deal", "fan");

  private Tooltips() {}

  /** Asserts the tooltips; returns how many were read. */
  public static int assertMoneyWithCents(Page page, String where) throws Exception {
    JsonNode tips =
        JSON.readTree(
            (String)
                page.evaluate(
                    "async () => { const out = [];"
                        + " for (const c of document.querySelectorAll('.panel .chart')) {"
                        + "  const panel = c.closest('[data-panel]').dataset.panel;"
                        + "  const multiple = c.closest('.multiple');"
                        + "  const ch = echarts.getInstanceByDom(c); const o = ch.getOption();"
                        + "  const data = o.series[0].data || [];"
                        + "  const i = Math.max(0, data.findIndex(d => d !== null && d !== undefined"
                        + "   && !(Array.isArray(d) && d[1] === 0)));"
                        + "  ch.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });"
                        + "  await new Promise(r => setTimeout(r, 120));"
                        + "  const tip = [...c.querySelectorAll('div')].reverse().find(d =>"
                        + "   /z-index: ?9999999/.test(d.getAttribute('style') || ''));"
                        + "  out.push({ panel, contract: multiple ? multiple.dataset.contract : '',"
                        + "   text: tip ? tip.innerText : '' });"
                        + "  ch.dispatchAction({ type: 'hideTip' }); }"
                        + " return JSON.stringify(out); }"));
    int read = 0;
    for (JsonNode t : tips) {
      String panel = t.get("panel").asText();
      String contract = t.get("contract").asText();
      String text = t.get("text").asText();
      // a reservation's burn-down is in GPU-hours, and says so in its tooltip
      boolean money =
          MONEY.contains(panel) || (panel.equals("burndown") && !text.contains("GPU-h"));
      if (!money) continue;
      String at = where + ": " + panel + " " + contract + " tooltip";
      assertThat(text).as(at + " shown").isNotBlank();
      assertThat(text)
          .as(at + " money with cents")
          .containsPattern("[$€£¥][0-9]{1,3}(,[0-9]{3})*\\.[0-9]{2}(?![0-9])");
      assertThat(text).as(at + " no long decimals").doesNotContainPattern("[0-9]\\.[0-9]{4,}");
      read++;
    }
    assertThat(read).as(where + ": money tooltips read").isPositive();
    return read;
  }
}
