package io.nuage.ledger.projection;

import java.util.Objects;

/**
 * Where a projection comes from: a plan's consumption for the rest of the year, or the run rate.
 */
public sealed interface ProjectionSource {
  /** What a reader is told about a run-rate projection. */
  String RUN_RATE_LABEL = "if spending stays at today's rate";

  /** {@code plan}, {@code run-rate} or {@code actual}. */
  String label();

  /**
   * Actuals to date plus the plan's consumption for the rest of the year.
   *
   * @param plan the plan's file, or its id in the store
   */
  record Plan(String plan) implements ProjectionSource {
    public Plan {
      Objects.requireNonNull(plan, "plan");
    }

    @Override
    public String label() {
      return "plan";
    }
  }

  /** A closed year: its figures are what was billed, nothing is projected. */
  record Actual() implements ProjectionSource {
    @Override
    public String label() {
      return "actual";
    }
  }

  /** Actuals to date, extended at the average daily consumption of the year so far. */
  record RunRate() implements ProjectionSource {
    @Override
    public String label() {
      return "run-rate";
    }
  }
}
