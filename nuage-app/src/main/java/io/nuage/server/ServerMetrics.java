package io.nuage.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The server's Prometheus registry and the meters docs/server.md lists. */
final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger plansRunning = new AtomicInteger();
  private final Counter ingestedRows;
  private final Counter rejectedRows;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc.bindTo(registry);
    registry.gauge("nuage.plan.jobs.running", plansRunning);
    ingestedRows =
        Counter.builder("nuage.ledger.ingested.rows")
            .description("FOCUS rows added to the ledger through the API")
            .register(registry);
    rejectedRows =
        Counter.builder("nuage.ledger.rejected.rows")
            .description("FOCUS rows rejected by an ingest through the API")
            .register(registry);
  }

  void request(String method, String route, int status, long nanos) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  void planStarted() {
    plansRunning.incrementAndGet();
  }

  void planEnded(String outcome, Duration took) {
    plansRunning.decrementAndGet();
    Counter.builder("nuage.plan.jobs").tag("outcome", outcome).register(registry).increment();
    Timer.builder("nuage.plan.job.duration")
        .tag("outcome", outcome)
        .register(registry)
        .record(took);
  }

  void planFinishedWithoutRunning(String outcome) {
    Counter.builder("nuage.plan.jobs").tag("outcome", outcome).register(registry).increment();
  }

  void ingested(long accepted, long rejected) {
    ingestedRows.increment(accepted);
    rejectedRows.increment(rejected);
  }

  String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
