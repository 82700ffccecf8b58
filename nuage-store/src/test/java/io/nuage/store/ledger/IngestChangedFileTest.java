package io.nuage.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.ValidationException;
import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 10: a file cut (or grown) while it is read must not be committed as a prefix. The
 * ingest compares the file's size and modification time before and after, in its transaction.
 */
class IngestChangedFileTest {
  @TempDir Path dir;

  private Path sampleCopy() throws IOException {
    Path file = dir.resolve("export.csv");
    Files.copy(SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv"), file);
    return file;
  }

  /**
   * Cuts the file at its 500th line ending, once, the first time the ingest reports progress on its
   * own thread.
   */
  private static IngestOptions cutOnFirstProgress(Path file, AtomicBoolean cut) {
    return new IngestOptions(
        false,
        Map.of(),
        p -> {
          // the ingest's own thread only: the progress poller is interrupted when its statement
          // ends, and an interrupt closes a FileChannel mid-truncate (the cut would not happen,
          // the test would flake under load)
          if (Thread.currentThread().getName().equals("nuage-ingest-progress")) return;
          if (cut.getAndSet(true)) return;
          try {
            byte[] bytes = Files.readAllBytes(file);
            int lines = 0;
            int at = 0;
            while (lines < 500) if (bytes[at++] == '\n') lines++;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
              ch.truncate(at);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void aFileCutWhileItIsRead_isRefusedAndNothingIsIngested() throws IOException {
    Path file = sampleCopy();
    var cut = new AtomicBoolean();
    try (Store store = Store.open(dir.resolve("l.duckdb"))) {
      assertThatThrownBy(() -> Ingestions.in(store).ingest(file, cutOnFirstProgress(file, cut)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("export.csv")
          .hasMessageContaining("changed while it was read")
          .hasMessageContaining("nothing was ingested");
      assertThat(cut).isTrue();
      assertThat(BillingRows.in(store).totals().rows()).isZero();
      assertThat(Ingestions.in(store).count()).isZero();

      // the file as it now is, unchanged during its ingest, goes in
      IngestReport report = Ingestions.in(store).ingest(file, IngestOptions.DEFAULT);
      assertThat(report.rowsRead()).isEqualTo(499);
    }
  }

  @Test
  void aFileTouchedWhileItIsRead_isRefusedToo() throws IOException {
    Path file = sampleCopy();
    var touched = new AtomicBoolean();
    var options =
        new IngestOptions(
            false,
            Map.of(),
            p -> {
              if (touched.getAndSet(true)) return;
              try {
                Files.writeString(file, "", StandardOpenOption.APPEND); // same size
                Files.setLastModifiedTime(
                    file,
                    java.nio.file.attribute.FileTime.fromMillis(
                        Files.getLastModifiedTime(file).toMillis() + 2000));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try (Store store = Store.open(dir.resolve("l.duckdb"))) {
      assertThatThrownBy(() -> Ingestions.in(store).ingest(file, options))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("changed while it was read");
      assertThat(BillingRows.in(store).totals().rows()).isZero();
    }
  }
}
