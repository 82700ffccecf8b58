package io.nuage.plan;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the solvers' own printing off the process's standard output. CBC and CLP write some lines
 * with C's {@code printf} whatever their log level ("1 slacks added" when a basis is singular), and
 * C buffers them until exit, so they landed after the JSON of {@code nuage plan --format json} and
 * broke it. While any solver runs, file descriptor 1 points at {@code /dev/null} (at standard error
 * when {@code NUAGE_DEBUG} is set); the first solver in redirects, the last one out flushes C's
 * buffers and restores it, so concurrent plans in the server nest safely. Where libc cannot be
 * reached (not Linux or macOS), solvers run as they are.
 */
final class NativeStdout {
  /** The few libc calls needed, through JNA (already on the class path for OR-Tools' loader). */
  interface LibC extends Library {
    int dup(int fd);

    int dup2(int from, int to);

    int close(int fd);

    int open(String path, int flags);

    int fflush(@Nullable Pointer stream);
  }

  private static final int STDOUT = 1;
  private static final int STDERR = 2;
  private static final int O_WRONLY = 1;

  /** libc through JNA, loaded at first use (or by {@link #prepare}), not at the process start. */
  private static final class Libc {
    static final @Nullable LibC LIBC = load();
  }

  /**
   * Off unless the process asks ({@link Planner#keepSolverOutputOffStdout}): while it is on, every
   * thread's writes to standard output during a solve are lost too, so only the CLI's own process
   * (whose output is written after the solve) turns it on; a test JVM, whose results travel over
   * standard output, must not (found by the review of issue 9).
   */
  static volatile boolean enabled;

  private static int depth;
  private static int saved = -1;

  private NativeStdout() {}

  private static @Nullable LibC load() {
    try {
      return Native.load("c", LibC.class);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return null;
    }
  }

  /** Loads libc through JNA now, when it will be used (on a thread that prepares the solvers). */
  static boolean prepare() {
    return enabled && Libc.LIBC != null;
  }

  /**
   * Runs {@code solve} with the native standard output set aside. Whether this call redirected is
   * kept with the call, so that {@link #enabled} turning on while a solve runs cannot unbalance the
   * count: a solve that entered before it counted nothing and leaves nothing (a leave without its
   * enter once drove the count below zero, the next two solves each saved the other's {@code
   * /dev/null} as "standard output", and standard output stayed lost for the life of the process: a
   * test JVM's results channel went silent mid-run).
   */
  static <T> T quietly(Supplier<T> solve) {
    boolean entered = enter();
    try {
      return solve.get();
    } finally {
      if (entered) leave();
    }
  }

  /** Whether the solve counts towards the redirection (and must {@link #leave}). */
  private static synchronized boolean enter() {
    LibC libc = enabled ? Libc.LIBC : null;
    if (libc == null) return false;
    if (depth++ > 0) return true;
    libc.fflush(null);
    System.out.flush();
    saved = libc.dup(STDOUT);
    if (saved < 0) return true;
    boolean debug = System.getenv("NUAGE_DEBUG") != null;
    int sink = debug ? STDERR : libc.open("/dev/null", O_WRONLY);
    if (sink >= 0) {
      libc.dup2(sink, STDOUT);
      if (!debug) libc.close(sink);
    }
    return true;
  }

  private static synchronized void leave() {
    LibC libc = Libc.LIBC;
    if (libc == null || --depth > 0 || saved < 0) return;
    libc.fflush(null);
    libc.dup2(saved, STDOUT);
    libc.close(saved);
    saved = -1;
  }

  /** The count of solves inside the redirection now (for tests). */
  static synchronized int depth() {
    return depth;
  }
}
