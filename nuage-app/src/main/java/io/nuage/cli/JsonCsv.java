package io.nuage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table of an answer's JSON as CSV (RFC 4180): one row per object of a list, one column per
 * field, each the JSON's text as it is (decimal strings stay exact), an empty field for null or a
 * missing field. The CLI's {@code --format csv} and the API's {@code Accept: text/csv} both go
 * through here, from the same JSON, so the two cannot differ.
 */
public final class JsonCsv {
  /**
   * A column: its header and where its value is, a JSON pointer into the row ({@code /billed},
   * {@code /runRate/projected}).
   */
  public record Column(String header, String pointer) {
    public static Column of(String header, String pointer) {
      return new Column(header, pointer);
    }
  }

  private JsonCsv() {}

  /** A row per object of {@code rows}, the columns in order. */
  public static String table(Iterable<JsonNode> rows, List<Column> columns) {
    StringWriter w = new StringWriter();
    String[] header = columns.stream().map(Column::header).toArray(String[]::new);
    try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
      for (JsonNode row : rows) {
        List<String> values = new ArrayList<>(columns.size());
        for (Column c : columns) values.add(text(row.at(c.pointer())));
        csv.printRecord(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String text(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) return "";
    if (n.isContainerNode())
      throw new IllegalArgumentException("a CSV column must point at a value, not " + n);
    return n.asText();
  }
}
