package io.nuage.core;

/**
 * The one unchecked root of every error Nuage reports to a user. The CLI maps it to an exit code
 * and the server to an HTTP status, each in one place; its message is meant to be read by a person
 * and never needs a stack trace.
 */
public class NuageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NuageException(String message) {
    super(message);
  }

  public NuageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code this error maps to: 2 for bad input unless a subclass says otherwise. */
  public int exitCode() {
    return 2;
  }
}
