package io.nuage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint torn by a crash (docs/ledger.md, "Crash safety"). DuckDB rewrites its metadata
 * blocks in place before it writes the new header; a crash inside one such write leaves a block
 * whose checksum fails under the old header. These tests make that state on disk exactly (the first
 * half of the block new, the second half old) and open the store.
 */
class TornCheckpointTest {
  @TempDir Path dir;

  @Test
  void aTornMetadataBlockIsPutBackFromTheShadowAndNothingCommittedIsLost() throws Exception {
    Path db = dir.resolve("store.duckdb");
    tornMidCheckpoint(db);

    assertThat(Checkpoints.shadowOf(db)).exists();
    try (Store store = Store.open(db)) {
      assertThat(probe(store)).isEqualTo(new Probe(150_000, expectedSum(150_000)));
    }
    assertThat(Checkpoints.shadowOf(db)).doesNotExist();
    assertThat(Checkpoints.walOf(db)).doesNotExist(); // the clean close folded the log in
    try (Store store = Store.open(db)) {
      assertThat(probe(store)).isEqualTo(new Probe(150_000, expectedSum(150_000)));
    }
  }

  @Test
  void withoutTheShadowTheSameTearLeavesAStoreDuckDbRefuses() throws Exception {
    Path db = dir.resolve("store.duckdb");
    tornMidCheckpoint(db);
    Files.delete(Checkpoints.shadowOf(db));

    assertThatThrownBy(
            () -> {
              try (Store store = Store.open(db)) {
                probe(store);
              }
            })
        .hasStackTraceContaining("checksum");
  }

  @Test
  void aCheckpointThatFinishedBeforeTheCrashIsNotUndone() throws Exception {
    Path db = dir.resolve("store.duckdb");
    try (Store store = Store.open(db)) {
      insert(store, 0, 100_000);
    }
    Store store = Store.open(db);
    insert(store, 100_000, 150_000);
    Checkpoints.writeShadow(store.connection(), db);
    try (Statement s = store.connection().createStatement()) {
      s.execute("CHECKPOINT"); // it finishes: new header, log folded in
    }
    store.closeWithoutCheckpoint(); // the crash comes before the shadow is deleted

    assertThat(Checkpoints.shadowOf(db)).exists();
    assertThat(Checkpoints.recover(db)).isEqualTo(Checkpoints.Recovery.CHECKPOINT_HAD_FINISHED);
    try (Store reopened = Store.open(db)) {
      assertThat(probe(reopened)).isEqualTo(new Probe(150_000, expectedSum(150_000)));
    }
  }

  @Test
  void storesOpenWithDuckDbsOwnCheckpointsOffAndCloseWithNeitherShadowNorLog() throws Exception {
    Path db = dir.resolve("store.duckdb");
    try (Store store = Store.open(db)) {
      insert(store, 0, 50_000);
      assertThat(Checkpoints.walOf(db)).exists();
      try (Statement s = store.connection().createStatement();
          ResultSet r = s.executeQuery("SELECT current_setting('checkpoint_threshold')")) {
        r.next();
        assertThat(r.getString(1)).as("DuckDB's automatic checkpoints off").endsWith("PiB");
      }
    }
    assertThat(Checkpoints.walOf(db)).doesNotExist();
    assertThat(Checkpoints.shadowOf(db)).doesNotExist();
  }

  @Test
  void aShadowIsLeftAloneWhileAnotherProcessCouldHoldTheStore() throws Exception {
    Path db = dir.resolve("store.duckdb");
    tornMidCheckpoint(db);
    try (FileChannel other =
            FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE);
        var lock = other.lock()) {
      // a lock of this JVM stands in for another process's: Java refuses the overlap
      assertThat(Checkpoints.recover(db)).isEqualTo(Checkpoints.Recovery.HELD_ELSEWHERE);
    }
    assertThat(Checkpoints.shadowOf(db)).exists();
  }

  /**
   * A store of 100,000 rows, checkpointed; 50,000 more committed to the log; the shadow written;
   * then the metadata blocks torn as a crash inside their in-place write leaves them.
   */
  private void tornMidCheckpoint(Path db) throws Exception {
    try (Store store = Store.open(db)) {
      insert(store, 0, 100_000);
    }
    Store store = Store.open(db);
    insert(store, 100_000, 150_000);
    List<Long> metadata = new ArrayList<>();
    long blockSize;
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT block_id FROM pragma_metadata_info()")) {
      while (r.next()) metadata.add(r.getLong(1));
    }
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT block_size FROM pragma_database_size()")) {
      r.next();
      blockSize = r.getLong(1);
    }
    Checkpoints.writeShadow(store.connection(), db);
    store.closeWithoutCheckpoint();
    assertThat(metadata).isNotEmpty();

    // what the checkpoint would write: run it to the end on a copy
    Path copy = dir.resolve("copy.duckdb");
    Files.copy(db, copy);
    Files.copy(Checkpoints.walOf(db), Checkpoints.walOf(copy));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + copy);
        Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    }
    int torn = 0;
    try (FileChannel original =
            FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel finished = FileChannel.open(copy, StandardOpenOption.READ)) {
      for (long id : metadata) {
        long at = Checkpoints.HEADERS + id * blockSize;
        if (at + blockSize > original.size()) continue;
        byte[] before = read(original, at, (int) blockSize);
        byte[] after = read(finished, at, (int) blockSize);
        int cut = tornAt(before, after);
        if (cut < 0) continue; // the checkpoint left this block as it was
        original.write(ByteBuffer.wrap(after, 0, cut), at);
        torn++;
      }
    }
    assertThat(torn).as("metadata blocks on disk under the old header").isPositive();
  }

  /**
   * Where a write of {@code after} over {@code before} can stop and leave a block that is neither:
   * a 512-byte sector boundary past the first changed byte of the content (the first 8 bytes are
   * the block's checksum) with changed bytes still after it; when every change sits in one sector,
   * right after the checksum. -1 when the block did not change.
   */
  private static int tornAt(byte[] before, byte[] after) {
    int first = -1;
    int last = -1;
    for (int i = 8; i < before.length; i++) {
      if (before[i] != after[i]) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) return -1;
    int sector = (first / 512 + 1) * 512;
    return sector <= last ? sector : 8;
  }

  private static byte[] read(FileChannel file, long at, int length) throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (file.read(buffer, at + buffer.position()) < 0) break;
    }
    return buffer.array();
  }

  private static void insert(Store store, long from, long to) throws Exception {
    try (Statement s = store.connection().createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS probe(id BIGINT, amount DECIMAL(38,2))");
      s.execute(
          "INSERT INTO probe SELECT range, range * 0.01 FROM range(" + from + ", " + to + ")");
    }
  }

  record Probe(long rows, BigDecimal sum) {}

  private static Probe probe(Store store) throws Exception {
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT count(*), sum(amount) FROM probe")) {
      r.next();
      return new Probe(r.getLong(1), r.getBigDecimal(2));
    }
  }

  /** The sum of id × 0.01 for id in [0, n): 0.01 × n(n − 1)/2, to the cent. */
  private static BigDecimal expectedSum(long n) {
    return BigDecimal.valueOf(n)
        .multiply(BigDecimal.valueOf(n - 1))
        .divide(BigDecimal.valueOf(2))
        .movePointLeft(2)
        .setScale(2);
  }
}
