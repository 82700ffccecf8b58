package io.nuage.plan.history;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A plan as the store keeps it.
 *
 * @param scenarioName the scenario's {@code name:}
 * @param scenarioPath the scenario file as given to the command (or the uploaded file's name)
 * @param scenarioHash SHA-256 of the scenario file's bytes, hex: which version was planned
 * @param asOf a re-plan's as-of date, null for a plan
 * @param json the plan JSON (docs/plan-json.md; a re-plan's, docs/replan.md)
 */
public record StoredPlan(
    String id,
    String scenarioName,
    String scenarioPath,
    String scenarioHash,
    PlanKind kind,
    @Nullable LocalDate asOf,
    String status,
    @Nullable BigDecimal totalCost,
    Instant storedAt,
    String json) {
  public StoredPlan {
    Checks.id(id, "plan.id");
    Checks.id(scenarioName, "plan.scenarioName");
    Checks.id(scenarioPath, "plan.scenarioPath");
    Checks.id(scenarioHash, "plan.scenarioHash");
    Objects.requireNonNull(kind, "plan.kind");
    Checks.id(status, "plan.status");
    Objects.requireNonNull(storedAt, "plan.storedAt");
    Checks.id(json, "plan.json");
  }
}
