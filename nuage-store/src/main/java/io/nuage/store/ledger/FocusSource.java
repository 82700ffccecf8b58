package io.nuage.store.ledger;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.ledger.FocusColumn;
import io.nuage.ledger.FocusColumns;
import io.nuage.ledger.FocusVersion;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A FOCUS Cost and Usage file's format and header, checked before any row is read: which source
 * column feeds which FOCUS column, what is ignored, the FOCUS version its columns imply (the newest
 * release among them), and which deprecated columns a 1.3 file takes from {@code
 * ServiceProviderName} ({@code derived}: column ID to the ID it takes its value from; a left-out
 * {@code ProviderName} or {@code PublisherName}, and {@code ProviderName} even when present).
 */
record FocusSource(
    Path path,
    String name,
    Format format,
    List<String> header,
    Map<FocusColumn, String> columns,
    Map<String, String> fills,
    List<String> ignored,
    Map<String, Long> headerNormalisations,
    FocusVersion version,
    Map<String, String> derived) {

  enum Format {
    CSV("csv"),
    CSV_GZIP("csv.gz"),
    PARQUET("parquet");

    final String label;

    Format(String label) {
      this.label = label;
    }
  }

  private static final int MAX_HEADER_BYTES = 1 << 20;

  static FocusSource read(
      Connection c, Path path, Map<String, String> fills, @Nullable String displayName) {
    String name = displayName != null ? displayName : path.toString();
    if (!Files.isRegularFile(path)) throw fileProblem(name, "no such file");
    Format format = detect(path, name);
    List<String> header =
        format == Format.PARQUET ? parquetColumns(c, path, name) : csvHeader(path, name, format);
    var columns = new LinkedHashMap<FocusColumn, String>();
    var ignored = new ArrayList<String>();
    var normalisations = new LinkedHashMap<String, Long>();
    for (String raw : header) {
      var column = FocusColumns.find(raw);
      if (column.isEmpty()) {
        ignored.add(raw);
        continue;
      }
      if (columns.containsKey(column.get()))
        throw fileProblem(name, "column " + column.get().id() + " appears twice in the header");
      if (!column.get().id().equals(raw))
        normalisations.put("column '" + raw + "' read as " + column.get().id(), 1L);
      columns.put(column.get(), raw);
    }
    if (columns.isEmpty()) {
      String got = header.isEmpty() ? "" : String.join(",", header);
      if (got.length() > 80) got = got.substring(0, 80) + "...";
      throw fileProblem(
          name,
          "not a FOCUS file: its first line names no FOCUS column (got '"
              + got
              + "', expected a header such as BilledCost,BillingAccountId,...)");
    }
    var checkedFills = new LinkedHashMap<String, String>();
    var problems = new ArrayList<Problem>();
    fills.forEach(
        (id, value) -> {
          var column = FocusColumns.find(id);
          if (column.isEmpty())
            problems.add(new Problem(name, 0, 0, "--fill " + id, "not a FOCUS column"));
          else if (columns.containsKey(column.get()))
            problems.add(
                new Problem(
                    name,
                    0,
                    0,
                    "--fill " + id,
                    "the file has this column; --fill only supplies absent columns"));
          else checkedFills.put(column.get().id(), value);
        });
    FocusVersion version = FocusVersion.V1_0;
    for (FocusColumn col : columns.keySet())
      if (col.since().compareTo(version) > 0) version = col.since();
    // FOCUS 1.3 deprecates ProviderName and PublisherName for ServiceProviderName
    var derived = new LinkedHashMap<String, String>();
    FocusVersion fileVersion = version;
    FocusColumns.DEPRECATED_IN_1_3.forEach(
        (id, from) -> {
          FocusColumn col = FocusColumns.find(id).orElseThrow();
          FocusColumn source = FocusColumns.find(from).orElseThrow();
          if (fileVersion == FocusVersion.V1_3
              && !columns.containsKey(col)
              && !checkedFills.containsKey(id)
              && columns.containsKey(source)) derived.put(id, from);
        });
    // and the ledger's provider of a 1.3 row is its ServiceProviderName even when the file has the
    // deprecated column: one charge, one provider, whichever columns its export carries
    // (docs/ledger.md, "Providers"; on a marketplace row the two differ)
    FocusColumn serviceProvider = FocusColumns.find("ServiceProviderName").orElseThrow();
    if (fileVersion == FocusVersion.V1_3
        && columns.containsKey(serviceProvider)
        && columns.containsKey(FocusColumns.find("ProviderName").orElseThrow()))
      derived.put("ProviderName", "ServiceProviderName");
    for (FocusColumn col : FocusColumns.all()) {
      if (FocusColumns.requiredIn(col, version)
          && !columns.containsKey(col)
          && !checkedFills.containsKey(col.id())
          && !derived.containsKey(col.id()))
        problems.add(
            new Problem(
                name,
                1,
                0,
                col.id(),
                "mandatory FOCUS column missing from the header (expected a column named "
                    + col.id()
                    + ", or --fill "
                    + col.id()
                    + "=VALUE)"));
    }
    if (!problems.isEmpty()) throw new ValidationException(problems);
    return new FocusSource(
        path,
        name,
        format,
        List.copyOf(header),
        columns,
        checkedFills,
        ignored,
        normalisations,
        version,
        derived);
  }

  static Format detect(Path path, String name) {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, 4);
    } catch (IOException e) {
      throw fileProblem(name, "cannot read: " + e.getMessage());
    }
    if (n == 0) throw fileProblem(name, "empty file (expected a FOCUS CSV header line or Parquet)");
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return Format.CSV_GZIP;
    if (n == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1')
      return Format.PARQUET;
    return Format.CSV;
  }

  static List<String> csvHeader(Path path, String name, Format format) {
    byte[] bytes;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path));
        InputStream in = format == Format.CSV_GZIP ? new GZIPInputStream(raw) : raw) {
      var buf = new java.io.ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1 && b != '\n' && buf.size() < MAX_HEADER_BYTES) buf.write(b);
      bytes = buf.toByteArray();
    } catch (IOException e) {
      throw fileProblem(name, "cannot read the header: " + e.getMessage());
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb ? 3 : 0;
    var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
    String line;
    try {
      line =
          decoder.decode(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw fileProblem(name, "not a CSV text file: its first line is not UTF-8 text");
    }
    if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
    if (line.isBlank()) throw fileProblem(name, "empty file (expected a FOCUS CSV header line)");
    if (line.indexOf('\0') >= 0) throw fileProblem(name, "not a CSV text file: binary content");
    return splitCsv(line);
  }

  /** Splits one CSV record (RFC 4180 quoting). */
  static List<String> splitCsv(String line) {
    var out = new ArrayList<String>();
    var cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') quoted = false;
        else cur.append(ch);
      } else if (ch == '"') quoted = true;
      else if (ch == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else cur.append(ch);
    }
    out.add(cur.toString());
    return out;
  }

  static List<String> parquetColumns(Connection c, Path path, String name) {
    var out = new ArrayList<String>();
    String file = "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(" + file + "))")) {
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) out.add(r.getString(1));
      }
    } catch (SQLException e) {
      throw fileProblem(name, "not a readable Parquet file: " + io.nuage.store.Store.firstLine(e));
    }
    return out;
  }

  static ValidationException fileProblem(String name, String message) {
    return new ValidationException(new Problem(name, 0, 0, "", message));
  }
}
