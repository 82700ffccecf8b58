package io.nuage.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.nuage.store.server.ApiTokens;
import io.nuage.store.server.ConnectionSource;
import io.nuage.store.server.PlanRuns;
import io.nuage.store.server.StoredScenarios;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The Nuage HTTP server: REST API under /api/, /openapi.json, /metrics, /health and the dashboard's
 * static files. Start it with {@link #start}; {@link #close} stops it and its plan jobs.
 */
public final class NuageServer implements AutoCloseable {
  /** The classpath folder of the dashboard's static files, served at / when present. */
  static final String DASHBOARD = "/dashboard";

  private final Javalin app;
  private final PlanJobs jobs;
  private final LedgerRoutes ledger;
  private final ServerMetrics metrics;
  private final ConnectionGuard guard;

  /**
   * How the server listens and its limits.
   *
   * @param port 0 picks a free port
   * @param maxBodyBytes the largest request body accepted (413 beyond)
   * @param planWorkers plan jobs run at once
   */
  public record Settings(
      String host,
      int port,
      long maxBodyBytes,
      int planWorkers,
      int maxQueued,
      ConnectionLimits connections) {
    public Settings(String host, int port, long maxBodyBytes, int planWorkers, int maxQueued) {
      this(host, port, maxBodyBytes, planWorkers, maxQueued, ConnectionLimits.defaults());
    }

    public Settings {
      Objects.requireNonNull(connections, "connections");
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535 (got " + port + ")");
      }
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("max body must be positive (got " + maxBodyBytes + ")");
      }
      if (planWorkers < 1) {
        throw new IllegalArgumentException(
            "plan workers must be positive (got " + planWorkers + ")");
      }
      if (maxQueued < 1) {
        throw new IllegalArgumentException("max queued must be positive (got " + maxQueued + ")");
      }
    }

    public static Settings loopback(int port) {
      return new Settings("127.0.0.1", port, 64L << 20, 1, 16);
    }

    public Settings withMaxBody(long bytes) {
      return new Settings(host, port, bytes, planWorkers, maxQueued, connections);
    }

    public Settings withMaxQueued(int jobs) {
      return new Settings(host, port, maxBodyBytes, planWorkers, jobs, connections);
    }

    public Settings withConnectionLimits(ConnectionLimits limits) {
      return new Settings(host, port, maxBodyBytes, planWorkers, maxQueued, limits);
    }
  }

  /**
   * What one client may hold: a request head must arrive whole within {@code headerDeadline} of its
   * first byte (in total, not per byte), a connection silent for {@code idleTimeout} is closed, and
   * at most {@code perAddress} connections per client address and {@code total} in all are open
   * (docs/server.md, "Security").
   */
  public record ConnectionLimits(
      Duration headerDeadline, Duration idleTimeout, int perAddress, int total) {
    public ConnectionLimits {
      if (headerDeadline.isNegative() || headerDeadline.isZero()) {
        throw new IllegalArgumentException("header deadline must be positive");
      }
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idle timeout must be positive");
      }
      if (perAddress < 1) {
        throw new IllegalArgumentException(
            "connections per address must be positive (got " + perAddress + ")");
      }
      if (total < perAddress) {
        throw new IllegalArgumentException(
            "total connections must be at least the per-address cap (got "
                + total
                + " < "
                + perAddress
                + ")");
      }
    }

    public static ConnectionLimits defaults() {
      return new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 128, 1024);
    }
  }

  private NuageServer(
      Javalin app,
      PlanJobs jobs,
      LedgerRoutes ledger,
      ServerMetrics metrics,
      ConnectionGuard guard) {
    this.app = app;
    this.jobs = jobs;
    this.ledger = ledger;
    this.metrics = metrics;
    this.guard = guard;
  }

  /** Starts a server over the store reached through {@code db}. */
  public static NuageServer start(Settings settings, ConnectionSource db, Capabilities caps) {
    ObjectMapper json = Json.mapper();
    var metrics = new ServerMetrics();
    var tokens = new ApiTokens(db);
    var table = new TokenTable(tokens);
    var bodies = new Bodies(settings.maxBodyBytes());
    var library = new ScenarioLibrary(new StoredScenarios(db), caps.scenarios(), json);
    var redaction = new Redaction(caps.privatePaths());
    var jobs =
        new PlanJobs(
            new PlanRuns(db),
            library,
            caps.planner(),
            caps.replans(),
            caps.risks(),
            caps.deals(),
            metrics,
            settings.planWorkers(),
            settings.maxQueued(),
            redaction);
    var auth = new Authentication(table);
    var problems = new ProblemResponses(json, bodies, redaction);
    var templates = RouteTemplates.fromOpenApi(json);
    var access = new AccessLog(json, metrics, templates);
    var ledgerRoutes = new LedgerRoutes(caps.ledger(), library, bodies, json, metrics, jobs);
    var guard = new ConnectionGuard(settings.connections());
    Javalin app =
        Javalin.create(
            config -> {
              configure(config, settings, json);
              limitConnections(config, settings.connections(), guard);
              config.requestLogger.http(access::log);
              if (NuageServer.class.getResource(DASHBOARD) != null) {
                config.staticFiles.add(DASHBOARD, Location.CLASSPATH);
              }
              var routes = config.routes;
              routes.before(bodies::checkDeclaredLength);
              routes.before(auth::authenticateApi);
              routes.beforeMatched(auth::authorize);
              routes.beforeMatched(templates::checkQuery);
              problems.register(routes);
              new SystemRoutes(metrics).register(routes);
              new ScenarioRoutes(library, bodies, json).register(routes);
              new PlanRoutes(jobs, bodies, json).register(routes);
              new ExportRoutes(jobs, library).register(routes);
              new ReportJobRoutes(
                      jobs,
                      bodies,
                      json,
                      "/api/risk",
                      PlanJobs.Kind.RISK,
                      body -> jobs.startRisk(RiskRequest.of(body)))
                  .register(routes);
              new ReportJobRoutes(
                      jobs,
                      bodies,
                      json,
                      "/api/deals",
                      PlanJobs.Kind.DEAL,
                      body -> jobs.startDeal(DealRequest.of(body)))
                  .register(routes);
              ledgerRoutes.register(routes);
              new CatalogRoutes(caps.catalog(), library).register(routes);
              new TokenRoutes(tokens, table, bodies, json).register(routes);
            });
    try {
      app.start(settings.host(), settings.port());
    } catch (RuntimeException e) {
      guard.close();
      ledgerRoutes.close();
      jobs.close();
      metrics.close();
      throw e;
    }
    return new NuageServer(app, jobs, ledgerRoutes, metrics, guard);
  }

  /**
   * Slow or greedy clients: the guard on every connector, Jetty's cap on open connections in total
   * (beyond it Jetty stops accepting until one closes) and the idle timeout.
   */
  private static void limitConnections(
      JavalinConfig config, ConnectionLimits limits, ConnectionGuard guard) {
    config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(guard));
    config.jetty.modifyServer(
        server -> {
          var total = new NetworkConnectionLimit(limits.total(), server);
          // at the cap, idle connections get the header deadline, not the idle timeout: silent
          // connections from many addresses would otherwise keep everyone out for 30 s
          total.setEndPointIdleTimeout(limits.headerDeadline().toMillis());
          server.addBean(total);
          // Javalin adds its connector just before it starts the server
          server.addEventListener(
              new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                  for (Connector connector : server.getConnectors()) {
                    connector.addBean(guard);
                    if (connector instanceof AbstractConnector c) {
                      c.setIdleTimeout(limits.idleTimeout().toMillis());
                    }
                  }
                }
              });
        });
  }

  private static void configure(JavalinConfig config, Settings settings, ObjectMapper json) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.prefer405over404 = true;
    // requests wait on DuckDB, the disk and each other far more than they compute: virtual
    // threads doubled the throughput of the load bench (docs/benchmarks.md); store work that
    // runs long is kept on platform threads (plan jobs, LedgerRoutes' ledger thread)
    config.concurrency.useVirtualThreads = true;
    config.http.maxRequestSize = settings.maxBodyBytes();
    // Jetty answers some malformed requests itself; those too must be problem details
    config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
    config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new SecurityHeaders()));
    config.jsonMapper(new JavalinJackson(json, false));
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    guard.close();
    ledger.close();
    jobs.close();
    metrics.close();
  }
}
