package io.nuage.cli;

import io.nuage.core.NuageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A file a command writes. Checked before the work (a plan may solve for minutes, so a bad {@code
 * --out} must not wait for it), written with a message that names the option and the file, never a
 * temporary one.
 */
final class OutputFile {
  private OutputFile() {}

  /**
   * Refuses a path the command could not write: a folder, a path under a file, a read-only place.
   */
  static Path check(CommandSpec spec, String option, Path file, String example) {
    return check(option, file, typed(spec, option, file), example);
  }

  /**
   * The option's value as the user typed it: a {@link Path} drops a trailing slash, so {@code
   * plans/} for a folder not made yet would otherwise become a file named {@code plans}.
   */
  private static String typed(CommandSpec spec, String option, Path file) {
    var matched = spec.commandLine().getParseResult().matchedOption(option);
    if (matched == null || matched.originalStringValues().isEmpty()) return file.toString();
    return matched.originalStringValues().getLast();
  }

  static Path check(String option, Path file, String typed, String example) {
    if (Files.isDirectory(file)
        || typed.endsWith("/")
        || typed.endsWith(file.getFileSystem().getSeparator())) {
      throw new NuageException(
          option
              + ": "
              + file
              + " is a folder (expected a file name, e.g. "
              + file.resolve(example)
              + ")");
    }
    Path ancestor = file.toAbsolutePath().getParent();
    while (ancestor != null && !Files.exists(ancestor)) ancestor = ancestor.getParent();
    if (ancestor != null && !Files.isDirectory(ancestor)) {
      throw new NuageException(
          option + ": cannot write " + file + " (" + ancestor + " is a file, not a folder)");
    }
    if (ancestor != null && !Files.isWritable(ancestor)) {
      throw new NuageException(
          option + ": cannot write " + file + " (no permission to write in " + ancestor + ")");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new NuageException(option + ": cannot write " + file + " (the file is read-only)");
    }
    return file;
  }

  /** Writes {@code text} to a checked file, creating its folders. */
  static void write(String option, Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NuageException(option + ": cannot write " + file + " (" + reason(e) + ")", e);
    }
  }

  /** What went wrong, without the file names the exception repeats. */
  static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    if (e instanceof NoSuchFileException) return "no such file or folder";
    if (e instanceof AccessDeniedException) return "permission denied";
    return String.valueOf(e.getMessage());
  }
}
