package io.nuage.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Checkpoints that a crash cannot tear (docs/ledger.md, "Crash safety").
 *
 * <p>A DuckDB checkpoint writes new data into free blocks, then rewrites its metadata blocks <em>in
 * place</em> (MetadataManager::Flush: a block keeps its id while sub-blocks the old header still
 * points at are copied into it), syncs, and only then writes the new header. A process killed, or a
 * machine losing power, in the middle of one such 256 KiB write leaves a block whose checksum no
 * longer matches under the old header: DuckDB then refuses the whole store ("Corrupt database file:
 * computed checksum ... does not match"). Nothing in DuckDB repairs it.
 *
 * <p>So Nuage checkpoints itself, and never lets DuckDB do it unguarded: every store is opened with
 * automatic checkpoints and the checkpoint at shutdown off; {@link #checkpoint} first saves the
 * file's headers and the metadata blocks (the only blocks a checkpoint overwrites) to a shadow
 * beside the store, synced and renamed into place, then checkpoints, then deletes the shadow. When
 * a store is opened with a shadow beside it, the checkpoint was interrupted: if the headers on disk
 * are still the shadow's, the new header was never written, so the old state plus the write-ahead
 * log (which DuckDB keeps until after the header) is the truth, and the shadowed blocks are written
 * back; if the headers differ, the checkpoint had finished and the shadow is only deleted.
 */
final class Checkpoints {
  /** DuckDB's file starts with one main header and two database headers of 4 KiB each. */
  static final int HEADERS = 3 * 4096;

  private static final byte[] MAGIC = "nuage-checkpoint-shadow-1\n".getBytes();

  private Checkpoints() {}

  /** The shadow of the store at {@code db}. */
  static Path shadowOf(Path db) {
    return db.resolveSibling(db.getFileName() + ".checkpoint");
  }

  static Path walOf(Path db) {
    return Store.walOf(db);
  }

  /** Turns DuckDB's own, unguarded checkpoints off for this database instance. */
  static void configure(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET checkpoint_threshold = '1000000 TB'");
    }
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA disable_checkpoint_on_shutdown");
    }
  }

  /**
   * A guarded checkpoint, when the write-ahead log holds anything. A failure leaves the log (and
   * perhaps the shadow) in place: nothing committed is lost, the next open recovers.
   */
  static void checkpoint(Connection c, Path db) throws SQLException, IOException {
    Path wal = walOf(db);
    if (!Files.exists(wal) || Files.size(wal) == 0) return;
    writeShadow(c, db);
    try (Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    }
    Files.delete(shadowOf(db));
    syncFolder(db);
  }

  /** Saves the headers and the metadata blocks of {@code db} to its shadow, synced. */
  static void writeShadow(Connection c, Path db) throws SQLException, IOException {
    long blockSize;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT block_size FROM pragma_database_size()")) {
      r.next();
      blockSize = r.getLong(1);
    }
    List<Long> metadata = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT block_id FROM pragma_metadata_info() ORDER BY 1")) {
      while (r.next()) metadata.add(r.getLong(1));
    }
    var bytes = new ByteArrayOutputStream();
    FileChannel file = reader(db);
    try (var out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeLong(blockSize);
      out.write(read(file, 0, HEADERS));
      List<Long> onDisk = new ArrayList<>();
      for (long id : metadata) {
        // a block past the end is new since the last checkpoint: the old header never saw it
        if (offset(id, blockSize) + blockSize <= file.size()) onDisk.add(id);
      }
      out.writeInt(onDisk.size());
      for (long id : onDisk) {
        out.writeLong(id);
        out.write(read(file, offset(id, blockSize), (int) blockSize));
      }
    }
    var crc = new CRC32();
    crc.update(bytes.toByteArray());
    new DataOutputStream(bytes).writeLong(crc.getValue());
    Path shadow = shadowOf(db);
    Path temp = shadow.resolveSibling(shadow.getFileName() + ".new");
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      OwnerOnly.restrict(temp);
      out.write(ByteBuffer.wrap(bytes.toByteArray()));
      out.force(true);
    }
    try {
      Files.move(temp, shadow, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, shadow, StandardCopyOption.REPLACE_EXISTING);
    }
    syncFolder(db);
  }

  /**
   * The descriptors the shadows are read through, one per store file held by this JVM, open until
   * {@link #forget}: closing a descriptor of a file drops every fcntl lock this process holds on
   * it, DuckDB's included, so one is never closed while DuckDB has the file open.
   */
  private static final Map<Path, FileChannel> READERS = new ConcurrentHashMap<>();

  private static FileChannel reader(Path db) throws IOException {
    try {
      return READERS.computeIfAbsent(
          db,
          f -> {
            try {
              return FileChannel.open(f, StandardOpenOption.READ);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Closes the descriptor of {@code db}, once DuckDB no longer holds the file in this JVM. */
  static void forget(Path db) {
    FileChannel f = READERS.remove(db);
    if (f == null) return;
    try {
      f.close();
    } catch (IOException e) {
      // nothing was written through it
    }
  }

  /** What {@link #recover} did. */
  enum Recovery {
    NOTHING_TO_DO,
    HELD_ELSEWHERE,
    BLOCKS_RESTORED,
    CHECKPOINT_HAD_FINISHED
  }

  /**
   * Before DuckDB opens {@code db}: finishes an interrupted guarded checkpoint. Only when no other
   * process holds the store (DuckDB's lock is an fcntl lock on the file, which this tries too).
   */
  static Recovery recover(Path db) throws IOException {
    Path shadow = shadowOf(db);
    Files.deleteIfExists(shadow.resolveSibling(shadow.getFileName() + ".new"));
    if (!Files.exists(shadow)) return Recovery.NOTHING_TO_DO;
    try (FileChannel file =
        FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = file.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) return Recovery.HELD_ELSEWHERE;
      Shadow saved = Shadow.read(shadow);
      if (!Arrays.equals(read(file, 0, HEADERS), saved.headers())) {
        Files.delete(shadow);
        syncFolder(db);
        return Recovery.CHECKPOINT_HAD_FINISHED;
      }
      for (Shadow.Block b : saved.blocks()) {
        ByteBuffer buffer = ByteBuffer.wrap(b.bytes());
        long at = offset(b.id(), saved.blockSize());
        while (buffer.hasRemaining()) at += file.write(buffer, at);
      }
      file.force(true);
      Files.delete(shadow);
      syncFolder(db);
      return Recovery.BLOCKS_RESTORED;
    }
  }

  /** Makes a rename or delete beside {@code db} durable (a folder's entries are synced apart). */
  private static void syncFolder(Path db) throws IOException {
    Path folder = db.toAbsolutePath().getParent();
    if (folder == null) return;
    try (FileChannel f = FileChannel.open(folder, StandardOpenOption.READ)) {
      f.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a folder; the rename stays atomic, only its timing is not
    }
  }

  private static long offset(long blockId, long blockSize) {
    return HEADERS + blockId * blockSize;
  }

  private static byte[] read(FileChannel file, long at, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      int n = file.read(buffer, at + buffer.position());
      if (n < 0) throw new IOException("the store ends before byte " + (at + length));
    }
    return buffer.array();
  }

  /** A shadow as read back, its checksum verified. */
  record Shadow(long blockSize, byte[] headers, List<Block> blocks) {
    record Block(long id, byte[] bytes) {}

    static Shadow read(Path shadow) throws IOException {
      byte[] all = Files.readAllBytes(shadow);
      var crc = new CRC32();
      crc.update(all, 0, Math.max(0, all.length - Long.BYTES));
      if (all.length < MAGIC.length + Long.BYTES
          || ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong() != crc.getValue()
          || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
        throw new IOException(
            shadow + " is damaged (its checksum does not match): it cannot be used to recover");
      }
      try (var in = new DataInputStream(new java.io.ByteArrayInputStream(all))) {
        in.skipNBytes(MAGIC.length);
        long blockSize = in.readLong();
        byte[] headers = in.readNBytes(HEADERS);
        int count = in.readInt();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          blocks.add(new Block(in.readLong(), in.readNBytes((int) blockSize)));
        }
        return new Shadow(blockSize, headers, blocks);
      }
    }
  }
}
