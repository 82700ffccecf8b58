/**
 * The pure parts of the ledger: the FOCUS column catalog the ingest validates against, and the
 * synthetic billing generator used by tests and benchmarks. Storage lives in nuage-store.
 */
@NullMarked
package io.nuage.ledger;

import org.jspecify.annotations.NullMarked;
