package io.nuage.catalog.imports;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an import read, used and left out, per file. Every row read is either used (it gave at least
 * one new offering) or skipped under exactly one reason, so {@code read = used + skipped}.
 *
 * @param files one entry per file read, in import order
 * @param ignored files met in a folder and not read (not CSV), with the reason
 */
public record ImportReport(List<FileReport> files, List<IgnoredFile> ignored) {

  public ImportReport {
    files = List.copyOf(files);
    ignored = List.copyOf(ignored);
  }

  /**
   * One file's counts.
   *
   * @param file the path as given or found
   * @param format {@code skypilot} or {@code aws-flat}
   * @param provider the provider id the rows were priced for
   * @param read data rows read (blank lines excluded)
   * @param used rows that gave at least one new offering
   * @param skipped rows left out, by reason
   * @param notes things done to used rows that a reader should know (e.g. spot 0 dropped)
   */
  public record FileReport(
      String file,
      String format,
      String provider,
      int read,
      int used,
      SortedMap<String, Integer> skipped,
      SortedMap<String, Integer> notes) {
    public FileReport {
      Objects.requireNonNull(file, "file");
      skipped = new TreeMap<>(skipped);
      notes = new TreeMap<>(notes);
      int skippedRows = skipped.values().stream().mapToInt(Integer::intValue).sum();
      if (used < 0 || used + skippedRows != read) {
        throw new IllegalArgumentException(
            file + ": read " + read + " must equal used " + used + " + skipped " + skippedRows);
      }
    }

    public int skippedRows() {
      return read - used;
    }
  }

  /** A file met in a folder and not read. */
  public record IgnoredFile(String file, String reason) {}

  public int read() {
    return files.stream().mapToInt(FileReport::read).sum();
  }

  public int used() {
    return files.stream().mapToInt(FileReport::used).sum();
  }

  /** Skipped rows by reason over all files. */
  public SortedMap<String, Integer> skippedByReason() {
    SortedMap<String, Integer> total = new TreeMap<>();
    for (FileReport f : files) {
      for (Map.Entry<String, Integer> e : f.skipped().entrySet()) {
        total.merge(e.getKey(), e.getValue(), Integer::sum);
      }
    }
    return total;
  }

  /** Notes by kind over all files. */
  public SortedMap<String, Integer> notes() {
    SortedMap<String, Integer> total = new TreeMap<>();
    for (FileReport f : files) {
      for (Map.Entry<String, Integer> e : f.notes().entrySet()) {
        total.merge(e.getKey(), e.getValue(), Integer::sum);
      }
    }
    return total;
  }
}
