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
import java.util.Objects;

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

  /**
   * How the server listens and its limits.
   *
   * @param port 0 picks a free port
   * @param maxBodyBytes the largest request body accepted (413 beyond)
   * @param planWorkers plan jobs run at once
   */
  public record Settings(String host, int port, long maxBodyBytes, int planWorkers, int maxQueued) {
    public Settings {
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
      return new Settings(host, port, bytes, planWorkers, maxQueued);
    }

    public Settings withMaxQueued(int jobs) {
      return new Settings(host, port, maxBodyBytes, planWorkers, jobs);
    }
  }

  private NuageServer(Javalin app, PlanJobs jobs, LedgerRoutes ledger, ServerMetrics metrics) {
    this.app = app;
    this.jobs = jobs;
    this.ledger = ledger;
    this.metrics = metrics;
  }

  /** Starts a server over the store reached through {@code db}. */
  public static NuageServer start(Settings settings, ConnectionSource db, Capabilities caps) {
    ObjectMapper json = Json.mapper();
    var metrics = new ServerMetrics();
    var tokens = new ApiTokens(db);
    var table = new TokenTable(tokens);
    var bodies = new Bodies(settings.maxBodyBytes());
    var library = new ScenarioLibrary(new StoredScenarios(db), caps.scenarios(), json);
    var jobs =
        new PlanJobs(
            new PlanRuns(db),
            library,
            caps.planner(),
            metrics,
            settings.planWorkers(),
            settings.maxQueued());
    var auth = new Authentication(table);
    var problems = new ProblemResponses(json, bodies);
    var templates = RouteTemplates.fromOpenApi(json);
    var access = new AccessLog(json, metrics, templates);
    var ledgerRoutes = new LedgerRoutes(caps.ledger(), library, bodies, json, metrics);
    Javalin app =
        Javalin.create(
            config -> {
              configure(config, settings, json);
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
              ledgerRoutes.register(routes);
              new CatalogRoutes(caps.catalog(), library).register(routes);
              new TokenRoutes(tokens, table, bodies, json).register(routes);
            });
    try {
      app.start(settings.host(), settings.port());
    } catch (RuntimeException e) {
      ledgerRoutes.close();
      jobs.close();
      metrics.close();
      throw e;
    }
    return new NuageServer(app, jobs, ledgerRoutes, metrics);
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
    ledger.close();
    jobs.close();
    metrics.close();
  }
}
