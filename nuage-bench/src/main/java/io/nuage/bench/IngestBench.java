package io.nuage.bench;

import io.nuage.ledger.SyntheticBilling;
import io.nuage.store.Store;
import io.nuage.store.ledger.IngestOptions;
import io.nuage.store.ledger.IngestReport;
import io.nuage.store.ledger.Ingestions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ingest benchmark (issue 4), side by side in one run on one generated FOCUS CSV:
 *
 * <ol>
 *   <li>DuckDB alone: {@code CREATE TABLE AS SELECT * FROM read_csv(file)} into a fresh file;
 *   <li>{@code nuage ingest}: validation, identity, anti-join, monthly sums, one transaction;
 *   <li>row-by-row JDBC: one prepared INSERT per row (one transaction), on the first {@code
 *       --jdbc-rows} rows only, extrapolated linearly to the whole file.
 * </ol>
 *
 * <p>Usage: {@code java -Xmx1g -cp ... io.nuage.bench.IngestBench --rows 10000000 --dir /tmp/b
 * [--seed 42] [--repeat 1] [--jdbc-rows 100000]}. Also checks that a file with one bad row near its
 * end ({@code --bad-row}) is refused with nothing ingested.
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(arg(args, "--rows", "10000000"));
    long seed = Long.parseLong(arg(args, "--seed", "42"));
    int repeat = Integer.parseInt(arg(args, "--repeat", "1"));
    long jdbcRows = Long.parseLong(arg(args, "--jdbc-rows", "100000"));
    boolean badRow = Arrays.asList(args).contains("--bad-row");
    Path dir = Path.of(arg(args, "--dir", "target/bench"));
    Files.createDirectories(dir);
    Path csv = dir.resolve("focus-" + rows + "-" + seed + ".csv");
    if (!Files.exists(csv)) {
      long t0 = System.nanoTime();
      try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        new SyntheticBilling(rows, seed, 0).write(w);
      }
      log("generated %s (%,d bytes) in %.1f s", csv, Files.size(csv), secs(t0));
    }
    log(
        "file %s: %,d rows, %,d bytes; max heap %d MB",
        csv, rows, Files.size(csv), Runtime.getRuntime().maxMemory() >> 20);
    var duck = new ArrayList<Double>();
    var nuage = new ArrayList<Double>();
    for (int i = 0; i < repeat; i++) {
      duck.add(duckdbReadCsv(csv, dir));
      nuage.add(nuageIngest(csv, dir));
    }
    double jdbc =
        jdbcRowByRow(csv, dir, Math.min(jdbcRows, rows)) * rows / Math.min(jdbcRows, rows);
    double d = median(duck);
    double n = median(nuage);
    log(
        "RESULT rows=%d duckdb_read_csv_s=%.1f nuage_ingest_s=%.1f ratio=%.2f (target <= 2)"
            + " jdbc_row_by_row_extrapolated_s=%.0f speedup=%.1fx (target >= 20) peak_heap_mb=%d",
        rows, d, n, n / d, jdbc, jdbc / n, peakHeapMb());
    if (badRow) badRowNearEnd(dir, rows, seed);
  }

  static double duckdbReadCsv(Path csv, Path dir) throws SQLException, IOException {
    Path db = fresh(dir.resolve("duckdb-baseline.duckdb"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      double c0 = cpu();
      s.execute(
          "CREATE TABLE t AS SELECT * FROM read_csv('"
              + csv.toAbsolutePath()
              + "', nullstr = ['NULL', ''])");
      double t = secs(t0);
      log("duckdb read_csv into a table: %.1f s wall, %.1f s cpu", t, cpu() - c0);
      return t;
    } finally {
      fresh(db);
    }
  }

  static double nuageIngest(Path csv, Path dir) throws IOException {
    Path db = fresh(dir.resolve("nuage.duckdb"));
    try (Store store = Store.open(db)) {
      long t0 = System.nanoTime();
      double c0 = cpu();
      IngestReport r = Ingestions.in(store).ingest(csv, IngestOptions.DEFAULT);
      double t = secs(t0);
      log(
          "nuage ingest: %.1f s wall, %.1f s cpu (accepted %,d, duplicates %,d)",
          t, cpu() - c0, r.accepted(), r.duplicates());
      return t;
    } finally {
      fresh(db);
    }
  }

  /** Seconds for {@code n} rows inserted one prepared statement at a time, in one transaction. */
  static double jdbcRowByRow(Path csv, Path dir, long n) throws SQLException, IOException {
    Path db = fresh(dir.resolve("jdbc.duckdb"));
    List<String> cols = SyntheticBilling.COLUMNS;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
        BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE t AS SELECT * FROM read_csv('"
                + csv.toAbsolutePath()
                + "', nullstr = ['NULL', '']) LIMIT 0");
      }
      String marks = String.join(", ", java.util.Collections.nCopies(cols.size(), "?"));
      c.setAutoCommit(false);
      in.readLine();
      long t0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (" + marks + ")")) {
        for (long i = 0; i < n; i++) {
          List<String> f = split(in.readLine());
          for (int k = 0; k < cols.size(); k++) {
            String v = f.get(k);
            ps.setObject(k + 1, v.equals("NULL") || v.isEmpty() ? null : v);
          }
          ps.executeUpdate();
        }
      }
      c.commit();
      double t = secs(t0);
      log("row-by-row JDBC: %,d rows in %.1f s", n, t);
      return t;
    } finally {
      fresh(db);
    }
  }

  /** The large-file acceptance: one bad row near the end, nothing ingested. */
  static void badRowNearEnd(Path dir, long rows, long seed) throws IOException {
    Path bad = dir.resolve("focus-bad-" + rows + ".csv");
    long badLine = rows - 10;
    try (BufferedWriter w = Files.newBufferedWriter(bad, StandardCharsets.UTF_8)) {
      new SyntheticBilling(rows, seed, badLine).write(w);
    }
    Path db = fresh(dir.resolve("nuage-bad.duckdb"));
    try (Store store = Store.open(db)) {
      long t0 = System.nanoTime();
      try {
        Ingestions.in(store).ingest(bad, IngestOptions.DEFAULT);
        log("BAD ROW NOT DETECTED");
      } catch (io.nuage.core.ValidationException e) {
        log(
            "bad row at line %d refused in %.1f s: %s",
            badLine, secs(t0), e.problems().get(e.problems().size() > 1 ? 1 : 0).render());
      }
      log(
          "rows in the ledger after the refused file: %d",
          io.nuage.store.ledger.BillingRows.in(store).totals().rows());
    } finally {
      fresh(db);
      Files.deleteIfExists(bad);
    }
  }

  private static List<String> split(String line) {
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

  private static Path fresh(Path db) throws IOException {
    Files.deleteIfExists(db);
    Files.deleteIfExists(io.nuage.store.Store.walOf(db));
    return db;
  }

  private static long peakHeapMb() {
    long max = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans())
      if (pool.getType() == java.lang.management.MemoryType.HEAP)
        max += pool.getPeakUsage().getUsed();
    return max >> 20;
  }

  private static double median(List<Double> xs) {
    var s = new ArrayList<>(xs);
    s.sort(Double::compare);
    return s.get(s.size() / 2);
  }

  /** CPU seconds of the whole process (DuckDB's threads included): robust on a busy machine. */
  static double cpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() / 1e3;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
    return dflt;
  }

  private static void log(String fmt, Object... a) {
    System.out.println(String.format(Locale.ROOT, fmt, a));
    System.out.flush();
  }
}
