package io.nuage.store.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file's size, modification time and identity (inode), taken before the ingest reads it and again
 * before it commits: a file cut, grown or replaced while it was read (a download still running, a
 * copy interrupted at a row boundary) would otherwise be committed as whatever part was read,
 * without a word (issue 10, item 10). A rewrite that keeps the size, the time to the file system's
 * resolution and the inode is not seen; no reader can see that without hashing.
 */
record FileState(long size, FileTime modified, @Nullable Object key) {
  /** The file's state, or null when it cannot be read (the header check then says why). */
  static @Nullable FileState of(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileState(a.size(), a.lastModifiedTime(), a.fileKey());
    } catch (IOException e) {
      return null;
    }
  }

  /** Throws, naming what changed, unless {@code file} is now as it was. */
  void checkUnchanged(Path file, String name) {
    FileState now = of(file);
    if (equals(now)) return;
    String what =
        now == null
            ? "it is gone"
            : size != now.size
                ? "size " + size + " -> " + now.size + " bytes"
                : !Objects.equals(key, now.key)
                    ? "replaced by another file"
                    : "modified " + modified + " -> " + now.modified;
    throw FocusSource.fileProblem(
        name,
        "the file changed while it was read ("
            + what
            + "); nothing was ingested: ingest it again once it is complete");
  }
}
