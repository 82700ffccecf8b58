package io.nuage.workload;

import io.nuage.core.Checks;
import java.util.List;
import java.util.Set;

/** An inference fleet: GPU-hours per month per geography, splittable across allowed regions. */
public record InferenceFleet(String id, Set<String> accelerators, List<GeographyDemand> demands)
    implements Workload {
  public InferenceFleet {
    Checks.id(id, "workload.id");
    accelerators = Set.copyOf(accelerators);
    if (accelerators.isEmpty()) {
      throw new IllegalArgumentException(
          "inference fleet " + id + " needs at least one accelerator");
    }
    demands = List.copyOf(demands);
    if (demands.isEmpty()) {
      throw new IllegalArgumentException("inference fleet " + id + " needs at least one geography");
    }
  }
}
