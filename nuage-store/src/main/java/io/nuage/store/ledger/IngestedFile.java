package io.nuage.store.ledger;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One file in the ledger, as {@code nuage ingestions} lists it.
 *
 * @param id the ingestion id ({@code nuage ingest --remove ID})
 * @param file the file as named when it was ingested
 * @param ingestedAt when (UTC)
 * @param rowsRead data rows in the file
 * @param accepted rows it added to the ledger (what removing it takes out)
 * @param duplicates rows the ledger already held
 * @param rejected rows refused (with --skip-bad-rows)
 */
public record IngestedFile(
    long id,
    String file,
    String format,
    String focusVersion,
    LocalDateTime ingestedAt,
    long rowsRead,
    long accepted,
    long duplicates,
    long rejected) {
  public IngestedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(ingestedAt, "ingestedAt");
  }
}
