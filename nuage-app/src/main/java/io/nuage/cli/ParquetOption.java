package io.nuage.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --parquet DIR}: the ledger export an engine reads instead of the store. */
final class ParquetOption {
  @Option(
      names = "--parquet",
      paramLabel = "DIR",
      description =
          "with --engine spark: the ledger export to read (nuage ledger export --parquet DIR)"
              + " instead of the store")
  @Nullable Path parquet;
}
