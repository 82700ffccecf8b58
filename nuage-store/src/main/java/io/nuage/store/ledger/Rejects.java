package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The failure path of an ingest: which rows were rejected, on which line, for which reason, and the
 * refusal a person reads. Runs only when a file has bad rows.
 */
final class Rejects {
  private final Connection c;

  Rejects(Connection c) {
    this.c = c;
  }

  /** Rows DuckDB's CSV reader could not split into the header's columns, one per line. */
  List<RejectedRow> structuralRejects(FocusSource source) throws SQLException {
    var out = new ArrayList<RejectedRow>();
    if (source.format() == FocusSource.Format.PARQUET) return out;
    String q =
        "SELECT line, any_value(error_type ORDER BY column_idx),"
            + " any_value(error_message ORDER BY column_idx),"
            + " any_value(csv_line ORDER BY column_idx) FROM "
            + StageSql.REJECTS
            + " GROUP BY line ORDER BY line";
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(q)) {
      while (r.next()) {
        String line = String.valueOf(r.getString(4));
        if (line.length() > 60) line = line.substring(0, 60) + "...";
        out.add(
            new RejectedRow(
                r.getLong(1),
                "row",
                line,
                "malformed CSV row ("
                    + String.valueOf(r.getString(2)).toLowerCase(java.util.Locale.ROOT)
                    + ": "
                    + r.getString(3)
                    + "; truncated file?)"));
      }
    }
    return out;
  }

  /**
   * Record i (from 0, rows DuckDB could split) sits on line i + 2 + #(thresholds <= i): the lines
   * that hold no record are the structurally rejected ones and the blank ones, which DuckDB's
   * reader skips without a trace (found by reading the file again; failure path only).
   */
  static List<Long> thresholds(FocusSource source, List<RejectedRow> structural) {
    var skipped = new ArrayList<Long>(blankLines(source));
    for (RejectedRow r : structural) skipped.add(r.line());
    Collections.sort(skipped);
    var out = new ArrayList<Long>();
    for (int k = 1; k <= skipped.size(); k++) out.add(skipped.get(k - 1) - 1 - k);
    return out;
  }

  /**
   * The physical lines after the header that are empty (outside quotes), in a CSV file of more than
   * one column (with one, DuckDB reads a blank line as a record: a null).
   */
  static List<Long> blankLines(FocusSource source) {
    var out = new ArrayList<Long>();
    if (source.format() == FocusSource.Format.PARQUET || source.header().size() < 2) return out;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(source.path()), 1 << 16);
        InputStream in =
            source.format() == FocusSource.Format.CSV_GZIP
                ? new GZIPInputStream(raw, 1 << 16)
                : raw) {
      byte[] buf = new byte[1 << 16];
      long line = 1;
      long length = 0;
      boolean quoted = false;
      for (int n = in.read(buf); n != -1; n = in.read(buf)) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '"') quoted = !quoted;
          if (b == '\n') {
            if (!quoted && length == 0 && line > 1) out.add(line);
            line++;
            length = 0;
          } else if (b != '\r') {
            length++;
          }
        }
      }
    } catch (IOException e) {
      throw new NuageException(source.name() + ": cannot read: " + e.getMessage(), e);
    }
    return out;
  }

  static long line(FocusSource source, List<Long> thresholds, long rowid) {
    if (source.format() == FocusSource.Format.PARQUET) return rowid + 1;
    long line = rowid + 2;
    for (long t : thresholds) if (t <= rowid) line++;
    return line;
  }

  /** The failure path: read the file again as text and work out what each bad row breaks. */
  void createMasks(StageSql sql) throws SQLException {
    exec(sql.createMasks(FocusIngest.MASKS));
  }

  Map<String, Long> reasonCounts(List<RejectedRow> structural, long badRows) throws SQLException {
    var counts = new TreeMap<String, Long>();
    for (RejectedRow r : structural) counts.merge("row: malformed CSV row", 1L, Long::sum);
    if (badRows == 0) return counts;
    var bits = new StringJoiner(", ");
    for (int b = 0; b < StageSql.RULE_BASE + StageSql.Rule.values().length; b++)
      bits.add("(" + b + ", " + StageSql.bit(b) + ")");
    String q =
        "SELECT b, count(*) FROM (SELECT errmask::UHUGEINT AS mask FROM "
            + FocusIngest.MASKS
            + "), (VALUES "
            + bits
            + ") t(b, m) WHERE mask & m <> 0 GROUP BY b ORDER BY b";
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(q)) {
      while (r.next())
        counts.merge(RejectReasons.shortReason(r.getInt(1)), r.getLong(2), Long::sum);
    }
    return counts;
  }

  /** The first rejected rows by line, each with every check it fails. */
  List<RejectedRow> firstRejects(
      FocusSource source, List<RejectedRow> structural, List<Long> thresholds, long badRows)
      throws SQLException {
    var out =
        new ArrayList<RejectedRow>(
            structural.subList(0, Math.min(FocusIngest.FIRST_REJECTS, structural.size())));
    if (badRows > 0) {
      String q =
          "SELECT * FROM " + FocusIngest.MASKS + " ORDER BY rid LIMIT " + FocusIngest.FIRST_REJECTS;
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery(q)) {
        while (r.next()) {
          long line = line(source, thresholds, r.getLong(1));
          out.addAll(explain(line, new java.math.BigInteger(r.getString(2)), r, 3));
        }
      }
    }
    out.sort((a, b) -> Long.compare(a.line(), b.line()));
    return out.size() > FocusIngest.FIRST_REJECTS * 3
        ? List.copyOf(out.subList(0, FocusIngest.FIRST_REJECTS * 3))
        : out;
  }

  /** One RejectedRow per failed check of a row; {@code rawStart} is the result index of r0. */
  static List<RejectedRow> explain(long line, java.math.BigInteger mask, ResultSet r, int rawStart)
      throws SQLException {
    var out = new ArrayList<RejectedRow>();
    for (int bit = 0; bit < mask.bitLength(); bit++) {
      if (!mask.testBit(bit)) continue;
      String raw = r.getString(rawStart + RejectReasons.valueColumn(bit));
      String value = raw == null ? "" : raw;
      out.add(
          new RejectedRow(
              line, RejectReasons.column(bit), value, RejectReasons.explain(bit, value)));
    }
    return out;
  }

  static ValidationException refused(
      FocusSource source,
      long rowsRead,
      long rejected,
      Map<String, Long> reasons,
      List<RejectedRow> first) {
    var problems = new ArrayList<Problem>();
    var why = new StringJoiner("; ");
    reasons.forEach((reason, n) -> why.add(reason + " (" + n + ")"));
    problems.add(
        new Problem(
            source.name(),
            0,
            0,
            "",
            rejected
                + " of "
                + rowsRead
                + " rows rejected, so nothing from this file was ingested (fix the rows, or use"
                + " --skip-bad-rows to ingest the good ones): "
                + why));
    for (RejectedRow r : first)
      problems.add(
          new Problem(
              source.name(),
              (int) Math.min(Integer.MAX_VALUE, r.line()),
              position(source, r.column()),
              r.column(),
              r.reason()));
    return new ValidationException(problems);
  }

  /** The 1-based position of a FOCUS column in the file's header, 0 when not in the file. */
  private static int position(FocusSource source, String id) {
    for (var e : source.columns().entrySet())
      if (e.getKey().id().equals(id)) return source.header().indexOf(e.getValue()) + 1;
    return 0;
  }

  private void exec(String q) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(q);
    }
  }
}
