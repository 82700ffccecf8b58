/**
 * The ledger's pure computations: mapping FOCUS charges to a scenario's contracts, draw-down and
 * projections per contract year, provider shares against the policy cap, the FOCUS commitment
 * balance rule, contract rates for reconciliation and plan-against-actual variance. The SQL that
 * feeds them lives in nuage-store.
 */
@NullMarked
package io.nuage.ledger;

import org.jspecify.annotations.NullMarked;
