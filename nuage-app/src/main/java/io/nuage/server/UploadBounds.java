package io.nuage.server;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * What one ledger upload may hold, checked by streaming it before the ledger is touched: a gzip
 * body may expand at most {@link #MAX_EXPANSION} times (plus {@link #SLACK} bytes), and a body hold
 * at most {@link #MAX_ROWS} lines after the header. 500 KB of gzipped blank lines once held the
 * ledger for 32.6 s (issue 10, item 12); larger files go through {@code nuage ingest} on the
 * server's machine, which has no such bound.
 */
final class UploadBounds {
  static final int MAX_EXPANSION = 100;
  static final long SLACK = 1L << 20;
  static final long MAX_ROWS = 2_000_000;
  private static final byte[] PARQUET = {'P', 'A', 'R', '1'};

  private UploadBounds() {}

  /** Throws a located problem, naming the upload as {@code name}, when a bound is passed. */
  static void check(Path file, String name) throws IOException {
    long size = Files.size(file);
    long maxBytes = MAX_EXPANSION * size + SLACK;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(4);
      byte[] magic = raw.readNBytes(4);
      raw.reset();
      // Parquet compresses past any ratio and has no lines to count: the API takes CSV only
      if (java.util.Arrays.equals(magic, PARQUET)) throw refused(name, parquet());
      boolean gzip = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
      InputStream in = gzip ? gunzip(raw) : raw;
      if (in == null) return;
      byte[] buffer = new byte[1 << 16];
      long bytes = 0;
      long lines = 0;
      for (int n; (n = read(in, name, buffer)) > 0; ) {
        bytes += n;
        for (int i = 0; i < n; i++) if (buffer[i] == '\n') lines++;
        if (gzip && bytes > maxBytes) throw refused(name, expansion(size, maxBytes));
        if (lines > MAX_ROWS + 1) throw refused(name, tooManyRows());
      }
    }
  }

  /** Null when even the gzip header is broken: the ingest names it (a 6-byte header was a 500). */
  private static @Nullable InputStream gunzip(InputStream raw) {
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (IOException e) {
      return null;
    }
  }

  /** A broken gzip stream is the ingest's to name (it says "not a readable FOCUS CSV file"). */
  private static int read(InputStream in, String name, byte[] buffer) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String expansion(long size, long maxBytes) {
    return "the gzip upload expands to more than "
        + maxBytes
        + " bytes from "
        + size
        + " (got a ratio above "
        + MAX_EXPANSION
        + ":1, expected at most "
        + MAX_EXPANSION
        + ":1 plus 1 MB)";
  }

  private static String parquet() {
    return "the upload is Parquet (expected a FOCUS CSV, plain or gzip: the API bounds an upload"
        + " by its lines and its gzip ratio; ingest Parquet with `nuage ingest` on the server's"
        + " machine)";
  }

  private static String tooManyRows() {
    return "the upload has more than "
        + MAX_ROWS
        + " lines after its header (expected at most "
        + MAX_ROWS
        + " rows per upload; ingest a larger file with `nuage ingest` on the server's machine)";
  }

  private static ValidationException refused(String name, String why) {
    return new ValidationException(
        new Problem(name, 0, 0, "", why + "; nothing from this file was ingested"));
  }
}
