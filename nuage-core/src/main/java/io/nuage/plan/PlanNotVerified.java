package io.nuage.plan;

import io.nuage.core.NuageException;

/**
 * Points or plans were found but none holds the rows it was checked against (docs/planner.md,
 * "Verified before reported"): exit 1, the violated rows named. Not a user error (exit 2) and not a
 * time-limit case: a larger {@code --time-limit} is not what is missing.
 */
public final class PlanNotVerified extends NuageException {
  private static final long serialVersionUID = 1L;

  public PlanNotVerified(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return 1;
  }
}
