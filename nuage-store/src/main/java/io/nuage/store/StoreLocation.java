package io.nuage.store;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the store lives: {@code --db PATH}, else {@code NUAGE_DB}, else {@code
 * ~/.nuage/nuage.duckdb} (one ledger per user, whatever the working directory; see docs/ledger.md).
 * {@code ~} is {@code $HOME} as the shell sees it, and the account's home only when it is unset:
 * the JVM's {@code user.home} comes from the password database and ignores {@code HOME=...}.
 */
public final class StoreLocation {
  public static final String ENV = "NUAGE_DB";

  private StoreLocation() {}

  public static Path resolve(@Nullable Path option) {
    return resolve(option, System.getenv(), System.getProperty("user.home"));
  }

  static Path resolve(@Nullable Path option, Map<String, String> env, String home) {
    if (option != null) return option;
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) return Path.of(fromEnv);
    String shellHome = env.get("HOME");
    if (shellHome != null && !shellHome.isBlank()) home = shellHome;
    return Path.of(home, ".nuage", "nuage.duckdb");
  }
}
