/**
 * The HTTP server ({@code nuage serve}): the REST API, its auth, errors, limits and metrics. See
 * docs/server.md. {@link io.nuage.server.NuageServer} is the entry point.
 */
@NullMarked
package io.nuage.server;

import org.jspecify.annotations.NullMarked;
