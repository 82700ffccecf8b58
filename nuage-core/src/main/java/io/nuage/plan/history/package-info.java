/**
 * Plans made and kept: each plan and re-plan of a scenario as its JSON, so that the next re-plan
 * and the ledger's projection read the plan being followed (docs/replan.md, "Stored plans"). The
 * store implements {@link io.nuage.plan.history.Plans}.
 */
@NullMarked
package io.nuage.plan.history;

import org.jspecify.annotations.NullMarked;
