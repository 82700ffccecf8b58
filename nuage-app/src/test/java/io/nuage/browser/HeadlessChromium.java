package io.nuage.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The system's headless Chromium ({@code /usr/bin/chromium}, Debian's package) driven by
 * Playwright. Playwright's own browser download is disabled: the tests run against the browser the
 * machine has, and fail (not skip) when it is missing.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;
  private final Map<Page, List<String>> errors = new ConcurrentHashMap<>();

  public HeadlessChromium() {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException(
          EXECUTABLE + " is missing: install Debian's chromium (apt-get install chromium)");
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking")));
  }

  /** A new page of a wide viewport whose script errors and console errors are collected. */
  public Page newPage() {
    return newPage(1400, 1000, false);
  }

  /**
   * A new page of the viewport given, the system's colour scheme dark or light, its errors
   * collected.
   */
  public Page newPage(int width, int height, boolean dark) {
    Page page =
        browser.newPage(
            new Browser.NewPageOptions()
                .setViewportSize(width, height)
                .setColorScheme(dark ? ColorScheme.DARK : ColorScheme.LIGHT)
                .setAcceptDownloads(true));
    List<String> seen = new CopyOnWriteArrayList<>();
    errors.put(page, seen);
    page.onPageError(e -> seen.add("page error: " + e));
    page.onConsoleMessage(
        m -> {
          // a failed fetch is reported below with its URL; the console's copy has none
          if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
            seen.add("console error: " + m.text());
          }
        });
    page.onResponse(
        r -> {
          if (r.status() >= 400) seen.add("HTTP " + r.status() + " " + r.url());
        });
    return page;
  }

  /** Script errors, console errors and HTTP error responses seen by a page so far. */
  public List<String> errors(Page page) {
    return List.copyOf(errors.getOrDefault(page, List.of()));
  }

  /**
   * Saves a screenshot of the first screen only (the viewport) under {@code target/screenshots/}.
   */
  public static Path firstScreen(Page page, String name) {
    Path file = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
    return file;
  }

  /** The document's width less the viewport's: above 0, the page scrolls sideways. */
  public static int sidewaysOverflow(Page page) {
    return ((Number)
            page.evaluate(
                "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
                    + " - window.innerWidth"))
        .intValue();
  }

  /** Saves a full-page screenshot under {@code target/screenshots/NAME.png}; returns its path. */
  public static Path screenshot(Page page, String name) {
    Path file = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
