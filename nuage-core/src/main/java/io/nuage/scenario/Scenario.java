package io.nuage.scenario;

import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Catalog;
import io.nuage.contract.BillingIds;
import io.nuage.contract.Contract;
import io.nuage.core.Checks;
import io.nuage.core.MonthRange;
import io.nuage.uncertainty.Uncertainty;
import io.nuage.workload.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a plan needs: the horizon, what can be bought (catalog and capacity), what was already
 * agreed (contracts), what must run (workloads) and the rules (policy). Cross-references are
 * checked by the parser, which can say where a bad one is; this record is their result.
 *
 * @param currencies the currency of every amount, and the rates that convert bills into it
 * @param billing how bills name each contract, by contract id (contracts absent: none given)
 * @param uncertainty what may differ from what is written (docs/risk.md); none when not said
 */
public record Scenario(
    String name,
    MonthRange horizon,
    Catalog catalog,
    List<CapacityStep> capacity,
    List<Contract> contracts,
    List<Workload> workloads,
    Policy policy,
    Currencies currencies,
    Map<String, BillingIds> billing,
    Uncertainty uncertainty) {
  public Scenario {
    Checks.id(name, "scenario.name");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(catalog, "catalog");
    capacity = List.copyOf(capacity);
    contracts = List.copyOf(contracts);
    workloads = List.copyOf(workloads);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(currencies, "currencies");
    billing = Map.copyOf(billing);
    Objects.requireNonNull(uncertainty, "uncertainty");
    for (String id : billing.keySet()) {
      if (contracts.stream().noneMatch(c -> c.id().equals(id)))
        throw new IllegalArgumentException("billing ids for an unknown contract " + id);
    }
  }

  /** A scenario with nothing uncertain. */
  public Scenario(
      String name,
      MonthRange horizon,
      Catalog catalog,
      List<CapacityStep> capacity,
      List<Contract> contracts,
      List<Workload> workloads,
      Policy policy,
      Currencies currencies,
      Map<String, BillingIds> billing) {
    this(
        name,
        horizon,
        catalog,
        capacity,
        contracts,
        workloads,
        policy,
        currencies,
        billing,
        Uncertainty.NONE);
  }

  /** A scenario in US dollars whose bills are matched by provider name only. */
  public Scenario(
      String name,
      MonthRange horizon,
      Catalog catalog,
      List<CapacityStep> capacity,
      List<Contract> contracts,
      List<Workload> workloads,
      Policy policy) {
    this(name, horizon, catalog, capacity, contracts, workloads, policy, Currencies.USD, Map.of());
  }

  /** The same scenario with other capacity and workloads: a drawn future (docs/risk.md). */
  public Scenario withCapacityAndWorkloads(List<CapacityStep> capacity, List<Workload> workloads) {
    return new Scenario(
        name,
        horizon,
        catalog,
        capacity,
        contracts,
        workloads,
        policy,
        currencies,
        billing,
        uncertainty);
  }

  /**
   * The same scenario with contract {@code id} replaced by {@code replacement}, or removed when it
   * is null (with its billing ids): a deal at another size, or not signed (docs/deals.md).
   */
  public Scenario withContract(String id, @Nullable Contract replacement) {
    List<Contract> kept = new ArrayList<>();
    for (Contract c : contracts) {
      if (!c.id().equals(id)) kept.add(c);
      else if (replacement != null) kept.add(replacement);
    }
    Map<String, BillingIds> bills = new HashMap<>(billing);
    if (replacement == null) bills.remove(id);
    return new Scenario(
        name, horizon, catalog, capacity, kept, workloads, policy, currencies, bills, uncertainty);
  }

  /**
   * The provider a region belongs to: the catalog's, else the prefix of a {@code provider/region}
   * id.
   */
  public String providerOf(String region) {
    return catalog
        .region(region)
        .map(r -> r.provider())
        .orElse(region.contains("/") ? region.substring(0, region.indexOf('/')) : region);
  }

  /** The scenario's currency code (ISO 4217). */
  public String currency() {
    return currencies.currency();
  }

  /** How bills name contract {@code contractId}; {@link BillingIds#NONE} when not said. */
  public BillingIds billingOf(String contractId) {
    return billing.getOrDefault(contractId, BillingIds.NONE);
  }

  public <T extends Contract> List<T> contracts(Class<T> kind) {
    return contracts.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  public <T extends Workload> List<T> workloads(Class<T> kind) {
    return workloads.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
