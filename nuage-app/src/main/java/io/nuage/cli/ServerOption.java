package io.nuage.cli;

import io.nuage.core.NuageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --server URL}: run the command through a running {@code nuage serve} (docs/server.md). */
final class ServerOption {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "run through the nuage serve at URL (it holds the store), with the token in"
              + " $NUAGE_TOKEN")
  @Nullable String server; // a String: picocli's URI conversion error names Java's exception

  boolean given() {
    return server != null;
  }

  /** The client; {@code db} is the command's {@code --db}, which the server's store replaces. */
  ServerClient client(@Nullable Path db) {
    if (server == null) throw new IllegalStateException("no --server given");
    if (db != null) {
      throw new NuageException(
          "--db and --server: give one (through a server, its store is the one used)");
    }
    URI uri;
    try {
      uri = new URI(server.strip());
    } catch (URISyntaxException e) {
      throw new NuageException(
          "--server: not a server URL (got " + server + ", expected e.g. http://127.0.0.1:8080/)");
    }
    return ServerClient.of(uri);
  }
}
