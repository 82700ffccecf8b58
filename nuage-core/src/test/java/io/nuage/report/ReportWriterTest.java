package io.nuage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.scenario.Policy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final Policy POLICY =
      new Policy(new BigDecimal("0.40"), Map.of("oci", new BigDecimal("0.5")), Set.of());
  private static final String PLAN =
      "{\"status\":\"OPTIMAL\",\"totalCost\":\"10.00\",\"note\":\"</script><b>x</b>\"}";

  private static ReportBundle bundle(String title) {
    return new ReportBundle(title, Instant.parse("2026-11-28T21:00:00Z"), POLICY, PLAN, null);
  }

  @Test
  void html_inlinesLibraryChartCodeAndData_withNoExternalReference() {
    String html = ReportWriter.html(bundle("frontier"));

    assertThat(html)
        .contains("Apache Software Foundation")
        .contains("export function renderBundle");
    assertThat(Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//").matcher(html).find())
        .as("no script, style or link loaded from elsewhere")
        .isFalse();
    assertThat(html).doesNotContain("<script src");
  }

  @Test
  void html_escapesDataSoItCannotCloseItsScript() {
    String html = ReportWriter.html(bundle("a <b> & \"c\""));

    int data = html.indexOf("id=\"nuage-bundle\">");
    String dataScript = html.substring(data, html.indexOf("</script>", data));
    assertThat(dataScript).contains("\\u003c/script>\\u003cb>x\\u003c/b>");
    assertThat(html).contains("<title>Nuage report: a &lt;b&gt; &amp; &quot;c&quot;</title>");
    assertThat(html.split("</script>", -1)).hasSize(4); // the library, the data, the chart code
  }

  @Test
  void bundleJson_carriesPolicyCapsAsDecimalStringsAndNullLedgerAndRisk() {
    String json = ReportWriter.bundleJson(bundle("t\"1"));

    assertThat(json)
        .isEqualTo(
            "{\"title\":\"t\\\"1\",\"generatedAt\":\"2026-11-28T21:00:00Z\","
                + "\"policy\":{\"maxShare\":\"0.40\",\"maxShareByProvider\":{\"oci\":\"0.5\"}},"
                + "\"plan\":"
                + PLAN
                + ",\"ledger\":null,\"risk\":null,\"concentration\":null,\"commitments\":null,"
                + "\"deal\":null}");
  }

  @Test
  void write_replacesTheFileWhole(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sub/report.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, "old");

    Path written = ReportWriter.write(out, bundle("x"));

    assertThat(written).isEqualTo(out.toAbsolutePath());
    assertThat(Files.readString(out)).startsWith("<!doctype html>");
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThat(Files.getPosixFilePermissions(out))
        .as("the permissions of any file the user writes (not a temporary file's owner-only)")
        .isEqualTo(Files.getPosixFilePermissions(plain));
    Files.delete(plain);
    try (var files = Files.list(out.getParent())) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void bundle_refusesAPlanThatIsNotAJsonObject() {
    assertThatThrownBy(() -> new ReportBundle("x", Instant.EPOCH, POLICY, "[1, 2]", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("planJson must be a JSON object (got text starting with '[1, 2]')");
  }
}
