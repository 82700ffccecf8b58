package io.nuage.spark;

import io.nuage.core.NuageException;
import io.nuage.store.ledger.ParquetExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory {@code nuage ledger export --parquet} wrote, with the files {@code nuage ingest
 * --engine spark} appended to it, checked by their manifests: anything else is refused by name
 * before Spark reads a byte.
 *
 * @param roots the {@code billing_rows} directories: the export's, then each appended file's
 * @param counts what the manifests count, summed
 */
record LedgerExport(Path dir, List<Path> roots, Map<String, Long> counts) {
  private static final List<String> SUMMED =
      List.of("rows", "contractAppliedRows", "commitments", "trueUpCandidates");

  static LedgerExport open(Path dir) {
    ParquetExport.requireExport(dir);
    Map<String, Long> counts = new HashMap<>();
    List<Path> roots = new ArrayList<>();
    for (Path manifest : ParquetExport.manifests(dir)) {
      List<String> lines;
      try {
        lines = Files.readAllLines(manifest);
      } catch (IOException e) {
        throw new NuageException(
            "--parquet "
                + dir
                + ": "
                + manifest.getParent()
                + " is not an appended file (no "
                + ParquetExport.MANIFEST
                + " manifest)");
      }
      if (lines.isEmpty() || !lines.get(0).equals(ParquetExport.FORMAT))
        throw new NuageException(
            "--parquet "
                + dir
                + ": "
                + manifest
                + " does not start with '"
                + ParquetExport.FORMAT
                + "'");
      long rows = 0;
      for (String line : lines.subList(1, lines.size())) {
        int eq = line.indexOf('=');
        String key = eq > 0 ? line.substring(0, eq) : "";
        if (!SUMMED.contains(key)) continue;
        long n;
        try {
          n = Long.parseLong(line.substring(eq + 1));
        } catch (NumberFormatException e) {
          throw new NuageException(
              "--parquet "
                  + dir
                  + ": "
                  + manifest
                  + ": "
                  + key
                  + " is '"
                  + line.substring(eq + 1)
                  + "', expected a whole number");
        }
        counts.merge(key, n, Long::sum);
        if (key.equals("rows")) rows = n;
      }
      Path root = manifest.resolveSibling("billing_rows");
      if (rows > 0 && !Files.isDirectory(root))
        throw new NuageException(
            "--parquet " + dir + ": " + manifest.getParent() + " has no billing_rows directory");
      if (Files.isDirectory(root)) roots.add(root);
    }
    return new LedgerExport(dir, List.copyOf(roots), Map.copyOf(counts));
  }

  /**
   * Refuses what the Spark ledger does not read yet, so that it never answers differently from the
   * embedded engine (docs/scale-out.md, "What runs on Spark").
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
              + ", which the Spark ledger does not read yet; run nuage ledger without"
              + " --engine spark on the store");
  }

  long rowCount() {
    return counts.getOrDefault("rows", 0L);
  }

  /** A partition directory named from the export's root: what a reader of a message can find. */
  String partition(Path directory) {
    Path base = dir.resolve("billing_rows");
    return (directory.startsWith(base) ? base : dir).relativize(directory).toString();
  }
}
