package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.history.PlanKind;
import io.nuage.plan.history.Plans;
import io.nuage.plan.replan.Replan;
import io.nuage.plan.replan.ReplanJson;
import io.nuage.replan.StoreReplan;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.plans.DuckDbPlans;
import io.nuage.store.server.StoredScenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Re-plans and kept plans for the server (docs/server.md, "Re-plan jobs"): a re-plan's inputs are
 * checked when the job is asked for (bad input is a 400 and no job), the solve runs in the job, and
 * every feasible plan or re-plan a job finishes is kept as its scenario's latest. Each use reads
 * through a connection of its own ({@link Store#duplicate}).
 */
public final class StoreReplans {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Store store;
  private final PlanOptions options;

  public StoreReplans(Store store, PlanOptions options) {
    this.store = store;
    this.options = options;
  }

  /** A re-plan of a stored scenario, read and checked; nothing solved or stored yet. */
  StoreReplan.Prepared prepare(
      Scenario scenario, StoredScenario stored, @Nullable LocalDate asOf, boolean allowMissing) {
    try (Store reader = store.duplicate()) {
      return StoreReplan.prepare(
          reader,
          new StoreReplan.Request(
              scenario,
              stored.fileName(),
              Plans.contentHash(stored.yaml()),
              asOf,
              null,
              options,
              StoreReplan.Caller.API,
              allowMissing));
    }
  }

  /** Solves a prepared re-plan, reporting progress as a share of the time limit. */
  Solved solve(StoreReplan.Prepared prepared, PlanSolver.PlanProgress progress) {
    return OptimiserSolver.ticking(
        options,
        progress,
        () -> {
          Replan replan = StoreReplan.run(prepared);
          return new Solved(replan, ReplanJson.write(replan));
        });
  }

  /** What a re-plan job found, kept until the job knows it was not cancelled. */
  record Solved(Replan replan, String json) {}

  void keep(StoreReplan.Prepared prepared, Solved solved) {
    try (Store writer = store.duplicate()) {
      StoreReplan.keep(writer, prepared, solved.replan(), solved.json());
    }
  }

  /** Keeps a plan job's feasible plan as its scenario's latest (what re-plans follow). */
  void keepPlan(StoredScenario stored, String planJson) {
    JsonNode plan;
    try {
      plan = JSON.readTree(planJson);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a plan job's result is not JSON", e);
    }
    new DuckDbPlans(store)
        .add(
            stored.name(),
            stored.fileName(),
            Plans.contentHash(stored.yaml()),
            PlanKind.PLAN,
            null,
            plan.path("status").asText(),
            new BigDecimal(plan.path("totalCost").asText()),
            planJson);
  }
}
