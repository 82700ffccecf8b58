package io.nuage.store;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the store lives: {@code --db PATH}, else {@code NUAGE_DB}, else {@code
 * ~/.nuage/nuage.duckdb} (one ledger per user, whatever the working directory; see docs/ledger.md).
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
    return Path.of(home, ".nuage", "nuage.duckdb");
  }
}
