package io.nuage.cli;

import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.plan.history.StoredPlan;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.plans.DuckDbPlans;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The plan a ledger projects with when none is named: the scenario's latest feasible plan in the
 * store (docs/replan.md, "Stored plans"; docs/ledger-drawdown.md, section 4).
 */
public final class LatestPlan {
  private LatestPlan() {}

  /** The latest stored plan of the scenario (by its {@code name:}) that has placements. */
  public static Optional<StoredPlan> of(Store store, Scenario scenario) {
    return of(store, scenario, null);
  }

  /**
   * The latest stored plan of the scenario that has placements and can project the ledger as of
   * {@code asOf}: a re-plan as of a later date places nothing before its as-of date (those months
   * were its actuals), so it is passed over for the plan before it. Null {@code asOf}: the end of
   * what was billed, which no stored re-plan is after.
   */
  public static Optional<StoredPlan> of(
      Store store, Scenario scenario, java.time.@Nullable LocalDate asOf) {
    return new DuckDbPlans(store)
        .of(scenario.name()).stream()
            .filter(p -> p.status().equals("OPTIMAL") || p.status().equals("FEASIBLE"))
            .filter(p -> asOf == null || p.asOf() == null || !p.asOf().isAfter(asOf))
            .findFirst();
  }

  /** What that plan consumes of the scenario's contracts, named {@code stored plan ID}. */
  public static PlannedConsumption consumption(StoredPlan plan, Scenario scenario) {
    return PlanJsonReader.consumption(plan.json(), "stored plan " + plan.id(), scenario);
  }
}
