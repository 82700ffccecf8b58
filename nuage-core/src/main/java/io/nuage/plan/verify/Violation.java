package io.nuage.plan.verify;

/** One broken rule, with what was found and what was expected, in words. */
public record Violation(Rule rule, String message) {
  @Override
  public String toString() {
    return rule + ": " + message;
  }
}
