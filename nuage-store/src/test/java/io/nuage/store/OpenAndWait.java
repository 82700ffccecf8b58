package io.nuage.store;

import java.nio.file.Path;
import java.sql.Statement;

/**
 * A child process for {@link UnpackedDuckDbTest} and {@link StoreLockTest}: opens the store (with
 * {@code checkpoint}, writes a row and checkpoints), says so, and waits to be killed.
 */
final class OpenAndWait {
  private OpenAndWait() {}

  public static void main(String[] args) throws Exception {
    try (Store store = Store.open(Path.of(args[0]))) {
      if (args.length > 1 && args[1].equals("checkpoint")) {
        try (Statement s = store.connection().createStatement()) {
          s.execute("CREATE TABLE probe AS SELECT 1 AS one");
        }
        store.checkpoint();
      }
      System.out.println("open " + store.path());
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
