package io.nuage.spark;

import io.nuage.core.NuageException;
import io.nuage.risk.Served;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a task sends back for one answer of a future: the answer, or why its task stopped. A failure
 * travels as a value, not as an exception out of the task: Spark would rerun the task (four times
 * on a cluster) although its input fails the same way each time, and the driver would see Spark's
 * wrapper with every executor's stack trace instead of Nuage's message. The driver reports the
 * first failure in sample order as the embedded engine would report it: a user's error with its
 * message and exit code, anything else as an internal error.
 */
record Outcome(@Nullable Served served, @Nullable Failure failure) implements Serializable {
  /**
   * Why a task stopped: Nuage's message and exit code, or (not {@code user}) an internal error,
   * with its class and the executor's stack trace (shown with {@code NUAGE_DEBUG=1}).
   */
  record Failure(String message, int exitCode, boolean user, String type, StackTraceElement[] trace)
      implements Serializable {}

  /**
   * An internal error raised on an executor, as it was there: its class and message (after where it
   * happened) and the executor's stack trace, not the driver's.
   */
  static final class ExecutorFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String type;

    ExecutorFailure(String type, String message, StackTraceElement[] trace) {
      super(message);
      this.type = type;
      setStackTrace(trace);
    }

    @Override
    public String toString() {
      return type + ": " + getMessage();
    }
  }

  /** A user's error raised on an executor, with the exit code the embedded engine would give. */
  static final class ExecutorError extends NuageException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    ExecutorError(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    @Override
    public int exitCode() {
      return exitCode;
    }
  }

  static Outcome of(Served served) {
    return new Outcome(served, null);
  }

  static Outcome failed(RuntimeException e, String where) {
    String message = where + java.util.Objects.toString(e.getMessage(), "");
    return new Outcome(
        null,
        e instanceof NuageException n
            ? new Failure(message, n.exitCode(), true, n.getClass().getName(), n.getStackTrace())
            : new Failure(message, 1, false, e.getClass().getName(), e.getStackTrace()));
  }

  /** The answers in order, or the first failure thrown. */
  static List<Served> answers(List<Outcome> outcomes) {
    List<Served> served = new ArrayList<>(outcomes.size());
    for (Outcome o : outcomes) {
      Failure f = o.failure();
      if (f != null) {
        if (f.user()) throw new ExecutorError(f.message(), f.exitCode());
        throw new ExecutorFailure(f.type(), f.message(), f.trace());
      }
      served.add(o.served());
    }
    return served;
  }
}
