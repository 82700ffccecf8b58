package io.nuage.cli;

import io.nuage.core.NuageException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --as-of}, for the ledger commands that cut the charges at a day. */
final class AsOfOption {
  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description =
          "ignore charges starting on or after this day (default: the day after the last)")
  @Nullable String asOf;

  @Nullable LocalDate asOf() {
    if (asOf == null) return null;
    try {
      return LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new NuageException(
          "--as-of: not a date (got " + asOf + ", expected YYYY-MM-DD, e.g. 2027-06-30)");
    }
  }
}
