package io.nuage.server;

import io.nuage.store.server.ApiTokens;
import io.nuage.store.server.Credential;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active tokens' credentials in memory, so checking a request costs one SHA-256 and no query.
 * The server is the only process that can write the store while it runs, and it reloads the table
 * after every create or revoke through the API.
 */
final class TokenTable {
  private final ApiTokens tokens;
  private volatile Map<String, Credential> byId = Map.of();

  TokenTable(ApiTokens tokens) {
    this.tokens = tokens;
    reload();
  }

  void reload() {
    var fresh = new ConcurrentHashMap<String, Credential>();
    for (Credential c : tokens.active()) fresh.put(c.token().id(), c);
    byId = fresh;
  }

  /** The principal a bearer string identifies, or empty when it is malformed, unknown or wrong. */
  Optional<Principal> check(String bearer) {
    if (!bearer.startsWith(ApiTokens.PREFIX)) return Optional.empty();
    int idStart = ApiTokens.PREFIX.length();
    int sep = bearer.indexOf('_', idStart + 3); // ids are tk_<hex>; the secret may contain '_'
    if (sep < 0) return Optional.empty();
    Credential credential = byId.get(bearer.substring(idStart, sep));
    if (credential == null || !credential.matches(bearer.substring(sep + 1))) {
      return Optional.empty();
    }
    var token = credential.token();
    return Optional.of(new Principal(token.id(), token.name(), token.role()));
  }
}
