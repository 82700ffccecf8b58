package io.nuage.store.server;

import io.nuage.core.Checks;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A token as listed: never its secret nor its hash. */
public record ApiToken(
    String id, String name, Role role, Instant createdAt, @Nullable Instant revokedAt) {
  public ApiToken {
    Checks.id(id, "token.id");
    Checks.id(name, "token.name");
    Objects.requireNonNull(role, "token.role");
    Objects.requireNonNull(createdAt, "token.createdAt");
  }

  public boolean active() {
    return revokedAt == null;
  }
}
