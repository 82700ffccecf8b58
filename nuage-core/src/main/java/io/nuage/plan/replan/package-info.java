/**
 * Re-planning from actuals (docs/replan.md): the past read from the ledger's draw-down and the plan
 * being followed ({@link io.nuage.plan.replan.FixedPasts}), the re-plan itself through the planner,
 * and what it changes against the previous plan and the true-up ahead ({@link
 * io.nuage.plan.replan.Replanner}), as JSON and text.
 */
@NullMarked
package io.nuage.plan.replan;

import org.jspecify.annotations.NullMarked;
