package io.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A panel's CSV as the page downloads it (its CSV button), parsed with Commons CSV. */
public final class PanelCsv {
  private PanelCsv() {}

  public static List<CSVRecord> download(Page page, String panel) throws Exception {
    Download download = page.waitForDownload(() -> page.click("button[data-csv=" + panel + "]"));
    assertThat(download.suggestedFilename()).isEqualTo("nuage-" + panel + ".csv");
    String text = Files.readString(download.path(), StandardCharsets.UTF_8);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))
            .getRecords();
    assertThat(rows).as(panel + " rows").isNotEmpty();
    return rows;
  }

  /** The exact sum of a column over the rows kept; an empty cell is an error, not zero. */
  public static BigDecimal sum(List<CSVRecord> rows, String column, Predicate<CSVRecord> keep) {
    BigDecimal total = BigDecimal.ZERO;
    for (CSVRecord r : rows) if (keep.test(r)) total = total.add(new BigDecimal(r.get(column)));
    return total;
  }
}
