package io.nuage.catalog.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CSV file split into a header and rows, each row remembering its 1-based physical line. RFC 4180
 * quoting; blank lines are dropped. Malformed quoting is reported, not guessed.
 */
record CsvTable(List<String> header, List<Row> rows) {

  record Row(int line, List<String> fields) {}

  /**
   * Thrown with the 1-based line of an unterminated quoted field and the offset where its record
   * starts, so that the rows before it can still be checked.
   */
  static final class UnterminatedQuote extends Exception {
    final int line;
    final int recordStart;

    UnterminatedQuote(int line, int recordStart) {
      super("unterminated quoted field", null, false, false);
      this.line = line;
      this.recordStart = recordStart;
    }
  }

  /** Parses {@code text}; empty when it holds no header at all. */
  static Optional<CsvTable> parse(String text) throws UnterminatedQuote {
    List<Row> all = new ArrayList<>();
    int i = 0;
    int line = 1;
    if (text.startsWith("\uFEFF")) {
      i = 1;
    }
    int n = text.length();
    while (i < n) {
      int startLine = line;
      int recordStart = i;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean blank = true;
      boolean endOfRecord = false;
      while (i < n && !endOfRecord) {
        char c = text.charAt(i);
        if (c == '"' && field.isEmpty()) {
          blank = false;
          i++;
          boolean closed = false;
          while (i < n) {
            char q = text.charAt(i);
            if (q == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
                continue;
              }
              i++;
              closed = true;
              break;
            }
            if (q == '\n') {
              line++;
            }
            field.append(q);
            i++;
          }
          if (!closed) {
            throw new UnterminatedQuote(startLine, recordStart);
          }
        } else if (c == ',') {
          blank = false;
          fields.add(field.toString());
          field.setLength(0);
          i++;
        } else if (c == '\n' || c == '\r') {
          i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
          line++;
          endOfRecord = true;
        } else {
          blank = false;
          field.append(c);
          i++;
        }
      }
      fields.add(field.toString());
      if (!blank) {
        all.add(new Row(startLine, List.copyOf(fields)));
      }
    }
    if (all.isEmpty()) {
      return Optional.empty();
    }
    List<String> header = all.getFirst().fields().stream().map(String::strip).toList();
    return Optional.of(new CsvTable(header, List.copyOf(all.subList(1, all.size()))));
  }
}
