package io.nuage.server;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last filter on every problem the server answers: a caller may learn what it sent and what is
 * wrong with it, never where the server keeps its files or what its database engine said. Paths
 * under the server's folders (store, checkout, price catalogs, home, temporary files) lose their
 * folder, a temporary upload file is "the uploaded file", and DuckDB's own error text (which quotes
 * file names and internals) is replaced by what the caller can act on. The sources name uploads as
 * uploaded already; this catches what a future message forgets.
 */
final class Redaction {
  private static final Pattern TEMP_UPLOAD = Pattern.compile("'?nuage-[a-z]+-\\d+[\\w.]*'?");

  /**
   * DuckDB's messages read "Invalid Input Error: ...", "IO Error: ...", "Conversion Error: ...".
   */
  private static final Pattern ENGINE =
      Pattern.compile("(?::\\s*)?\\b(?:[A-Za-z_]+ ){0,3}?[A-Za-z_]+ Error: .*", Pattern.DOTALL);

  static final String ENGINE_SAYS =
      " (the database engine could not read it; check that it is what the endpoint expects;"
          + " nothing was changed)";

  private final List<String> folders;

  /** {@code folders}: the server's own folders, hidden from answers. */
  Redaction(List<Path> folders) {
    this.folders =
        folders.stream()
            .map(p -> p.toAbsolutePath().normalize().toString())
            .filter(p -> p.length() > 1)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  String apply(String text) {
    String out = text;
    Matcher engine = ENGINE.matcher(out);
    if (engine.find()) out = out.substring(0, engine.start()) + ENGINE_SAYS;
    for (String folder : folders) {
      out = out.replace(folder + "/", "").replace(folder, "(server folder)");
    }
    return TEMP_UPLOAD.matcher(out).replaceAll("the uploaded file");
  }
}
