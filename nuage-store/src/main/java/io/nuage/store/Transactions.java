package io.nuage.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction on a connection, whose failure is the one reported. DuckDB answers the rollback
 * and the return to auto-commit of a transaction it has already aborted (a full disk, an
 * invalidated database) with "no transaction is active"; thrown from a {@code finally}, that
 * replaced the cause, and a full disk was reported as a transaction error. Here the later errors
 * are attached to the first as suppressed.
 */
public final class Transactions {
  private Transactions() {}

  /** Work done inside the transaction; its result is returned after the commit. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction on {@code c}: commits when it returns, rolls back when it
   * throws, and leaves the connection's auto-commit as it found it.
   */
  public static <T> T inOne(Connection c, Work<T> work) throws SQLException {
    return inOne(c, work, result -> true);
  }

  /** The same, committing only when {@code commit} accepts the result (else rolling back). */
  public static <T> T inOne(Connection c, Work<T> work, java.util.function.Predicate<T> commit)
      throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    Throwable failure = null;
    try {
      T result = work.run();
      if (commit.test(result)) c.commit();
      else c.rollback();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      failure = e;
      try {
        c.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    } finally {
      try {
        c.setAutoCommit(auto);
      } catch (SQLException restore) {
        if (failure == null) throw restore;
        failure.addSuppressed(restore);
      }
    }
  }
}
