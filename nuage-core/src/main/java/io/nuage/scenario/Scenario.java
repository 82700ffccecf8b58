package io.nuage.scenario;

import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Catalog;
import io.nuage.contract.Contract;
import io.nuage.core.Checks;
import io.nuage.core.MonthRange;
import io.nuage.workload.Workload;
import java.util.List;
import java.util.Objects;

/**
 * Everything a plan needs: the horizon, what can be bought (catalog and capacity), what was already
 * agreed (contracts), what must run (workloads) and the rules (policy). Cross-references are
 * checked by the parser, which can say where a bad one is; this record is their result.
 */
public record Scenario(
    String name,
    MonthRange horizon,
    Catalog catalog,
    List<CapacityStep> capacity,
    List<Contract> contracts,
    List<Workload> workloads,
    Policy policy) {
  public Scenario {
    Checks.id(name, "scenario.name");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(catalog, "catalog");
    capacity = List.copyOf(capacity);
    contracts = List.copyOf(contracts);
    workloads = List.copyOf(workloads);
    Objects.requireNonNull(policy, "policy");
  }

  public <T extends Contract> List<T> contracts(Class<T> kind) {
    return contracts.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  public <T extends Workload> List<T> workloads(Class<T> kind) {
    return workloads.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
