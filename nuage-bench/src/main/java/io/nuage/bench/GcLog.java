package io.nuage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Peak heap occupancy from a {@code -Xlog:gc,gc+heap+exit} log: before each GC, and at exit. */
final class GcLog {
  private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final Pattern EXIT_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private GcLog() {}

  static long peakHeapMib(Path log) throws IOException {
    if (!Files.exists(log)) return 0;
    long peak = 0;
    for (String line : Files.readAllLines(log)) {
      var pause = PAUSE.matcher(line);
      if (pause.find()) peak = Math.max(peak, Long.parseLong(pause.group(1)));
      var exit = EXIT_USED.matcher(line);
      if (exit.find()) peak = Math.max(peak, Long.parseLong(exit.group(2)) / 1024);
    }
    return peak;
  }
}
