package io.nuage.store.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What ingesting one file did.
 *
 * @param file the file as named by the user
 * @param format csv, csv.gz or parquet
 * @param focusVersion the FOCUS version inferred from the columns
 * @param rowsRead data rows in the file (structurally broken rows included)
 * @param accepted rows added to the ledger
 * @param duplicates good rows already in the ledger (same identity)
 * @param rejected rows refused (with --skip-bad-rows; otherwise the file is refused)
 * @param rejectedByReason rejected rows per reason ({@code Column: reason})
 * @param normalisations quirks tolerated, with how many values each touched
 * @param ignoredColumns columns that are not FOCUS columns (kept out of the ledger)
 * @param firstRejects the first rejected rows, by line
 * @param rejectFile where all rejects were written, with --skip-bad-rows
 * @param dataset the FOCUS dataset the file is: {@code CostAndUsage} (billing rows) or {@code
 *     ContractCommitment} (FOCUS 1.3)
 */
public record IngestReport(
    String file,
    String format,
    String focusVersion,
    long rowsRead,
    long accepted,
    long duplicates,
    long rejected,
    Map<String, Long> rejectedByReason,
    Map<String, Long> normalisations,
    List<String> ignoredColumns,
    List<RejectedRow> firstRejects,
    @Nullable String rejectFile,
    String dataset) {
  public static final String COST_AND_USAGE = "CostAndUsage";

  public IngestReport {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(dataset, "dataset");
    rejectedByReason =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rejectedByReason));
    normalisations =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(normalisations));
    ignoredColumns = List.copyOf(ignoredColumns);
    firstRejects = List.copyOf(firstRejects);
    if (accepted + duplicates + rejected != rowsRead)
      throw new IllegalArgumentException(
          "accepted + duplicates + rejected must equal rows read: "
              + accepted
              + " + "
              + duplicates
              + " + "
              + rejected
              + " != "
              + rowsRead);
  }

  /** A Cost and Usage file's report. */
  public IngestReport(
      String file,
      String format,
      String focusVersion,
      long rowsRead,
      long accepted,
      long duplicates,
      long rejected,
      Map<String, Long> rejectedByReason,
      Map<String, Long> normalisations,
      List<String> ignoredColumns,
      List<RejectedRow> firstRejects,
      @Nullable String rejectFile) {
    this(
        file,
        format,
        focusVersion,
        rowsRead,
        accepted,
        duplicates,
        rejected,
        rejectedByReason,
        normalisations,
        ignoredColumns,
        firstRejects,
        rejectFile,
        COST_AND_USAGE);
  }
}
