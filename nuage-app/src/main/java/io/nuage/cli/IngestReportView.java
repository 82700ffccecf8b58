package io.nuage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nuage.store.ledger.IngestReport;
import java.util.List;
import java.util.Map;

/** Renders ingest reports as a terminal table or JSON. */
final class IngestReportView {
  private IngestReportView() {}

  static String table(List<IngestReport> reports) {
    var b = new StringBuilder();
    for (IngestReport r : reports) {
      b.append(r.file())
          .append(" (")
          .append(r.format())
          .append(", FOCUS ")
          .append(r.focusVersion())
          .append(")\n");
      row(b, "rows read", r.rowsRead());
      row(b, "accepted", r.accepted());
      row(b, "duplicates", r.duplicates());
      row(b, "rejected", r.rejected());
      for (Map.Entry<String, Long> e : r.rejectedByReason().entrySet())
        row(b, "  " + e.getKey(), e.getValue());
      if (r.rejectFile() != null)
        b.append("  rejects written to ").append(r.rejectFile()).append('\n');
      if (!r.normalisations().isEmpty()) {
        b.append("  normalised:\n");
        for (Map.Entry<String, Long> e : r.normalisations().entrySet())
          row(b, "    " + e.getKey(), e.getValue());
      }
      if (!r.ignoredColumns().isEmpty())
        b.append("  ignored non-FOCUS columns: ")
            .append(String.join(", ", r.ignoredColumns()))
            .append('\n');
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String label, long n) {
    b.append(String.format("  %-60s %12d%n", label, n));
  }

  static String json(List<IngestReport> reports) {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(Map.of("files", reports));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the report as JSON", e);
    }
  }
}
