/**
 * The embedded store: one DuckDB file, created and migrated on first use ({@link
 * io.nuage.store.Store}), found by {@link io.nuage.store.StoreLocation}.
 */
@NullMarked
package io.nuage.store;

import org.jspecify.annotations.NullMarked;
