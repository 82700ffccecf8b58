package io.nuage.store.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import org.jspecify.annotations.Nullable;

/**
 * How to ingest a file.
 *
 * @param skipBadRows put the good rows in and write the rejects to {@code FILE.rejects.csv},
 *     instead of rejecting the whole file
 * @param fills constant values for FOCUS columns the file lacks (column ID to text; {@code NULL}
 *     for a null), e.g. for the spec's illustrative fragments
 * @param progress called with the percentage done (0-100) while a large file is read
 * @param displayName the name the file is known by, where its path is not (an upload the server
 *     keeps in a temporary file): what messages and {@code nuage ingestions} show; null for the
 *     path
 * @param dataset which FOCUS dataset the file is; {@link Dataset#AUTO} tells by its columns
 */
public record IngestOptions(
    boolean skipBadRows,
    Map<String, String> fills,
    DoubleConsumer progress,
    @Nullable String displayName,
    Dataset dataset) {
  public static final IngestOptions DEFAULT = new IngestOptions(false, Map.of(), p -> {});

  /** The FOCUS datasets the ledger ingests (FOCUS 1.3 has two). */
  public enum Dataset {
    /**
     * Told by the header: a file naming {@code ContractCommitmentId} is a Contract Commitment one.
     */
    AUTO,
    COST_AND_USAGE,
    CONTRACT_COMMITMENT
  }

  public IngestOptions {
    fills = Map.copyOf(fills);
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(dataset, "dataset");
  }

  public IngestOptions(boolean skipBadRows, Map<String, String> fills, DoubleConsumer progress) {
    this(skipBadRows, fills, progress, null, Dataset.AUTO);
  }

  /** The same options for a file known by {@code name}. */
  public IngestOptions named(String name) {
    return new IngestOptions(skipBadRows, fills, progress, name, dataset);
  }

  /** The same options for a file of {@code dataset}. */
  public IngestOptions as(Dataset dataset) {
    return new IngestOptions(skipBadRows, fills, progress, displayName, dataset);
  }
}
