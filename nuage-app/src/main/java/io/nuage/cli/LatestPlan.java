package io.nuage.cli;

import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.plan.history.StoredPlan;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.plans.DuckDbPlans;
import java.util.Optional;

/**
 * The plan a ledger projects with when none is named: the scenario's latest feasible plan in the
 * store (docs/replan.md, "Stored plans"; docs/ledger-drawdown.md, section 4).
 */
public final class LatestPlan {
  private LatestPlan() {}

  /** The latest stored plan of the scenario (by its {@code name:}) that has placements. */
  public static Optional<StoredPlan> of(Store store, Scenario scenario) {
    return new DuckDbPlans(store)
        .latest(scenario.name())
        .filter(p -> p.status().equals("OPTIMAL") || p.status().equals("FEASIBLE"));
  }

  /** What that plan consumes of the scenario's contracts, named {@code stored plan ID}. */
  public static PlannedConsumption consumption(StoredPlan plan, Scenario scenario) {
    return PlanJsonReader.consumption(plan.json(), "stored plan " + plan.id(), scenario);
  }
}
