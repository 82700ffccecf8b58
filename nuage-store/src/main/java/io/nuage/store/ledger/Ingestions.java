package io.nuage.store.ledger;

import io.nuage.store.Store;
import java.nio.file.Path;
import java.util.List;

/** FOCUS files ingested into the ledger, one transaction per file. */
public interface Ingestions {
  static Ingestions in(Store store) {
    return new DuckDbIngestions(store);
  }

  /**
   * Ingests one FOCUS file (CSV, gzip CSV or Parquet): all of it or, when any row is bad and {@code
   * --skip-bad-rows} is off, nothing. Throws {@link io.nuage.core.ValidationException} naming the
   * first bad rows by line and column when the file is refused.
   */
  IngestReport ingest(Path file, IngestOptions options);

  /** How many files were ingested (committed). */
  long count();

  /** The files in the ledger, oldest first. */
  List<IngestedFile> list();

  /**
   * Takes ingestion {@code id} out of the ledger, in one transaction: its rows, their sums and its
   * record. Throws {@link io.nuage.core.ValidationException} when there is no such ingestion.
   */
  IngestedFile remove(long id);
}
