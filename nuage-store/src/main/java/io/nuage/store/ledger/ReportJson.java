package io.nuage.store.ledger;

import java.util.Map;
import java.util.StringJoiner;

/** The ingest report as JSON, kept with the ingestion (the store has no JSON library). */
final class ReportJson {
  private ReportJson() {}

  static String of(IngestReport r) {
    return "{\"file\":"
        + str(r.file())
        + ",\"format\":"
        + str(r.format())
        + ",\"focusVersion\":"
        + str(r.focusVersion())
        + ",\"rowsRead\":"
        + r.rowsRead()
        + ",\"accepted\":"
        + r.accepted()
        + ",\"duplicates\":"
        + r.duplicates()
        + ",\"rejected\":"
        + r.rejected()
        + ",\"rejectedByReason\":"
        + map(r.rejectedByReason())
        + ",\"normalisations\":"
        + map(r.normalisations())
        + "}";
  }

  private static String map(Map<String, Long> m) {
    var j = new StringJoiner(",", "{", "}");
    m.forEach((k, v) -> j.add(str(k) + ":" + v));
    return j.toString();
  }

  static String str(String s) {
    var b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
          else b.append(ch);
        }
      }
    }
    return b.append('"').toString();
  }
}
