package io.nuage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security item 6 of issue 10: the store holds token hashes and bills, so only its owner reads it.
 */
class StorePermissionsTest {
  @TempDir Path folder;

  /**
   * Two processes creating a new store at once: the one that lost the race said "cannot create".
   */
  @Test
  void foldersCreatedByAnotherAtTheSameTime_areUsed() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path deep = folder.resolve("r" + round).resolve("a").resolve("b");
      var barrier = new java.util.concurrent.CyclicBarrier(4);
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
        var runs = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int t = 0; t < 4; t++) {
          runs.add(
              pool.submit(
                  () -> {
                    barrier.await();
                    OwnerOnly.createFolders(deep);
                    return null;
                  }));
        }
        for (var run : runs) run.get();
      }
      assertThat(deep).isDirectory();
    }
  }

  @Test
  void newStore_folderIsOwnerOnlyAndFileIsOwnerReadWrite() throws IOException {
    Path db = folder.resolve("home/.nuage/nuage.duckdb");

    try (Store store = Store.open(db)) {
      assertThat(store.schemaVersion()).isPositive();
    }

    assertThat(permissions(db.getParent())).isEqualTo("rwx------");
    assertThat(permissions(folder.resolve("home"))).isEqualTo("rwx------");
    assertThat(permissions(db)).isEqualTo("rw-------");
  }

  @Test
  void existingFolder_isLeftAsItIsButTheNewFileIsOwnerOnly() throws IOException {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path db = folder.resolve("n.duckdb");

    Store.open(db).close();

    assertThat(permissions(folder)).isEqualTo("rwxr-xr-x");
    assertThat(permissions(db)).isEqualTo("rw-------");
  }

  private static String permissions(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
