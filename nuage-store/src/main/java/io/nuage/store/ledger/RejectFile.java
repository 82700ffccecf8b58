package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * With --skip-bad-rows, every reject goes to {@code FILE.rejects.csv} (beside the file, or in the
 * working directory when that folder is read-only): line, column, value, reason.
 */
final class RejectFile {
  private RejectFile() {}

  static String write(
      FocusIngest ingest, FocusSource source, List<RejectedRow> structural, String lineExpr)
      throws SQLException {
    Path file = target(source.path());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("line,column,value,reason\n");
      for (RejectedRow r : structural) write(w, r);
      if (exists(ingest, ingest.masksTable())) {
        String q =
            "SELECT "
                + lineExpr
                + ", * EXCLUDE (rid) FROM "
                + ingest.masksTable()
                + " s ORDER BY rid";
        try (Statement s = ingest.connection().createStatement();
            ResultSet r = s.executeQuery(q)) {
          while (r.next()) {
            for (RejectedRow row :
                Rejects.explain(r.getLong(1), new BigInteger(r.getString(2)), r, 3)) write(w, row);
          }
        }
      }
    } catch (IOException e) {
      throw new NuageException("cannot write the reject file " + file + ": " + e.getMessage(), e);
    }
    return file.toString();
  }

  private static boolean exists(FocusIngest ingest, String table) throws SQLException {
    try (Statement s = ingest.connection().createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM duckdb_tables() WHERE table_name = '" + table + "'")) {
      r.next();
      return r.getLong(1) > 0;
    }
  }

  private static Path target(Path source) {
    String name = source.getFileName() + ".rejects.csv";
    Path dir = source.toAbsolutePath().getParent();
    if (dir != null && Files.isWritable(dir)) return dir.resolve(name);
    return Path.of(name).toAbsolutePath();
  }

  private static void write(BufferedWriter w, RejectedRow r) throws IOException {
    w.write(r.line() + "," + csv(r.column()) + "," + csv(r.value()) + "," + csv(r.reason()) + "\n");
  }

  private static String csv(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
