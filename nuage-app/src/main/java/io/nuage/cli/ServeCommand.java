package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import io.nuage.server.Capabilities;
import io.nuage.server.NuageServer;
import io.nuage.store.Store;
import io.nuage.store.StoreHolder;
import io.nuage.store.StoreLocation;
import io.nuage.store.server.ConnectionSource;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage serve}: the REST API, dashboard and metrics in this process (docs/server.md). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the REST API, the web dashboard and Prometheus metrics.",
      "The API is under /api/ (described at /openapi.json), the dashboard at /, metrics at /metrics.",
      "Every endpoint but /health needs a token from 'nuage token create'."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind = "127.0.0.1";

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "The store (default: $NUAGE_DB, else ~/.nuage/nuage.duckdb).")
  @Nullable Path db;

  @Option(
      names = "--catalog",
      paramLabel = "PATH",
      description = "Price files or folder for /api/catalog (default: $NUAGE_CATALOG, else none).")
  @Nullable Path catalog;

  @Option(
      names = "--catalog-dir",
      paramLabel = "DIR",
      description = {
        "The only folder (besides the shipped examples) that uploaded scenarios' catalog.imports",
        "may read price files from, named relative to it (default: none)."
      })
  @Nullable Path catalogDir;

  @Option(
      names = "--max-body",
      paramLabel = "SIZE",
      description = "Largest request body, e.g. 512KB, 64MB, 1GB (default: ${DEFAULT-VALUE}).")
  String maxBody = "64MB";

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      description = "Open connections in all (default: ${DEFAULT-VALUE}).")
  int maxConnections = NuageServer.ConnectionLimits.defaults().total();

  @Option(
      names = "--max-connections-per-address",
      paramLabel = "N",
      description = {
        "Open connections per client address (default: ${DEFAULT-VALUE});",
        "behind a proxy every client has the proxy's address: raise it to --max-connections."
      })
  int maxPerAddress = NuageServer.ConnectionLimits.defaults().perAddress();

  @Option(
      names = "--plan-workers",
      description = "Plan jobs solved at once (default: ${DEFAULT-VALUE}).")
  int planWorkers = 1;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      description = "Solver time limit per plan job (default: ${DEFAULT-VALUE}).")
  double timeLimit = 60;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // before the store opens: nothing is created for a server that cannot run
    if (planWorkers < 1) {
      throw new NuageException("--plan-workers: must be at least 1 (got " + planWorkers + ")");
    }
    TimeLimit.checked(timeLimit);
    checkPort(bind, port);
    var settings =
        new NuageServer.Settings(bind, port, bytes(maxBody), planWorkers, 16)
            .withConnectionLimits(connectionLimits());
    Path catalogPath = catalog;
    if (catalogPath == null && System.getenv("NUAGE_CATALOG") != null) {
      catalogPath = Path.of(System.getenv("NUAGE_CATALOG"));
    }
    Path home = Path.of(System.getProperty("nuage.home", "."));
    List<Path> importFolders = importFolders(home);
    var stopped = new CountDownLatch(1);
    var closed = new CountDownLatch(1);
    try (Store store = Store.open(StoreLocation.resolve(db))) {
      var caps =
          Capabilities.standard(
              store, importFolders, catalogPath, PlanOptions.defaults().withTimeLimit(timeLimit));
      try (NuageServer server = NuageServer.start(settings, ConnectionSource.of(store), caps);
          // a CLI command refused by the store's lock can then name this server (StoreHolder)
          AutoCloseable announced = StoreHolder.announce(store.path(), url(bind, server.port()))) {
        spec.commandLine()
            .getOut()
            .printf(
                "nuage serving on %s (store %s); Ctrl-C stops it%n",
                url(bind, server.port()), store.path());
        spec.commandLine().getOut().flush();
        // on Ctrl-C the hook waits until the server and the store are closed (plan jobs marked)
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      stopped.countDown();
                      try {
                        closed.await(15, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
        stopped.await();
      }
    } finally {
      closed.countDown();
    }
    return 0;
  }

  /** Where a client on this machine reaches the server. */
  static String url(String bind, int port) {
    String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
  }

  /**
   * Refuses a port out of range or taken, with the option's name. A probe that binds and closes at
   * once: the server binds a moment later, and a race lost in that moment is reported by {@link
   * NuageServer#start} as an internal error, which is rare enough.
   */
  static void checkPort(String bind, int port) {
    if (port < 0 || port > 65535) {
      throw new NuageException(
          "--port: out of range (got " + port + ", expected 1 to 65535, or 0 for any free port)");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new NuageException(
          "--bind: unknown address (got " + bind + ", expected an address such as 127.0.0.1)");
    }
    try (var probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as Jetty does, so a port in TIME_WAIT is not called taken
      probe.bind(new InetSocketAddress(address, port));
    } catch (BindException e) {
      if (port != 0 && e.getMessage() != null && e.getMessage().contains("in use")) {
        throw new NuageException(
            "--port: "
                + port
                + " on "
                + bind
                + " is already in use by another program (choose another --port, or 0 for any"
                + " free one)");
      }
      throw new NuageException(
          "--bind: cannot listen on " + bind + " port " + port + " (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new NuageException(
          "--bind: cannot listen on " + bind + " port " + port + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Where uploads may import price files from: the shipped examples' folder, so the example (which
   * imports catalog/frontier-lab-2027-prices.yaml) uploads as it is, then --catalog-dir.
   */
  private List<Path> importFolders(Path home) {
    if (catalogDir == null) return List.of(home.resolve("examples"));
    if (!Files.isDirectory(catalogDir)) {
      throw new NuageException(
          "--catalog-dir (got '" + catalogDir + "', expected an existing folder of price files)");
    }
    return List.of(home.resolve("examples"), catalogDir);
  }

  private NuageServer.ConnectionLimits connectionLimits() {
    if (maxPerAddress < 1 || maxConnections < maxPerAddress) {
      throw new NuageException(
          "--max-connections and --max-connections-per-address (got "
              + maxConnections
              + " and "
              + maxPerAddress
              + ", expected 1 <= per address <= in all)");
    }
    var defaults = NuageServer.ConnectionLimits.defaults();
    return new NuageServer.ConnectionLimits(
        defaults.headerDeadline(), defaults.idleTimeout(), maxPerAddress, maxConnections);
  }

  /** A size such as 64MB; plain digits are bytes. */
  static long bytes(String size) {
    String s = size.strip().toUpperCase(Locale.ROOT);
    long unit = 1;
    for (String[] suffix : new String[][] {{"KB", "10"}, {"MB", "20"}, {"GB", "30"}}) {
      if (s.endsWith(suffix[0])) {
        unit = 1L << Integer.parseInt(suffix[1]);
        s = s.substring(0, s.length() - 2).strip();
        break;
      }
    }
    try {
      long n = Long.parseLong(s);
      if (n > 0) return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw new NuageException(
        "--max-body (got '" + size + "', expected a positive size such as 512KB, 64MB or 1GB)");
  }
}
