package io.nuage.store;

import io.nuage.core.NuageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Applies {@code db/migration/V###__name.sql} in version order, each in one transaction with its
 * {@code schema_version} row, so that a crash leaves the previous version.
 */
final class Migrations {
  private static final String FOLDER = "db/migration";
  private static final Pattern NAME = Pattern.compile("V(\\d{3})__([A-Za-z0-9_]+)\\.sql");

  private Migrations() {}

  record Migration(int version, String name, String resource) {}

  static void apply(Connection c, Path db) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
              + " name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
    }
    int current = currentVersion(c);
    List<Migration> all = available();
    int latest = all.isEmpty() ? 0 : all.getLast().version();
    refuseNewer(db, current, latest);
    // by the versions recorded, not the highest: V100 (server) predates V003 and V004
    Set<Integer> applied = appliedVersions(c);
    repairFirstV007(c, db, applied);
    for (Migration m : all) {
      if (applied.contains(m.version())) continue;
      try {
        Transactions.inOne(
            c,
            () -> {
              try (Statement s = c.createStatement()) {
                s.execute(read(m.resource()));
                s.execute(
                    "INSERT INTO schema_version VALUES ("
                        + m.version()
                        + ", '"
                        + m.name()
                        + "', now()::TIMESTAMP)");
              }
              return m;
            });
      } catch (SQLException e) {
        throw new NuageException(
            db + ": migration " + m.resource() + " failed: " + Store.firstLine(e), e);
      }
    }
  }

  /**
   * V007 as first committed (97ff228) built billing_daily without PricingCategory; ad0787c added
   * the column by editing V007 in place, so a store migrated between the two stayed at version 7
   * and V008 failed on it ("billing_daily has 19 columns but 20 values"). Such a store gets the
   * column here: billing_daily is rebuilt with V007's text as it is now, which reads billing_rows
   * only. A migration that has been committed is never edited again; a new one is added instead.
   */
  private static void repairFirstV007(Connection c, Path db, Set<Integer> applied)
      throws SQLException {
    if (!applied.contains(7) || applied.contains(8)) return;
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'billing_daily'"
                    + " AND column_name = 'PricingCategory'")) {
      r.next();
      if (r.getLong(1) > 0) return;
    }
    String rebuild = billingDailyPart(read(FOLDER + "/V007__billing_daily_matching.sql"));
    try {
      Transactions.inOne(
          c,
          () -> {
            try (Statement s = c.createStatement()) {
              s.execute(rebuild);
            }
            return rebuild;
          });
    } catch (SQLException e) {
      throw new NuageException(
          db + ": cannot add PricingCategory to the daily aggregate: " + Store.firstLine(e), e);
    }
  }

  /** The statements of V007's text that rebuild billing_daily (and nothing else). */
  static String billingDailyPart(String v007) {
    String end = "INSERT INTO billing_daily_ingestions SELECT ingestion_id FROM ingestions;";
    int from = v007.indexOf("DROP TABLE billing_daily;");
    int to = v007.indexOf(end);
    if (from < 0 || to < from)
      throw new IllegalStateException("V007 no longer rebuilds billing_daily");
    return v007.substring(from, to + end.length());
  }

  private static Set<Integer> appliedVersions(Connection c) throws SQLException {
    var out = new HashSet<Integer>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version FROM schema_version")) {
      while (r.next()) out.add(r.getInt(1));
    }
    return out;
  }

  /**
   * For a read-only open: the store must have every migration this nuage knows applied and no other
   * (a store an older nuage wrote is migrated by any command that writes, never by a reader).
   */
  static void requireLatest(Connection c, Path db) throws SQLException {
    List<Migration> all = available();
    Set<Integer> known = new HashSet<>();
    for (Migration m : all) known.add(m.version());
    Set<Integer> applied;
    try {
      applied = appliedVersions(c);
    } catch (SQLException e) {
      applied = Set.of(); // no schema_version table: nothing applied
    }
    int latest = all.isEmpty() ? 0 : all.getLast().version();
    int current = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
    refuseNewer(db, current, latest);
    if (!applied.containsAll(known))
      throw new NuageException(
          db
              + ": the store is at schema version "
              + current
              + ", older than this nuage's ("
              + latest
              + "), and this command only reads it: run `nuage ingestions --db "
              + db
              + "` once, which migrates it, then this command again");
  }

  /** Refuses a store written by a newer nuage: its schema is past what this one knows. */
  private static void refuseNewer(Path db, int current, int latest) {
    if (current > latest)
      throw new NuageException(
          db
              + ": the store is at schema version "
              + current
              + " but this nuage knows only up to "
              + latest
              + "; use a newer nuage");
  }

  static int currentVersion(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      throw new NuageException("cannot read the schema version: " + Store.firstLine(e), e);
    }
  }

  /** The migrations on the class path, sorted by version; works from a folder and from a jar. */
  static List<Migration> available() {
    URL url = Migrations.class.getClassLoader().getResource(FOLDER);
    if (url == null) throw new IllegalStateException("no " + FOLDER + " on the class path");
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return list(fs.getPath(FOLDER));
      }
      return list(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list " + FOLDER + ": " + e, e);
    }
  }

  private static List<Migration> list(Path folder) throws IOException {
    var out = new ArrayList<Migration>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.toList()) {
        String file = p.getFileName().toString();
        Matcher m = NAME.matcher(file);
        if (m.matches())
          out.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), FOLDER + "/" + file));
      }
    }
    out.sort((a, b) -> Integer.compare(a.version(), b.version()));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).version() == out.get(i - 1).version())
        throw new IllegalStateException("two migrations with version " + out.get(i).version());
    }
    return out;
  }

  static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource + ": " + e, e);
    }
  }
}
