package io.nuage.server;

import io.nuage.store.server.Role;

/** The caller a valid token identifies; logged by token id, never by secret. */
record Principal(String tokenId, String tokenName, Role role) {}
