package io.nuage.workload;

/** A unit of demand. The kinds are closed: the planner places each one its own way. */
public sealed interface Workload permits TrainingRun, InferenceFleet, StorageDemand {
  /** Unique among the scenario's workloads. */
  String id();
}
