/**
 * The ledger in the store: FOCUS rows ({@link io.nuage.store.ledger.BillingRows}) and the ingestion
 * of FOCUS files into them ({@link io.nuage.store.ledger.Ingestions}), exactly, idempotently and
 * atomically per file. The model is in docs/ledger.md.
 */
@NullMarked
package io.nuage.store.ledger;

import org.jspecify.annotations.NullMarked;
