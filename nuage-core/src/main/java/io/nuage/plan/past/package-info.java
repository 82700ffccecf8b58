/**
 * What a re-plan takes as given (docs/planner.md, "Re-planning from actuals"): the months already
 * billed, their spend and contract consumption, and the training runs under way or done. Values
 * only, read by the planner, the verifier and the re-plan report alike.
 */
@NullMarked
package io.nuage.plan.past;

import org.jspecify.annotations.NullMarked;
