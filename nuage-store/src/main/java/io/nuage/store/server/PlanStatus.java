package io.nuage.store.server;

/** Where a plan job is; the last four are final. */
public enum PlanStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  INFEASIBLE,
  FAILED,
  CANCELLED;

  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }
}
