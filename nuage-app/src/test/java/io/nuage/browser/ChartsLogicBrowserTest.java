package io.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pure functions of charts.js, run in Chromium as the report runs them. */
class ChartsLogicBrowserTest {
  private static HeadlessChromium chromium;
  private static Page page;

  @BeforeAll
  static void start() {
    chromium = new HeadlessChromium();
    page = ChartsModule.load(chromium.newPage());
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
  }

  private static String compact(String amount) {
    return (String) page.evaluate("a => charts.compactUsd(a)", amount);
  }

  @Test
  void compactUsd_aFigureThatRoundsUpToAThousandOfItsTier_isSaidInTheNext() {
    // review of issue 14: 999,960,000 read "$1000.0M", 999,999,999,999.99 "$1000.0B"
    assertThat(compact("999960000")).isEqualTo("$1.0B");
    assertThat(compact("999999999999.99")).isEqualTo("$1.00T");
    assertThat(compact("999950")).isEqualTo("$1.0M");
    assertThat(compact("-999960000")).isEqualTo("-$1.0B");
    // below the boundary each stays in its tier
    assertThat(compact("999940000")).isEqualTo("$999.9M");
    assertThat(compact("381205190463.24")).isEqualTo("$381.2B");
    assertThat(compact("1250000000000")).isEqualTo("$1.25T");
    assertThat(compact("999.99")).isEqualTo("$999.99");
    @SuppressWarnings("unchecked")
    List<String> shown =
        (List<String>)
            page.evaluate(
                "() => ['999960000','999999999999.99','999950'].map(a => charts.compactUsd(a))");
    assertThat(shown).noneMatch(s -> s.contains("1000."));
  }

  @Test
  void yearShortfall_isTheMinimumLessTheProjection_forAYearNotStartedToo() {
    // a year not started has projectedShortfall null in the draw-down JSON, but owes its minimum
    assertThat(
            page.evaluate(
                "() => charts.yearShortfall({committed: '80000000000.00', projected:"
                    + " '77500000000.00', projectedShortfall: null, status: 'not-started'})"))
        .isEqualTo("2500000000.00");
    assertThat(
            page.evaluate("() => charts.yearShortfall({committed: '20.00', projected: '21.41'})"))
        .isEqualTo("0.00");
    assertThat(page.evaluate("() => charts.yearShortfall({committed: '20.00', projected: null})"))
        .isEqualTo("");
  }
}
