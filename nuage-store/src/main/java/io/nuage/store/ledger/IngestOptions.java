package io.nuage.store.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * How to ingest a file.
 *
 * @param skipBadRows put the good rows in and write the rejects to {@code FILE.rejects.csv},
 *     instead of rejecting the whole file
 * @param fills constant values for FOCUS columns the file lacks (column ID to text; {@code NULL}
 *     for a null), e.g. for the spec's illustrative fragments
 * @param progress called with the percentage done (0-100) while a large file is read
 */
public record IngestOptions(
    boolean skipBadRows, Map<String, String> fills, DoubleConsumer progress) {
  public static final IngestOptions DEFAULT = new IngestOptions(false, Map.of(), p -> {});

  public IngestOptions {
    fills = Map.copyOf(fills);
    Objects.requireNonNull(progress, "progress");
  }
}
