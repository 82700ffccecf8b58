package io.nuage.catalog.imports;

import io.nuage.catalog.imports.ImportReport.FileReport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts one file's rows as they are decided. A row may be decided late (GCP rows are combined
 * after every file is read): it is used as soon as one offering came from it, otherwise it keeps
 * the first reason it was skipped for.
 */
final class FileTally {
  private final String file;
  private final String format;
  private final String provider;
  private final Set<Integer> read = new LinkedHashSet<>();
  private final Set<Integer> used = new HashSet<>();
  private final Map<Integer, String> skipped = new HashMap<>();
  private final Map<String, Integer> notes = new TreeMap<>();

  FileTally(String file, String format, String provider) {
    this.file = file;
    this.format = format;
    this.provider = provider;
  }

  String file() {
    return file;
  }

  String provider() {
    return provider;
  }

  void read(int line) {
    read.add(line);
  }

  void used(int line) {
    used.add(line);
  }

  /** Records why a row gave nothing, unless it already has a reason. */
  void skip(int line, String reason) {
    skipped.putIfAbsent(line, reason);
  }

  boolean decided(int line) {
    return used.contains(line) || skipped.containsKey(line);
  }

  void note(String note) {
    notes.merge(note, 1, Integer::sum);
  }

  FileReport report() {
    Map<String, Integer> reasons = new TreeMap<>();
    for (int line : read) {
      if (!used.contains(line)) {
        reasons.merge(skipped.getOrDefault(line, SkipReason.UNDECIDED), 1, Integer::sum);
      }
    }
    return new FileReport(
        file,
        format,
        provider,
        read.size(),
        (int) read.stream().filter(used::contains).count(),
        new TreeMap<>(reasons),
        new TreeMap<>(notes));
  }
}
