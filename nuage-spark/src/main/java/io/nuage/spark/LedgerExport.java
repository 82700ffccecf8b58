package io.nuage.spark;

import io.nuage.core.NuageException;
import io.nuage.store.ledger.ParquetExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory {@code nuage ledger export --parquet} wrote, with the files {@code nuage ingest
 * --engine spark} appended to it, checked by their manifests: anything else is refused by name
 * before Spark reads a byte. The files on disk under each {@code billing_rows} directory must be
 * exactly those its manifest lists (none missing, none added: a copy, a {@code .bak}, a file at
 * another level), and Spark reads exactly those files ({@link #files()}).
 *
 * @param roots the {@code billing_rows} directories: the export's, then each appended file's
 * @param counts what the manifests count, summed
 * @param files every Parquet file the manifests list, by root, with the rows the manifest says it
 *     holds: what Spark reads and {@link PartitionSchemas} checks
 */
record LedgerExport(
    Path dir, List<Path> roots, Map<String, Long> counts, Map<Path, Map<Path, Long>> files) {
  private static final List<String> SUMMED =
      List.of("rows", "contractAppliedRows", "commitments", "trueUpCandidates");

  static LedgerExport open(Path dir) {
    ParquetExport.requireExport(dir);
    Map<String, Long> counts = new HashMap<>();
    List<Path> roots = new ArrayList<>();
    Map<Path, Map<Path, Long>> files = new LinkedHashMap<>();
    Path home = dir.toAbsolutePath().normalize(); // file names said relative to it
    for (Path manifest : ParquetExport.manifests(home)) {
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
                + "' (an earlier Nuage's, or not one); export the store again");
      long rows = 0;
      Path root = manifest.resolveSibling("billing_rows");
      Map<Path, Long> listed = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.startsWith(ParquetExport.FILE)) {
          listFile(dir, manifest, root, line, listed);
          continue;
        }
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
      long listedRows = listed.values().stream().mapToLong(Long::longValue).sum();
      if (listedRows != rows)
        throw new NuageException(
            "--parquet "
                + dir
                + ": "
                + manifest
                + " counts rows="
                + rows
                + " but its files hold "
                + listedRows
                + "; export the store again");
      if (rows > 0 && !Files.isDirectory(root))
        throw new NuageException(
            "--parquet " + dir + ": " + manifest.getParent() + " has no billing_rows directory");
      if (Files.isDirectory(root)) {
        roots.add(root);
        files.put(root, java.util.Collections.unmodifiableMap(listed));
        matchDisk(dir, home, manifest, root, listed);
      }
    }
    return new LedgerExport(
        dir, List.copyOf(roots), Map.copyOf(counts), java.util.Collections.unmodifiableMap(files));
  }

  /** A {@code file=ROWS PATH} line of {@code manifest}, checked: a file under its own root. */
  private static void listFile(
      Path dir, Path manifest, Path root, String line, Map<Path, Long> to) {
    String value = line.substring(ParquetExport.FILE.length());
    int sp = value.indexOf(' ');
    Path file = sp > 0 ? manifest.resolveSibling(value.substring(sp + 1)).normalize() : null;
    long rows;
    try {
      rows = sp > 0 ? Long.parseLong(value.substring(0, sp)) : -1;
    } catch (NumberFormatException e) {
      rows = -1;
    }
    if (file == null || rows < 0 || !file.startsWith(root) || to.put(file, rows) != null)
      throw new NuageException(
          "--parquet "
              + dir
              + ": "
              + manifest
              + ": line '"
              + line
              + "', expected file=ROWS billing_rows/... (each file once)");
  }

  /**
   * Refuses a root whose files are not exactly those its manifest lists: Spark given the directory
   * would read a stray file, and a missing one would silently drop its rows.
   */
  private static void matchDisk(
      Path dir, Path home, Path manifest, Path root, Map<Path, Long> listed) {
    List<Path> onDisk;
    try (Stream<Path> all = Files.walk(root)) {
      onDisk = all.filter(p -> !Files.isDirectory(p)).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new NuageException("--parquet " + dir + ": cannot list " + root + " (" + e + ")");
    }
    for (Path f : onDisk)
      if (!listed.containsKey(f))
        throw new NuageException(
            "--parquet "
                + dir
                + ": "
                + home.relativize(f)
                + " is not one of the export's files ("
                + manifest.getFileName()
                + " of "
                + manifest.getParent()
                + " lists "
                + listed.size()
                + "): a copy, a stray or a file put there after the export; remove it, or export"
                + " the store again");
    for (Map.Entry<Path, Long> f : listed.entrySet())
      if (!Files.isRegularFile(f.getKey()))
        throw new NuageException(
            "--parquet "
                + dir
                + ": "
                + (Files.isDirectory(f.getKey().getParent())
                    ? home.relativize(f.getKey()) + " is missing"
                    : "partition " + home.relativize(f.getKey().getParent()) + " is missing")
                + " (the manifest "
                + manifest
                + " lists "
                + home.relativize(f.getKey())
                + " with "
                + f.getValue()
                + " rows); restore it, or export the store again");
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
    Path home = dir.toAbsolutePath().normalize();
    Path base = home.resolve("billing_rows");
    return (directory.startsWith(base) ? base : home).relativize(directory).toString();
  }
}
