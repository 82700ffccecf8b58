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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nuage token revoke ID|NAME}. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
final class TokenRevokeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID|NAME", description = "The token's id or name.")
  String token = "";

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "The store (default: $NUAGE_DB, else ~/.nuage/nuage.duckdb).")
  @Nullable Path db;

  @Mixin ServerOption server;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (server.given()) {
      var t = server.client(db).delete("api/tokens/" + ServerClient.segment(token));
      spec.commandLine()
          .getOut()
          .printf("token %s (%s) revoked%n", t.path("id").asText(), t.path("name").asText());
      spec.commandLine().getOut().flush();
      return 0;
    }
    try (Store store = Store.open(StoreLocation.resolve(db))) {
      ApiToken t = new ApiTokens(ConnectionSource.of(store)).revoke(token);
      spec.commandLine().getOut().printf("token %s (%s) revoked%n", t.id(), t.name());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
