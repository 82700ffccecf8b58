package io.nuage.store.server;

import io.nuage.core.NuageException;
import java.util.Locale;

/** What a token may do; each role may do everything the roles before it may. */
public enum Role {
  VIEWER,
  PLANNER,
  ADMIN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this role is at least {@code needed}. */
  public boolean allows(Role needed) {
    return compareTo(needed) >= 0;
  }

  public static Role fromLabel(String label) {
    for (Role role : values()) {
      if (role.label().equals(label)) return role;
    }
    throw new NuageException(
        "unknown role (got '" + label + "', expected viewer, planner or admin)");
  }
}
