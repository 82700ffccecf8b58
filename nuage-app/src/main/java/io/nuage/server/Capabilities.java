package io.nuage.server;

import io.nuage.catalog.Offering;
import io.nuage.plan.PlanOptions;
import io.nuage.scenario.ScenarioParser;
import io.nuage.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the server exposes, wired by {@code ServeCommand} to the real parser, planner, ledger and
 * catalog: the server itself only adds HTTP, auth and jobs around them.
 *
 * @param catalog the offerings of the catalog imported on first use (empty without --catalog)
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

  /**
   * The real capabilities over an open store.
   *
   * @param baseDir where uploaded scenarios' relative catalog imports resolve
   * @param catalog the folder or files imported for the catalog endpoint, none when null
   */
  public static Capabilities standard(
      Store store, Path baseDir, @Nullable Path catalog, PlanOptions planOptions) {
    Supplier<List<Offering>> offerings = catalog == null ? List::of : new ImportedCatalog(catalog);
    return new Capabilities(
        (name, yaml) -> ScenarioParser.parse(yaml, name, baseDir),
        new OptimiserSolver(planOptions),
        new StoreLedger(store),
        offerings);
  }
}
