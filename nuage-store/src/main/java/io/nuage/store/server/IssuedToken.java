package io.nuage.store.server;

import java.util.Objects;

/**
 * A token just created, with the full bearer string that is shown once and stored nowhere.
 *
 * @param bearer {@code nuage_<id>_<secret>}
 */
public record IssuedToken(ApiToken token, String bearer) {
  public IssuedToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(bearer, "bearer");
  }

  @Override
  public String toString() {
    // keeps the secret out of any log line that prints this record
    return "IssuedToken[" + token + "]";
  }
}
