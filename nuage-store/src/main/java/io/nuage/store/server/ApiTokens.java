package io.nuage.store.server;

import io.nuage.core.NuageException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API tokens: issues them (the secret is returned once), lists and revokes them, and hands the
 * active ones' credentials to the server. Only a salted SHA-256 of each secret is stored.
 */
public final class ApiTokens {
  /** The prefix of every bearer string; lets a leaked token be recognised by secret scanners. */
  public static final String PREFIX = "nuage_";

  private static final SecureRandom RANDOM = new SecureRandom();
  private final ConnectionSource db;

  public ApiTokens(ConnectionSource db) {
    this.db = db;
  }

  /**
   * Creates a token; the name defaults to its id, must pass {@link TokenNames#check} and must not
   * be used by an active token.
   */
  public IssuedToken issue(Role role, @Nullable String name) {
    String id = "tk_" + HexFormat.of().formatHex(randomBytes(6));
    String tokenName = name == null || name.isBlank() ? id : TokenNames.check(name.strip());
    if (find(tokenName).filter(ApiToken::active).isPresent()) {
      throw new NuageException(
          "token name already used by an active token (got '" + tokenName + "')");
    }
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    byte[] salt = randomBytes(16);
    var token = new ApiToken(id, tokenName, role, Timestamps.now(), null);
    try (Connection c = db.open();
        PreparedStatement st =
            c.prepareStatement(
                "INSERT INTO api_tokens (id, name, role, salt, hash, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
      st.setString(1, id);
      st.setString(2, tokenName);
      st.setString(3, role.label());
      st.setString(4, Credential.hex(salt));
      st.setString(5, Credential.hex(Credential.digest(salt, secret)));
      Timestamps.set(st, 6, token.createdAt());
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreFailure("creating a token", e);
    }
    return new IssuedToken(token, PREFIX + id + "_" + secret);
  }

  /** Every token, newest first, revoked ones included. */
  public List<ApiToken> list() {
    return query("SELECT * FROM api_tokens ORDER BY created_at DESC, id", null).stream()
        .map(Credential::token)
        .toList();
  }

  /** The credentials of the tokens not revoked. */
  public List<Credential> active() {
    return query("SELECT * FROM api_tokens WHERE revoked_at IS NULL", null);
  }

  /** A token by id, else the active token of that name, else the newest of that name. */
  public Optional<ApiToken> find(String idOrName) {
    var byId = query("SELECT * FROM api_tokens WHERE id = ?", idOrName);
    if (!byId.isEmpty()) return Optional.of(byId.getFirst().token());
    return query(
            "SELECT * FROM api_tokens WHERE name = ?"
                + " ORDER BY revoked_at IS NULL DESC, created_at DESC",
            idOrName)
        .stream()
        .map(Credential::token)
        .findFirst();
  }

  /** Revokes a token by id or name; revoking a revoked token changes nothing. */
  public ApiToken revoke(String idOrName) {
    ApiToken token =
        find(idOrName)
            .orElseThrow(
                () -> new NuageException("no token with that id or name (got '" + idOrName + "')"));
    if (!token.active()) return token;
    Instant now = Timestamps.now();
    try (Connection c = db.open();
        PreparedStatement st =
            c.prepareStatement("UPDATE api_tokens SET revoked_at = ? WHERE id = ?")) {
      Timestamps.set(st, 1, now);
      st.setString(2, token.id());
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreFailure("revoking a token", e);
    }
    return new ApiToken(token.id(), token.name(), token.role(), token.createdAt(), now);
  }

  private List<Credential> query(String sql, @Nullable String parameter) {
    try (Connection c = db.open();
        PreparedStatement st = c.prepareStatement(sql)) {
      if (parameter != null) st.setString(1, parameter);
      try (ResultSet rs = st.executeQuery()) {
        var out = new ArrayList<Credential>();
        while (rs.next()) out.add(credential(rs));
        return out;
      }
    } catch (SQLException e) {
      throw new StoreFailure("reading tokens", e);
    }
  }

  private static Credential credential(ResultSet rs) throws SQLException {
    var token =
        new ApiToken(
            rs.getString("id"),
            rs.getString("name"),
            Role.fromLabel(rs.getString("role")),
            Timestamps.require(rs, "created_at"),
            Timestamps.get(rs, "revoked_at"));
    HexFormat hex = HexFormat.of();
    return new Credential(
        token, hex.parseHex(rs.getString("salt")), hex.parseHex(rs.getString("hash")));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
