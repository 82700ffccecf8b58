/**
 * An independent plan checker: verifies a plan from the scenario and the plan JSON alone (see
 * docs/plan-json.md), without any class of the optimiser, and recomputes its money to the cent.
 */
@NullMarked
package io.nuage.plancheck;

import org.jspecify.annotations.NullMarked;
