/** Tests of the server's tables against a real DuckDB file. */
@NullMarked
package io.nuage.store.server;

import org.jspecify.annotations.NullMarked;
