package io.nuage.store;

import java.nio.file.Path;

/**
 * A child process for {@link UnpackedDuckDbTest}: opens the store, says so, and waits to be killed.
 */
final class OpenAndWait {
  private OpenAndWait() {}

  public static void main(String[] args) throws InterruptedException {
    try (Store store = Store.open(Path.of(args[0]))) {
      System.out.println("open " + store.path());
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
