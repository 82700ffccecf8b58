/**
 * The plan JSON checker: reads a plan JSON (docs/plan-json.md) into the plan records without the
 * planner's writer and verifies it with the main-code verifier {@code io.nuage.plan.verify}.
 */
@NullMarked
package io.nuage.plancheck;

import org.jspecify.annotations.NullMarked;
