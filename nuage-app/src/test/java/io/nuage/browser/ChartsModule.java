package io.nuage.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report's own charts.js loaded into a blank page as a module, its exports on {@code
 * globalThis.charts}: its pure functions tested in the browser that runs them, without a report.
 */
public final class ChartsModule {
  private ChartsModule() {}

  /** Loads charts.js into {@code page}; call {@code charts.NAME(...)} in page.evaluate after. */
  public static Page load(Page page) {
    String code;
    try (InputStream in =
        ChartsModule.class.getResourceAsStream("/io/nuage/report/web/charts.js")) {
      code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.setContent("<!doctype html><html><body></body></html>");
    String exports =
        String.join(
            ", ",
            code.lines()
                .map(l -> l.replaceFirst("^export (?:async )?(?:function|const) (\\w+).*", "$1"))
                .filter(l -> l.matches("\\w+"))
                .toList());
    page.addScriptTag(
        new Page.AddScriptTagOptions()
            .setType("module")
            .setContent(code + "\nglobalThis.charts = { " + exports + " };"));
    page.waitForLoadState(LoadState.LOAD);
    page.waitForFunction("() => globalThis.charts !== undefined");
    return page;
  }
}
