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
 * @param progress the share of its work done when it finished (1 with a result; where a CANCELLED
 *     or FAILED job stopped); null while unfinished, or when not recorded (a job finished before
 *     migration V102, or failed by a server that stopped)
 */
public record PlanRun(
    String id,
    String scenarioId,
    PlanStatus status,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String resultJson,
    @Nullable String error,
    @Nullable Double progress) {
  public PlanRun {
    Checks.id(id, "plan.id");
    Checks.id(scenarioId, "plan.scenarioId");
    Objects.requireNonNull(status, "plan.status");
    Objects.requireNonNull(createdAt, "plan.createdAt");
    if (progress != null && !(progress >= 0 && progress <= 1))
      throw new IllegalArgumentException("plan.progress must be in [0, 1] (got " + progress + ")");
  }
}
