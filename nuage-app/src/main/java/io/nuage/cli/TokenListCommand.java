package io.nuage.cli;

import io.nuage.store.Store;
import io.nuage.store.StoreLocation;
import io.nuage.store.server.ApiToken;
import io.nuage.store.server.ApiTokens;
import io.nuage.store.server.ConnectionSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage token list}: every token, never a secret. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens.")
final class TokenListCommand implements Callable<Integer> {
  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "The store (default: $NUAGE_DB, else ~/.nuage/nuage.duckdb).")
  @Nullable Path db;

  @Mixin ServerOption server;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private static final String ROW = "%-16s %-20s %-8s %-28s %s%n";

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (server.given()) {
      var tokens = server.client(db).get("api/tokens").path("tokens");
      out.printf(ROW, "ID", "NAME", "ROLE", "CREATED", "REVOKED");
      for (var t : tokens) {
        String revoked = t.path("revokedAt").isNull() ? "-" : t.path("revokedAt").asText("-");
        out.printf(
            ROW,
            t.path("id").asText(),
            t.path("name").asText(),
            t.path("role").asText(),
            t.path("createdAt").asText(),
            revoked);
      }
      out.flush();
      return 0;
    }
    try (Store store = Store.open(StoreLocation.resolve(db))) {
      out.printf(ROW, "ID", "NAME", "ROLE", "CREATED", "REVOKED");
      for (ApiToken t : new ApiTokens(ConnectionSource.of(store)).list()) {
        out.printf(
            ROW,
            t.id(),
            t.name(),
            t.role().label(),
            t.createdAt(),
            t.revokedAt() == null ? "-" : t.revokedAt());
      }
      out.flush();
    }
    return 0;
  }
}
