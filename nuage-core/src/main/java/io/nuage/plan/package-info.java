/**
 * The planner: places every workload of a scenario at minimum total cost with OR-Tools, proves a
 * bound, prices the baselines and explains the result. The model is documented in docs/planner.md;
 * {@link io.nuage.plan.Planner} is the entry point.
 */
@NullMarked
package io.nuage.plan;

import org.jspecify.annotations.NullMarked;
