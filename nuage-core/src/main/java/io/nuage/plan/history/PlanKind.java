package io.nuage.plan.history;

/** How a stored plan was made: {@code nuage plan} or {@code nuage replan}. */
public enum PlanKind {
  PLAN,
  REPLAN
}
