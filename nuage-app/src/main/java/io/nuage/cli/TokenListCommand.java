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

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (Store store = Store.open(StoreLocation.resolve(db))) {
      var out = spec.commandLine().getOut();
      out.printf("%-16s %-20s %-8s %-28s %s%n", "ID", "NAME", "ROLE", "CREATED", "REVOKED");
      for (ApiToken t : new ApiTokens(ConnectionSource.of(store)).list()) {
        out.printf(
            "%-16s %-20s %-8s %-28s %s%n",
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
