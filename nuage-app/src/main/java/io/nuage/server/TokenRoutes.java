package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nuage.core.NuageException;
import io.nuage.store.server.ApiToken;
import io.nuage.store.server.ApiTokens;
import io.nuage.store.server.IssuedToken;
import io.nuage.store.server.Role;
import io.nuage.store.server.TokenNames;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * /api/tokens, for admins: list, create (the token is in that one response only), revoke; and
 * /api/session, for anyone signed in: which token and role the request carries.
 */
final class TokenRoutes {
  private final ApiTokens tokens;
  private final ReentrantLock revoking = new ReentrantLock();
  private final TokenTable table;
  private final Bodies bodies;
  private final ObjectMapper json;

  record View(String id, String name, String role, Instant createdAt, @Nullable Instant revokedAt) {
    static View of(ApiToken t) {
      return new View(t.id(), t.name(), t.role().label(), t.createdAt(), t.revokedAt());
    }
  }

  record Created(String id, String name, String role, Instant createdAt, String token) {}

  /** Who the bearer token says the caller is: what a client needs to offer only what it may do. */
  record Session(String tokenId, String name, String role) {}

  TokenRoutes(ApiTokens tokens, TokenTable table, Bodies bodies, ObjectMapper json) {
    this.tokens = tokens;
    this.table = table;
    this.bodies = bodies;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    Reads.get(routes, "/api/tokens", this::list, Access.ADMIN);
    routes.post("/api/tokens", this::create, Access.ADMIN);
    routes.delete("/api/tokens/{id}", this::revoke, Access.ADMIN);
    Reads.get(routes, "/api/session", this::session, Access.VIEWER);
  }

  private void session(Context ctx) {
    Principal who = Authentication.current(ctx);
    if (who == null) throw new HttpProblem.Unauthorized("this needs a bearer token");
    ctx.json(new Session(who.tokenId(), who.tokenName(), who.role().label()));
  }

  private void list(Context ctx) {
    ctx.json(Map.of("tokens", tokens.list().stream().map(View::of).toList()));
  }

  private void create(Context ctx) {
    JsonNode body;
    try {
      body = json.readTree(bodies.text(ctx));
    } catch (Exception e) {
      throw new HttpProblem.BadRequest(
          "the body must be a JSON object such as {\"role\": \"viewer\", \"name\": \"ci\"}");
    }
    JsonNode role = body == null ? null : body.get("role");
    if (role == null || !role.isTextual()) {
      throw new HttpProblem.BadRequest(
          "field 'role' is required (expected viewer, planner or admin)");
    }
    Role r = Role.fromLabel(role.asText());
    String name = name(body.get("name"));
    IssuedToken issued;
    try {
      issued = tokens.issue(r, name);
    } catch (NuageException e) {
      if (e.exitCode() == 1) throw e;
      throw new HttpProblem.Conflict(e.getMessage());
    }
    table.reload();
    ApiToken t = issued.token();
    ctx.status(201)
        .json(new Created(t.id(), t.name(), t.role().label(), t.createdAt(), issued.bearer()));
  }

  /**
   * The optional name: a string that {@link TokenNames#check} accepts, since it is listed by {@code
   * nuage token list} and used to revoke; anything else is refused rather than silently replaced.
   */
  private static @Nullable String name(@Nullable JsonNode name) {
    if (name == null || name.isNull()) return null;
    if (!name.isTextual()) {
      throw new HttpProblem.BadRequest(
          "field 'name' (got a JSON "
              + name.getNodeType().name().toLowerCase(Locale.ROOT)
              + ", expected a string of 1 to "
              + TokenNames.MAX_LENGTH
              + " printable characters)");
    }
    try {
      return TokenNames.check(name.asText());
    } catch (NuageException e) {
      throw new HttpProblem.BadRequest("field 'name': " + e.getMessage());
    }
  }

  private void revoke(Context ctx) {
    // the check and the revocation are one step: two admins revoking each other at once both
    // saw two admins and left none
    revoking.lock();
    try {
      revokeChecked(ctx);
    } finally {
      revoking.unlock();
    }
  }

  private void revokeChecked(Context ctx) {
    String id = ctx.pathParam("id");
    ApiToken target =
        tokens
            .find(id)
            .orElseThrow(() -> new HttpProblem.NotFound("no token with id or name '" + id + "'"));
    if (lastActiveAdmin(target)) {
      // through the API this would lock every admin out until someone stops the server
      throw new HttpProblem.Conflict(
          "token "
              + target.id()
              + " is the last admin token: create another admin token first (the CLI's"
              + " 'nuage token revoke' can still revoke it while the server is stopped)");
    }
    ApiToken revoked = tokens.revoke(id);
    table.reload();
    ctx.json(View.of(revoked));
  }

  private boolean lastActiveAdmin(ApiToken target) {
    if (!target.active() || target.role() != Role.ADMIN) return false;
    return tokens.list().stream().filter(t -> t.active() && t.role() == Role.ADMIN).count() <= 1;
  }
}
