package io.nuage.spark;

import io.nuage.core.NuageException;
import io.nuage.store.ledger.ParquetExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory {@code nuage ledger export --parquet} wrote, checked by its manifest: anything else
 * is refused by name before Spark reads a byte.
 */
record LedgerExport(Path dir, Path rows, Map<String, Long> counts) {
  static LedgerExport open(Path dir) {
    Path manifest = dir.resolve(ParquetExport.MANIFEST);
    if (!Files.isDirectory(dir))
      throw new NuageException("--parquet " + dir + ": no such directory");
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest);
    } catch (IOException e) {
      throw new NuageException(
          "--parquet "
              + dir
              + ": not a Nuage ledger export (no "
              + ParquetExport.MANIFEST
              + " manifest; write one with nuage ledger export --parquet DIR)");
    }
    if (lines.isEmpty() || !lines.get(0).equals(ParquetExport.FORMAT))
      throw new NuageException(
          "--parquet "
              + dir
              + ": not a Nuage ledger export ("
              + manifest
              + " does not start with '"
              + ParquetExport.FORMAT
              + "')");
    Map<String, Long> counts = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int eq = line.indexOf('=');
      if (eq > 0) counts.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
    }
    Path rows = dir.resolve("billing_rows");
    if (counts.getOrDefault("rows", 0L) > 0 && !Files.isDirectory(rows))
      throw new NuageException("--parquet " + dir + ": the export has no billing_rows directory");
    return new LedgerExport(dir, rows, counts);
  }

  /**
   * Refuses what the Spark draw-down does not read yet, so that it never answers differently from
   * the embedded engine (docs/scale-out.md, "What runs on Spark").
   */
  void checkSupported() {
    refuse("contractAppliedRows", "rows with ContractApplied (FOCUS 1.3)");
    refuse("commitments", "Contract Commitment rows");
    refuse("trueUpCandidates", "rows tagged as take-or-pay true-ups");
  }

  private void refuse(String key, String what) {
    long n = counts.getOrDefault(key, 0L);
    if (n > 0)
      throw new NuageException(
          "--engine spark: "
              + dir
              + " holds "
              + n
              + " "
              + what
              + ", which the Spark draw-down does not read yet; run nuage ledger without"
              + " --engine spark on the store");
  }

  long rowCount() {
    return counts.getOrDefault("rows", 0L);
  }
}
