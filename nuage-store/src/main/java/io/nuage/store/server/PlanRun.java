package io.nuage.store.server;

import io.nuage.core.Checks;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A plan job as stored.
 *
 * @param resultJson the plan JSON (docs/plan-json.md) once SUCCEEDED or INFEASIBLE
 * @param error why it FAILED or was CANCELLED, in words
 */
public record PlanRun(
    String id,
    String scenarioId,
    PlanStatus status,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String resultJson,
    @Nullable String error) {
  public PlanRun {
    Checks.id(id, "plan.id");
    Checks.id(scenarioId, "plan.scenarioId");
    Objects.requireNonNull(status, "plan.status");
    Objects.requireNonNull(createdAt, "plan.createdAt");
  }
}
