package io.nuage.scenario;

import io.nuage.workload.InferenceFleet;
import io.nuage.workload.StorageDemand;
import io.nuage.workload.TrainingRun;

/** What a scenario holds, counted: the one-line answer of {@code nuage validate}. */
public record ScenarioSummary(
    int providers,
    int regions,
    int accelerators,
    int offerings,
    int capacitySteps,
    int contracts,
    int workloads,
    int trainingRuns,
    int inferenceFleets,
    int storage) {

  public static ScenarioSummary of(Scenario s) {
    return new ScenarioSummary(
        s.catalog().providers().size(),
        s.catalog().regions().size(),
        s.catalog().accelerators().size(),
        s.catalog().offerings().size(),
        s.capacity().size(),
        s.contracts().size(),
        s.workloads().size(),
        s.workloads(TrainingRun.class).size(),
        s.workloads(InferenceFleet.class).size(),
        s.workloads(StorageDemand.class).size());
  }

  /** {@code 5 providers, 15 regions, ...}: counts only, no file name. */
  public String render() {
    return providers
        + " providers, "
        + regions
        + " regions, "
        + accelerators
        + " accelerators, "
        + offerings
        + " offerings, "
        + capacitySteps
        + " capacity steps, "
        + contracts
        + " contracts, "
        + workloads
        + " workloads ("
        + trainingRuns
        + " training runs, "
        + inferenceFleets
        + " inference fleets, "
        + storage
        + " storage)";
  }
}
