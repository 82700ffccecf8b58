package io.nuage.store.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What is needed to check a presented secret: the token's salt and SHA-256(salt || secret). A fast
 * hash is enough because secrets are 256 random bits (docs/server.md says why).
 */
public record Credential(ApiToken token, byte[] salt, byte[] hash) {
  public Credential {
    Objects.requireNonNull(token, "token");
    salt = salt.clone();
    hash = hash.clone();
  }

  /** Constant-time comparison of the hash of {@code secret} with the stored one. */
  public boolean matches(String secret) {
    return MessageDigest.isEqual(hash, digest(salt, secret));
  }

  static byte[] digest(byte[] salt, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credential c && c.token.equals(token);
  }

  @Override
  public int hashCode() {
    return token.hashCode();
  }

  @Override
  public String toString() {
    return "Credential[" + token.id() + "]";
  }
}
