package io.nuage.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The store holds token hashes and every bill: the folders it creates are 0700 and the files 0600
 * (POSIX file systems; elsewhere the platform's defaults stay). Folders that already exist are left
 * as they are: they are the user's.
 */
final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  /** Creates the missing folders of {@code folder}, each owner-only from the start. */
  static void createFolders(Path folder) throws IOException {
    if (!POSIX) {
      Files.createDirectories(folder);
      return;
    }
    Path parent = folder.getParent();
    if (Files.isDirectory(folder) || parent == null) return;
    createFolders(parent);
    try {
      Files.createDirectory(
          folder,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      // another process creating the same new store made it in between: use it
      if (!Files.isDirectory(folder)) throw e;
    }
  }

  /**
   * Makes a file DuckDB just created, and its write-ahead log, owner read-write. DuckDB creates
   * them with the process umask; the owner-only folder is what closes the moment in between.
   */
  static void restrict(Path file) throws IOException {
    if (!POSIX) return;
    for (Path p : new Path[] {file, Store.walOf(file)}) {
      if (Files.exists(p)) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
      }
    }
  }
}
