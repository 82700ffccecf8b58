package io.nuage.server;

import io.nuage.catalog.Offering;
import io.nuage.plan.PlanOptions;
import io.nuage.scenario.ImportScope;
import io.nuage.scenario.ScenarioParser;
import io.nuage.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the server exposes, wired by {@code ServeCommand} to the real parser, planner, ledger and
 * catalog: the server itself only adds HTTP, auth and jobs around them.
 *
 * @param catalog the offerings of the catalog imported on first use (empty without --catalog)
 * @param privatePaths folders of this machine that no answer may show (store, catalogs, home)
 * @param replans re-plans from the store's bills, and the plans kept per scenario
 * @param risks risk jobs: {@code nuage risk}'s analysis and JSON
 * @param deals deal jobs: {@code nuage deal --scale}'s evaluation, break-even and JSON
 */
public record Capabilities(
    ScenarioReader scenarios,
    PlanSolver planner,
    LedgerService ledger,
    Supplier<List<Offering>> catalog,
    List<Path> privatePaths,
    StoreReplans replans,
    RiskRunner risks,
    DealRunner deals) {
  public Capabilities {
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(risks, "risks");
    Objects.requireNonNull(replans, "replans");
    Objects.requireNonNull(scenarios, "scenarios");
    Objects.requireNonNull(planner, "planner");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(catalog, "catalog");
    privatePaths = List.copyOf(privatePaths);
  }

  /**
   * The real capabilities over an open store.
   *
   * @param importFolders the only folders uploaded scenarios' catalog imports may read from, named
   *     relative to one of them (docs/server.md, "Security")
   * @param catalog the folder or files imported for the catalog endpoint, none when null
   */
  public static Capabilities standard(
      Store store, List<Path> importFolders, @Nullable Path catalog, PlanOptions planOptions) {
    Supplier<List<Offering>> offerings = catalog == null ? List::of : new ImportedCatalog(catalog);
    ImportScope imports = ImportScope.confinedTo(importFolders);
    return new Capabilities(
        (name, yaml) -> ScenarioParser.parse(yaml, name, imports),
        new OptimiserSolver(planOptions),
        new StoreLedger(store),
        offerings,
        privatePaths(store, importFolders, catalog),
        new StoreReplans(store, planOptions),
        new RiskRunner(planOptions, Runtime.getRuntime().availableProcessors()),
        new DealRunner(planOptions, Runtime.getRuntime().availableProcessors()));
  }

  private static List<Path> privatePaths(Store store, List<Path> imports, @Nullable Path catalog) {
    var paths = new ArrayList<Path>(imports);
    if (catalog != null) paths.add(catalog);
    Path storeFolder = store.path().toAbsolutePath().getParent();
    if (storeFolder != null) paths.add(storeFolder);
    for (String property : List.of("nuage.home", "user.dir", "user.home", "java.io.tmpdir")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) paths.add(Path.of(value));
    }
    return paths;
  }
}
