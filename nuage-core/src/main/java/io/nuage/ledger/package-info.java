/**
 * The pure parts of the ledger: the FOCUS column catalog the ingest validates against, the
 * synthetic billing generator used by tests and benchmarks, and the draw-down maths (mapping
 * charges to a scenario's contracts, projections per contract year, provider shares against the
 * policy cap, the FOCUS commitment balance rule, contract rates for reconciliation and plan against
 * actual). Storage and the SQL that feeds them live in nuage-store.
 */
@NullMarked
package io.nuage.ledger;

import org.jspecify.annotations.NullMarked;
