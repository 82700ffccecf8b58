/**
 * Re-planning wired to the store (docs/replan.md): the plan being followed read from a plan JSON
 * ({@link io.nuage.replan.PlanDocument}), the fixed past from the ledger in the store, the result
 * kept in the store's plans ({@link io.nuage.replan.StoreReplan}). Used by {@code nuage replan} and
 * {@code POST /api/replans} alike.
 */
@NullMarked
package io.nuage.replan;

import org.jspecify.annotations.NullMarked;
