/**
 * The plan verifier: checks a plan against its scenario by the rules of docs/planner.md (capacity,
 * gangs, windows, demand, residency, shares, the right of first refusal) and recomputes its money
 * to the cent (docs/plan-verifier.md). It reads only the scenario's domain and the plan's public
 * value records, never the optimiser's classes: a bug in the planner would need the same misreading
 * of the docs here to go unseen.
 */
@NullMarked
package io.nuage.plan.verify;

import org.jspecify.annotations.NullMarked;
