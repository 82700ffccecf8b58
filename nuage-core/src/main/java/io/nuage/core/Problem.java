package io.nuage.core;

import java.util.Objects;

/**
 * One thing wrong with an input, located precisely enough for a person to fix it.
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param path the field, as a dotted path (for example {@code workloads[3].deadline}), or empty
 * @param message what is wrong, ideally ending in "(got X, expected Y)"
 */
public record Problem(String file, int line, int column, String path, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0) throw new IllegalArgumentException("line cannot be negative: " + line);
    if (column < 0) throw new IllegalArgumentException("column cannot be negative: " + column);
  }

  /** Renders as {@code FILE:LINE:COLUMN: path: message}, leaving out what is unknown. */
  public String render() {
    var sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) sb.append(':').append(column);
    }
    sb.append(": ");
    if (!path.isEmpty()) sb.append(path).append(": ");
    return sb.append(message).toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
