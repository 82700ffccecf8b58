/** The embedded DuckDB store: one file, ordered SQL migrations, plural-noun interfaces. */
@NullMarked
package io.nuage.store;

import org.jspecify.annotations.NullMarked;
