package io.nuage.cli;

import io.nuage.catalog.imports.ImportReport;
import java.util.Map;

/** The import report in a few lines: files, rows read and used, rows skipped by reason. */
final class ImportSummary {
  private ImportSummary() {}

  static String render(ImportReport report) {
    var sb = new StringBuilder();
    sb.append(
        String.format(
            "imported %d file(s): %d rows read, %d used, %d skipped%n",
            report.files().size(), report.read(), report.used(), report.read() - report.used()));
    for (Map.Entry<String, Integer> e : report.skippedByReason().entrySet()) {
      sb.append(String.format("  skipped %5d: %s%n", e.getValue(), e.getKey()));
    }
    for (Map.Entry<String, Integer> e : report.notes().entrySet()) {
      sb.append(String.format("  note    %5d: %s%n", e.getValue(), e.getKey()));
    }
    for (ImportReport.IgnoredFile f : report.ignored()) {
      sb.append(String.format("  ignored %s%n    (%s)%n", f.file(), f.reason()));
    }
    return sb.toString();
  }
}
