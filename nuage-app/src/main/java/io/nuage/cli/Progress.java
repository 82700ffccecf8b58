package io.nuage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on standard error, the same way for every command: redrawn in place on a terminal; on
 * anything else (a log, a pipe, CI) whole lines every {@link #LOG_EVERY}, with no cursor codes.
 */
public final class Progress {
  /** How often a bar writes a line when standard error is not a terminal. */
  static final Duration LOG_EVERY = Duration.ofSeconds(10);

  private Progress() {}

  /**
   * Whether standard error is a terminal. On Linux it is read from {@code /proc/self/fd/2}; where
   * that cannot be read, a console of the JVM's counts as one.
   */
  public static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** A bar builder with the task's name and the consumer standard error calls for. */
  public static ProgressBarBuilder bar(String task) {
    ProgressBarBuilder b =
        new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII);
    if (stderrIsTerminal()) return b.setConsumer(new InteractiveConsoleProgressBarConsumer(err()));
    PrintStream err = err();
    return b.setUpdateIntervalMillis((int) LOG_EVERY.toMillis())
        .setConsumer(new DelegatingProgressBarConsumer(line -> err.println(line.strip())));
  }

  private static PrintStream err() {
    return System.err;
  }
}
