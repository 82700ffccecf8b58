package io.nuage.plan.recourse;

/** How a future's recourse is solved (docs/risk.md section 2.1). */
public enum RecourseMethod {
  /**
   * The LP relaxation (its dual bound proven), its gangs rounded and its fleets placed around them
   * by an LP: no MIP. The fast recourse of a risk run.
   */
  ROUNDED,
  /** As a plan is solved: the MIP (relax and round above the planner's size threshold). */
  MIP
}
