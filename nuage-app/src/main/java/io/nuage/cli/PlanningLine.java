package io.nuage.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on standard error while a plan is solved (the planner reports no fractions, so
 * the line says the seconds spent against the plan's deadline). Nothing for a plan that ends within
 * {@link #QUIET_SECONDS}; after that, on a terminal the line is redrawn in place every second and
 * cleared at the end; elsewhere a whole line every {@link Progress#LOG_EVERY}, no cursor codes.
 */
final class PlanningLine implements AutoCloseable {
  static final int QUIET_SECONDS = 2;

  private final Thread ticker;
  private final PrintWriter err;
  private final boolean terminal;
  private volatile boolean done;
  private boolean drawn;

  /**
   * @param what what is being planned, such as the scenario's name
   * @param limitSeconds the plan's deadline
   */
  PlanningLine(String what, double limitSeconds, PrintWriter err) {
    this(what, limitSeconds, err, Progress.stderrIsTerminal());
  }

  PlanningLine(String what, double limitSeconds, PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
    long start = System.nanoTime();
    long every = terminal ? 1 : Progress.LOG_EVERY.toSeconds();
    this.ticker =
        Thread.ofPlatform()
            .name("nuage-planning-line")
            .daemon()
            .start(
                () -> {
                  try {
                    Thread.sleep(QUIET_SECONDS * 1000L);
                    while (!done) {
                      long s = (System.nanoTime() - start) / 1_000_000_000L;
                      draw(
                          String.format(
                              Locale.ROOT,
                              "planning %s: %d s (at most %.0f s)",
                              what,
                              s,
                              limitSeconds));
                      Thread.sleep(every * 1000L);
                    }
                  } catch (InterruptedException e) {
                    // closed
                  }
                });
  }

  private synchronized void draw(String line) {
    if (done) return;
    if (terminal) err.print("\r" + line + "\u001b[K");
    else err.println(line);
    err.flush();
    drawn = true;
  }

  @Override
  public void close() {
    synchronized (this) {
      done = true;
      if (drawn && terminal) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
    ticker.interrupt();
  }
}
