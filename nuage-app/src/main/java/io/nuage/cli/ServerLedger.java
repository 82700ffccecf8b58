package io.nuage.cli;

import io.nuage.core.NuageException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nuage ledger [reconcile] --server URL}: the server's answer, which is exactly the JSON the
 * local command prints with {@code --format json} (the API calls the same {@code LedgerJson}). The
 * tables are drawn from the domain objects the local store gives, so through a server the answer is
 * that JSON.
 */
final class ServerLedger {
  private ServerLedger() {}

  static int print(
      CommandSpec spec,
      ServerOption server,
      LedgerOptions options,
      String endpoint,
      @Nullable LocalDate asOf) {
    if (spec.commandLine().getParseResult().hasMatchedOption("--format")
        && options.format != LedgerOptions.Format.json) {
      throw new NuageException(
          "--format "
              + options.format
              + ": not with --server (the server answers the ledger's JSON; leave --format out or"
              + " give --format json)");
    }
    if (options.scenario == null) {
      throw new NuageException("nuage ledger: --scenario FILE is required");
    }
    ServerClient client = server.client(options.db);
    var params = new LinkedHashMap<String, String>();
    params.put("scenario", ServerScenarios.id(client, options.scenario));
    if (asOf != null) params.put("asOf", asOf.toString());
    String json = client.getText("api/ledger/" + endpoint + ServerClient.query(params));
    var out = spec.commandLine().getOut();
    out.println(LedgerJson.indent(json));
    out.flush();
    return 0;
  }
}
