/**
 * Plans kept in the store ({@link io.nuage.store.plans.DuckDbPlans}, table {@code plans} of
 * migration V101): the plan being followed of each scenario (docs/replan.md, "Stored plans").
 */
@NullMarked
package io.nuage.store.plans;

import org.jspecify.annotations.NullMarked;
