package io.nuage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.NuageException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;

  @Test
  void open_createsTheFileAndAppliesEveryMigrationOnce() throws Exception {
    Path db = dir.resolve("sub/folder/nuage.duckdb");
    int latest = Migrations.available().getLast().version();
    try (Store store = Store.open(db)) {
      assertThat(store.schemaVersion()).isEqualTo(latest);
    }
    try (Store again = Store.open(db);
        Statement s = again.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM schema_version")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(Migrations.available().size());
      assertThat(again.schemaVersion()).isEqualTo(latest);
    }
  }

  @Test
  void storeNewerThanTheCode_isRefusedWithAMessage() throws Exception {
    Path db = dir.resolve("nuage.duckdb");
    try (Store store = Store.open(db);
        Statement s = store.connection().createStatement()) {
      s.execute("INSERT INTO schema_version VALUES (999, 'from_the_future', now()::TIMESTAMP)");
    }
    assertThatThrownBy(() -> Store.open(db))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("schema version 999")
        .hasMessageContaining("use a newer nuage");
  }

  /**
   * Issue 10, item 8: a store whose creation was interrupted before this version (two processes
   * creating it at once) is an empty file: say so and what to do, not DuckDB's "not a valid DuckDB
   * database file". A new store is created whole under another name and linked into place.
   */
  @Test
  void emptyStoreFile_isNamedWithWhatToDo() throws Exception {
    Path db = dir.resolve("nuage.duckdb");
    java.nio.file.Files.createFile(db);

    assertThatThrownBy(() -> Store.open(db))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining(db.toString())
        .hasMessageContaining("empty (0 bytes)")
        .hasMessageContaining("delete it");
  }

  /**
   * Review of issue 11, finding 7: a CSV or JSON given as the store opened as an empty store in
   * memory, so whatever was written there vanished; it is refused, naming the file, untouched.
   */
  @Test
  void fileThatIsNotADuckDbDatabase_isRefusedAndLeftAsItWas() throws Exception {
    for (String name : new String[] {"victim.csv", "plan.json"}) {
      Path file = dir.resolve(name);
      String text =
          name.endsWith(".csv")
              ? "BilledCost,ProviderName\n1.00,Oracle\n2.00,Microsoft\n"
              : "{\"scenario\": \"frontier-lab-2027\"}\n";
      java.nio.file.Files.writeString(file, text);

      assertThatThrownBy(() -> Store.open(file))
          .isInstanceOf(NuageException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("not a Nuage store")
          .hasMessageContaining("no DuckDB header");
      assertThat(java.nio.file.Files.readString(file)).isEqualTo(text);
    }
  }

  @Test
  void open_createsANewStoreWholeAndLeavesNoTemporaryFile() throws Exception {
    Path db = dir.resolve("nuage.duckdb");
    try (Store store = Store.open(db)) {
      assertThat(store.schemaVersion()).isPositive();
    }
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("nuage.duckdb");
    }
  }

  @Test
  void location_optionThenEnvironmentThenHome() {
    Path option = Path.of("/data/a.duckdb");
    assertThat(StoreLocation.resolve(option, Map.of("NUAGE_DB", "/env.duckdb"), "/home/u"))
        .isEqualTo(option);
    assertThat(StoreLocation.resolve(null, Map.of("NUAGE_DB", "/env.duckdb"), "/home/u"))
        .isEqualTo(Path.of("/env.duckdb"));
    assertThat(StoreLocation.resolve(null, Map.of(), "/home/u"))
        .isEqualTo(Path.of("/home/u/.nuage/nuage.duckdb"));
  }

  @Test
  void location_homeIsTheShellsHomeBeforeTheAccounts() {
    assertThat(StoreLocation.resolve(null, Map.of("HOME", "/tmp/h"), "/home/u"))
        .isEqualTo(Path.of("/tmp/h/.nuage/nuage.duckdb"));
    assertThat(StoreLocation.resolve(null, Map.of("HOME", ""), "/home/u"))
        .isEqualTo(Path.of("/home/u/.nuage/nuage.duckdb"));
  }
}
