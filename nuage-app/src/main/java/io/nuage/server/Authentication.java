package io.nuage.server;

import io.javalin.http.Context;
import io.nuage.store.server.Role;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks the bearer token (401) and the route's role (403). Every path under /api/ needs a valid
 * token, matched or not, so that an unauthenticated caller learns nothing about which exist.
 */
final class Authentication {
  static final String PRINCIPAL = "nuage.principal";
  private final TokenTable tokens;

  Authentication(TokenTable tokens) {
    this.tokens = tokens;
  }

  /** Before every request under /api/: a valid token is required. */
  void authenticateApi(Context ctx) {
    if (ctx.path().startsWith("/api/") || ctx.path().equals("/api")) principal(ctx);
  }

  /** Before every matched route: the route's role, if it has one, is required. */
  void authorize(Context ctx) {
    Set<?> roles = ctx.routeRoles();
    Role needed = null;
    for (Object r : roles) {
      if (r instanceof Access access && access.needed() != null) needed = access.needed();
    }
    if (needed == null) return;
    Principal who = principal(ctx);
    if (!who.role().allows(needed)) {
      throw new HttpProblem.Forbidden(
          "this needs the "
              + needed.label()
              + " role; token "
              + who.tokenId()
              + " has "
              + who.role().label());
    }
  }

  static @Nullable Principal current(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  private Principal principal(Context ctx) {
    Principal known = current(ctx);
    if (known != null) return known;
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new HttpProblem.Unauthorized(
          "this needs a bearer token: Authorization: Bearer <token> (see nuage token create)");
    }
    String scheme = "bearer ";
    if (header.length() <= scheme.length()
        || !header.substring(0, scheme.length()).toLowerCase(Locale.ROOT).equals(scheme)) {
      throw new HttpProblem.Unauthorized("the Authorization header must use the Bearer scheme");
    }
    Principal who =
        tokens
            .check(header.substring(scheme.length()).strip())
            .orElseThrow(
                () -> new HttpProblem.Unauthorized("the bearer token is unknown or revoked"));
    ctx.attribute(PRINCIPAL, who);
    return who;
  }
}
