package io.nuage.server;

import io.nuage.catalog.Offering;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the server exposes, wired by {@code ServeCommand} to the real parser, planner, ledger and
 * catalog: the server itself only adds HTTP, auth and jobs around them.
 *
 * @param catalog the offerings of the catalog imported at start (empty without --catalog)
 */
public record Capabilities(
    ScenarioReader scenarios,
    PlanSolver planner,
    LedgerService ledger,
    Supplier<List<Offering>> catalog) {
  public Capabilities {
    Objects.requireNonNull(scenarios, "scenarios");
    Objects.requireNonNull(planner, "planner");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(catalog, "catalog");
  }
}
