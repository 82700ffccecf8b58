package io.nuage.cli;

import io.nuage.store.Store;
import io.nuage.store.StoreLocation;
import io.nuage.store.server.ApiTokens;
import io.nuage.store.server.ConnectionSource;
import io.nuage.store.server.IssuedToken;
import io.nuage.store.server.Role;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage token create --role R [--name N]}: prints the new token once. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create a token and print it once; it cannot be shown again.")
final class TokenCreateCommand implements Callable<Integer> {
  @Option(
      names = "--role",
      required = true,
      paramLabel = "viewer|planner|admin",
      description = "viewer reads; planner also plans and ingests; admin also manages tokens.")
  String role = "";

  @Option(names = "--name", description = "A name to list and revoke it by (default: its id).")
  @Nullable String name;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "The store (default: $NUAGE_DB, else ~/.nuage/nuage.duckdb).")
  @Nullable Path db;

  @Mixin ServerOption server;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Role r = Role.fromLabel(role);
    if (server.given()) return throughServer(r);
    try (Store store = Store.open(StoreLocation.resolve(db))) {
      IssuedToken issued = new ApiTokens(ConnectionSource.of(store)).issue(r, name);
      var out = spec.commandLine().getOut();
      out.println(issued.bearer());
      out.flush();
      spec.commandLine()
          .getErr()
          .printf(
              "token %s (%s, role %s) created; it is shown only this once%n",
              issued.token().id(), issued.token().name(), r.label());
    }
    return 0;
  }

  private int throughServer(Role r) {
    var body = new java.util.LinkedHashMap<String, String>();
    body.put("role", r.label());
    if (name != null) body.put("name", name);
    var created = server.client(db).postJson("api/tokens", body);
    var out = spec.commandLine().getOut();
    out.println(created.path("token").asText());
    out.flush();
    spec.commandLine()
        .getErr()
        .printf(
            "token %s (%s, role %s) created; it is shown only this once%n",
            created.path("id").asText(), created.path("name").asText(), r.label());
    return 0;
  }
}
