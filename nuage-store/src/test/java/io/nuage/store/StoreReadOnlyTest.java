package io.nuage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.NuageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Store#openReadOnly}: a reader (the report) never changes a store, neither its file nor
 * what lies beside it (review of issue 14: `nuage report` migrated the default store it read).
 */
class StoreReadOnlyTest {
  @TempDir Path dir;

  @Test
  void openReadOnly_readsACurrentStore_andLeavesItsBytesAndFolderAsTheyWere() throws Exception {
    Path db = dir.resolve("nuage.duckdb");
    try (Store store = Store.open(db);
        Statement s = store.connection().createStatement()) {
      s.execute("CREATE TABLE probe (x INTEGER)");
      s.execute("INSERT INTO probe VALUES (7)");
    }
    String before = fingerprint();

    try (Store store = Store.openReadOnly(db);
        Statement s = store.connection().createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT x FROM probe")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getInt(1)).isEqualTo(7);
      }
      assertThat(store.schemaVersion()).isEqualTo(Migrations.available().getLast().version());
      assertThatThrownBy(() -> s.execute("INSERT INTO probe VALUES (8)"))
          .hasMessageContaining("read-only");
    }

    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void openReadOnly_ofAStoreAnOlderNuageWrote_refusesWithWhatToDo_andMigratesNothing()
      throws Exception {
    Path db = dir.resolve("nuage.duckdb");
    int latest = Migrations.available().getLast().version();
    try (Store store = Store.open(db);
        Statement s = store.connection().createStatement()) {
      s.execute("DELETE FROM schema_version WHERE version = " + latest);
    }
    String before = fingerprint();

    assertThatThrownBy(() -> Store.openReadOnly(db))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining(db.toString())
        .hasMessageContaining("older than this nuage's (" + latest + ")")
        .hasMessageContaining("nuage ingestions --db " + db);

    assertThat(fingerprint()).isEqualTo(before);
    // Store.open, a command that writes, would migrate it: the test's premise holds
    try (Store store = Store.open(db)) {
      assertThat(store.schemaVersion()).isEqualTo(latest);
    }
  }

  @Test
  void openReadOnly_ofNoFile_createsNothing() {
    Path db = dir.resolve("missing.duckdb");

    assertThatThrownBy(() -> Store.openReadOnly(db))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("no store at " + db);

    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void openReadOnly_withAnInterruptedCheckpoint_refusesAndKeepsTheSavedBlocks() throws Exception {
    Path db = dir.resolve("nuage.duckdb");
    try (Store store = Store.open(db)) {
      assertThat(store.schemaVersion()).isPositive();
    }
    Path shadow = Checkpoints.shadowOf(db);
    Files.writeString(shadow, "saved blocks of a checkpoint a crash interrupted");
    String before = fingerprint();

    assertThatThrownBy(() -> Store.openReadOnly(db))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("interrupted checkpoint");

    assertThat(fingerprint()).isEqualTo(before);
  }

  /** Every file of the folder with the SHA-256 of its bytes. */
  private String fingerprint() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted = files.sorted().toList();
      StringBuilder out = new StringBuilder();
      for (Path p : sorted) {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
        out.append(p.getFileName()).append(' ').append(HexFormat.of().formatHex(hash)).append('\n');
      }
      return out.toString();
    }
  }
}
