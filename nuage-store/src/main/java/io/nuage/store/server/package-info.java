/**
 * The tables the server owns: API tokens (salted hashes only), uploaded scenarios and plan runs.
 * Each is a plural-noun class over a {@link io.nuage.store.server.ConnectionSource}.
 */
@NullMarked
package io.nuage.store.server;

import org.jspecify.annotations.NullMarked;
