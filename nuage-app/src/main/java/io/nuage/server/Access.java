package io.nuage.server;

import io.javalin.security.RouteRole;
import io.nuage.store.server.Role;
import org.jspecify.annotations.Nullable;

/** Who may call a route: anyone, or a token with at least a role. */
enum Access implements RouteRole {
  PUBLIC(null),
  VIEWER(Role.VIEWER),
  PLANNER(Role.PLANNER),
  ADMIN(Role.ADMIN);

  private final @Nullable Role needed;

  Access(@Nullable Role needed) {
    this.needed = needed;
  }

  @Nullable Role needed() {
    return needed;
  }
}
