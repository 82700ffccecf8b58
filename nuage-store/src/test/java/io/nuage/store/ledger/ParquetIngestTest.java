package io.nuage.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.NuageException;
import io.nuage.core.ValidationException;
import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ParquetIngest} and {@link ParquetExport} without Spark: what they write is readable as any
 * directory this process makes, rows already in the export are counted as the store counts them,
 * and the refusals say what they mean.
 */
class ParquetIngestTest {
  static final Path SAMPLE =
      SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv");

  @TempDir Path dir;

  /** An export of the store holding {@code files}. */
  private Path exported(String name, Path... files) {
    Path out = dir.resolve(name);
    try (Store store = Store.open(dir.resolve(name + ".duckdb"))) {
      for (Path f : files) Ingestions.in(store).ingest(f, IngestOptions.DEFAULT);
      ParquetExport.export(store, out);
    }
    return out;
  }

  /** The sample's header and its data lines {@code lines} (1-based), in that order. */
  private Path sampleLines(String name, int... lines) throws Exception {
    List<String> all = Files.readAllLines(SAMPLE);
    StringBuilder text = new StringBuilder(all.get(0)).append('\n');
    for (int l : lines) text.append(all.get(l)).append('\n');
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void exportAndAppend_areReadableAsAnyDirectoryThisProcessMakes_notOwnerOnly() throws Exception {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "a POSIX file system");
    Path reference = Files.createDirectory(dir.resolve("reference"));
    var expected = Files.getPosixFilePermissions(reference);
    Path export = exported("export", sampleLines("first.csv", 1));
    ParquetIngest.ingest(export, sampleLines("second.csv", 2), IngestOptions.DEFAULT);
    Path appended;
    try (Stream<Path> in = Files.list(export.resolve(ParquetIngest.INGESTED))) {
      appended = in.findFirst().orElseThrow();
    }
    assertThat(Files.getPosixFilePermissions(export)).as("the export").isEqualTo(expected);
    assertThat(Files.getPosixFilePermissions(appended)).as("an appended file").isEqualTo(expected);
  }

  @Test
  void ingest_aFileWhoseRowsAreAllInTheBaseExport_isReportedAsDuplicates_nothingWritten()
      throws Exception {
    Path export = exported("export", SAMPLE);
    List<String> before = tree(export);
    Path copy = Files.copy(SAMPLE, dir.resolve("renamed-copy.csv"));
    IngestReport report = ParquetIngest.ingest(export, copy, IngestOptions.DEFAULT);
    assertThat(report.accepted()).isZero();
    assertThat(report.duplicates()).isEqualTo(1000);
    assertThat(tree(export)).isEqualTo(before);
  }

  /**
   * The store keeps as many identical rows as the most any one file had: after a file with one
   * copy, a file with two brings one new row. It is not a file of duplicates, and not appended.
   */
  @Test
  void ingest_twoIdenticalRowsWhereTheExportHoldsOne_isRefusedNamingHowManyAreThere()
      throws Exception {
    Path export = exported("export", sampleLines("one.csv", 1));
    List<String> before = tree(export);
    Path twice = sampleLines("twice.csv", 1, 1);
    assertThatThrownBy(() -> ParquetIngest.ingest(export, twice, IngestOptions.DEFAULT))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(twice + ": 1 of its 2 rows are already in the export")
        .hasMessageContaining("the store's ingest would add only the other 1")
        .hasMessageContaining("nothing was appended")
        .hasMessageNotContaining("does not read yet");
    assertThat(tree(export)).isEqualTo(before);

    // and as many copies as the export holds are all duplicates
    Path once = sampleLines("once-more.csv", 1);
    assertThat(ParquetIngest.ingest(export, once, IngestOptions.DEFAULT).duplicates()).isEqualTo(1);
    assertThat(tree(export)).isEqualTo(before);
  }

  @Test
  void ingest_aContractCommitmentFile_isRefusedSayingWhatItIs() throws Exception {
    Path export = exported("export", sampleLines("one.csv", 1));
    Path commitments = SharedData.file("focus/focus-1.3/examples-handmade/contract_commitment.csv");
    assertThatThrownBy(() -> ParquetIngest.ingest(export, commitments, IngestOptions.DEFAULT))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            commitments
                + ": a FOCUS 1.3 Contract Commitment file, which the Spark ledger does not read"
                + " yet; nothing was appended")
        .hasMessageNotContaining("holds");
  }

  @Test
  void requireExport_ofAFile_saysItIsAFileNotADirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("export.parquet"), "not a directory");
    assertThatThrownBy(() -> ParquetExport.requireExport(file))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("--parquet " + file + ": a file, not a directory")
        .hasMessageNotContaining("no such");
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> ParquetExport.requireExport(missing))
        .hasMessageContaining("--parquet " + missing + ": no such directory");
  }

  @Test
  void requireDriver_withoutDuckDb_saysTheIngestNeedsTheCommandLinesClassPath() {
    ParquetIngest.requireDuckDb(); // here it is
    assertThatThrownBy(() -> ParquetIngest.requireDriver("org.duckdb.NoSuchDriver"))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("ingest --engine spark:")
        .hasMessageContaining("DuckDB is not on this class path")
        .hasMessageContaining("./nuage ingest --engine spark --parquet DIR FILE...")
        .hasMessageNotContaining("No suitable driver");
  }

  /** Every file and directory under {@code root} with its size, hidden ones too. */
  static List<String> tree(Path root) throws Exception {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> !p.equals(root))
          .map(p -> root.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : ""))
          .sorted()
          .toList();
    }
  }
}
