/** Tests of the HTTP server, each against a real server on a random loopback port. */
@NullMarked
package io.nuage.server;

import org.jspecify.annotations.NullMarked;
