package io.nuage.report;

import io.nuage.core.NuageException;
import io.nuage.scenario.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes the offline HTML report: one file holding the chart library, the chart code the dashboard
 * uses and the data, so it opens from disk with no network and can be attached to a memo.
 */
public final class ReportWriter {
  private static final String WEB = "web/";

  private ReportWriter() {}

  /** Writes the report to {@code out} atomically (a temporary file, then a move); returns it. */
  public static Path write(Path out, ReportBundle bundle) {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    try {
      if (dir != null) Files.createDirectories(dir);
      // not Files.createTempFile: its owner-only permissions would stick to the report, which is
      // meant to be shared
      Path tmp =
          target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try {
        Files.writeString(tmp, html(bundle), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      // the exception's text names the temporary file, which means nothing to the user
      String why =
          e instanceof java.nio.file.FileSystemException f && f.getReason() != null
              ? f.getReason()
              : e.getClass().getSimpleName();
      throw new NuageException("cannot write the report " + target + " (" + why + ")", e);
    }
    return target;
  }

  /** The report's HTML text. */
  public static String html(ReportBundle bundle) {
    String title = escapeHtml(bundle.title());
    return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="nuage report">
        <title>Nuage report: %s</title>
        <style>
        %s
        %s
        </style>
        <script>
        %s
        </script>
        </head>
        <body>
        <header class="report-header">
        <div class="report-title"><h1>Nuage plan report: %s</h1>\
        <button type="button" id="theme-toggle" class="csv">Dark mode</button></div>
        <p>Generated %s. Money in <span data-currency-name>US dollars</span>, exact to the cent (figures are the plan's and the \
        ledger's decimal amounts; headlines and axes round for display, hover a headline for its \
        exact amount). Every chart's numbers are in the table under it, and download as CSV.</p>
        </header>
        <main id="panels" class="panels"></main>
        <script type="application/json" id="nuage-bundle">%s</script>
        <script type="module">
        %s
        installThemeToggle(document.getElementById("theme-toggle"));
        renderBundle(document.getElementById("panels"),
            JSON.parse(document.getElementById("nuage-bundle").textContent));
        </script>
        </body>
        </html>
        """
        .formatted(
            title,
            resource("charts.css"),
            REPORT_CSS,
            scriptSafe(resource("echarts.min.js")),
            title,
            bundle.generatedAt(),
            bundleJson(bundle).replace("<", "\\u003c"),
            scriptSafe(resource("charts.js")));
  }

  private static final String REPORT_CSS =
      """
      body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 12px 16px; }
      .report-title { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
      .report-header h1 { font-size: 1.3rem; margin: 0 0 2px; overflow-wrap: anywhere; }
      .report-header p { color: var(--muted); font-size: 0.8rem; margin: 0 0 10px; }
      """;

  static String bundleJson(ReportBundle bundle) {
    return "{\"title\":"
        + jsonString(bundle.title())
        + ",\"generatedAt\":"
        + jsonString(bundle.generatedAt().toString())
        + ",\"policy\":"
        + policyJson(bundle.policy())
        + ",\"plan\":"
        + bundle.planJson().strip()
        + ",\"ledger\":"
        + part(bundle.ledgerJson())
        + ",\"risk\":"
        + part(bundle.riskJson())
        + ",\"concentration\":"
        + part(bundle.concentrationJson())
        + ",\"commitments\":"
        + part(bundle.commitmentsJson())
        + ",\"deal\":"
        + part(bundle.dealJson())
        + "}";
  }

  private static String part(@Nullable String json) {
    return json == null ? "null" : json.strip();
  }

  static String policyJson(Policy policy) {
    StringBuilder json = new StringBuilder("{\"maxShare\":").append(decimal(policy.maxShare()));
    json.append(",\"maxShareByProvider\":{");
    Map<String, BigDecimal> caps = new TreeMap<>(policy.maxShareByProvider());
    String sep = "";
    for (Map.Entry<String, BigDecimal> cap : caps.entrySet()) {
      json.append(sep).append(jsonString(cap.getKey())).append(':').append(decimal(cap.getValue()));
      sep = ",";
    }
    return json.append("}}").toString();
  }

  private static String decimal(BigDecimal value) {
    return "\"" + value.toPlainString() + "\"";
  }

  static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  static String escapeHtml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  // A script element ends at the first "</script" whatever the JavaScript around it means;
  // "<\/" reads the same in a JavaScript string, regular expression or comment.
  static String scriptSafe(String code) {
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT");
  }

  private static String resource(String name) {
    try (InputStream in = ReportWriter.class.getResourceAsStream(WEB + name)) {
      if (in == null) throw new IllegalStateException("missing report resource " + WEB + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
