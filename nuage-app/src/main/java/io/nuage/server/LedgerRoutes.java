package io.nuage.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nuage.core.ValidationException;
import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /api/ledger: ingest an uploaded FOCUS file (one at a time, atomically), and the draw-down, spend
 * and reconciliation reports. Report answers are kept until the next ingest: only the server writes
 * the ledger while it runs, so an ingest is the only thing that changes them. Reports are computed
 * on their own thread and connection, so a long ingest does not hold them.
 */
final class LedgerRoutes implements AutoCloseable {
  private static final int CACHE_ENTRIES = 512;
  private static final Pattern REJECTED = Pattern.compile("^(\\d+) of \\d+ rows rejected");
  private final LedgerService ledger;
  private final ScenarioLibrary scenarios;
  private final Bodies bodies;
  private final ObjectMapper json;
  private final ServerMetrics metrics;
  private final PlanJobs plans;

  /** Held while an ingest writes through the store's connection: one ingest at a time. */
  private final ReentrantLock ledgerLock = new ReentrantLock();

  /**
   * Held while a report is computed (each through a connection of its own, so never waiting for an
   * ingest: issue 10, item 12); one at a time keeps a burst of clients on a cold key to one
   * computation.
   */
  private final ReentrantLock readLock = new ReentrantLock();

  private final ExecutorService ledgerThread =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("nuage-ledger").daemon(true).factory());

  private final ExecutorService readerThread =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("nuage-ledger-reader").daemon(true).factory());

  /** Bumped by each ingest: an answer computed across an ingest is not kept. */
  private long generation;

  private final Map<String, String> answers = new ConcurrentHashMap<>();

  LedgerRoutes(
      LedgerService ledger,
      ScenarioLibrary scenarios,
      Bodies bodies,
      ObjectMapper json,
      ServerMetrics metrics,
      PlanJobs plans) {
    this.ledger = ledger;
    this.scenarios = scenarios;
    this.bodies = bodies;
    this.json = json;
    this.metrics = metrics;
    this.plans = plans;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/ledger/ingest", this::ingest, Access.PLANNER);
    Reads.get(routes, "/api/ledger/drawdown", this::drawdown, Access.VIEWER);
    Reads.get(routes, "/api/ledger/spend", this::spend, Access.VIEWER);
    Reads.get(routes, "/api/ledger/reconciliation", this::reconciliation, Access.VIEWER);
  }

  private void ingest(Context ctx) throws IOException {
    String name = Params.fileName(ctx, "upload.csv");
    Path file = Files.createTempFile("nuage-ingest-", name.endsWith(".gz") ? ".csv.gz" : ".csv");
    try {
      bodies.toFile(ctx, file);
      UploadBounds.check(file, name); // before the ledger: a bomb never holds it
      LedgerService.Ingested done;
      ledgerLock.lock();
      try {
        done = on(ledgerThread, () -> ledger.ingest(file, name));
      } catch (ValidationException rejected) {
        metrics.ingested(0, rejectedRows(rejected));
        throw rejected;
      } finally {
        synchronized (answers) {
          generation++;
          answers.clear();
        }
        ledgerLock.unlock();
      }
      metrics.ingested(done.accepted(), done.rejected());
      ctx.json(done.report());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void drawdown(Context ctx) {
    String id = Params.required(ctx, "scenario");
    LocalDate asOf = Params.date(ctx, "asOf");
    String planId = Params.optional(ctx, "plan");
    Scenario scenario = scenario(id);
    PlannedConsumption plan;
    String key;
    String planJson = null;
    if (planId == null) {
      // the scenario's latest plan in the store, as the CLI projects; keyed by it, since a plan
      // job or a re-plan may store a newer one without an ingest
      var latest = on(readerThread, () -> ledger.latestPlan(scenario, asOf));
      plan = latest.map(p -> io.nuage.cli.LatestPlan.consumption(p, scenario)).orElse(null);
      key = latest.map(p -> "stored:" + p.id()).orElse("run-rate");
    } else if (planId.equals("none")) {
      plan = null;
      key = "run-rate";
    } else {
      plan = plan(planId, id, scenario);
      key = "job:" + planId;
      planJson = plans.get(planId).run().resultJson();
    }
    String billed = asOf == null ? planJson : null;
    answer(
        ctx,
        "drawdown|" + id + "|" + asOf + "|" + key,
        () ->
            withVsPlan(
                ledger.drawdown(scenario, source(id), asOf, plan), scenario, id, planId, billed),
        io.nuage.cli.LedgerCsv::drawDown);
  }

  /**
   * The draw-down with {@code vsPlan}, as the offline report has it: plan against actual counts
   * everything the plan bills (reservation fees, storage, egress, true-ups besides usage), as
   * {@code nuage ledger vs-plan} does. Not for a re-plan (its past is the bills) nor without bills.
   */
  private JsonNode withVsPlan(
      JsonNode drawdown,
      Scenario scenario,
      String id,
      @org.jspecify.annotations.Nullable String planId,
      @org.jspecify.annotations.Nullable String planJson) {
    if (planJson == null || !(drawdown instanceof com.fasterxml.jackson.databind.node.ObjectNode o))
      return drawdown;
    if (planJson.contains("\"fixedPast\"") || drawdown.path("spend").isEmpty()) return drawdown;
    var planned =
        io.nuage.cli.billing.PlannedSpend.of(scenario, source(id), "plan job " + planId, planJson);
    JsonNode vsPlan = ledger.vsPlan(scenario, source(id), planned);
    if (vsPlan != null) o.set("vsPlan", vsPlan);
    return o;
  }

  private void spend(Context ctx) {
    String id = Params.required(ctx, "scenario");
    answer(
        ctx,
        "spend|" + id,
        () -> ledger.spend(scenario(id), source(id)),
        io.nuage.cli.LedgerCsv::spend);
  }

  /** How a ledger message names a stored scenario: its file name and id. */
  private String source(String id) {
    return scenarios.get(id).fileName() + " (scenario " + id + ")";
  }

  /** A finished plan job of the same scenario, as the projection reads it. */
  private PlannedConsumption plan(String planId, String scenarioId, Scenario scenario) {
    var run = plans.get(planId).run();
    if (!run.scenarioId().equals(scenarioId))
      throw new HttpProblem.BadRequest(
          "plan: job "
              + planId
              + " planned scenario "
              + run.scenarioId()
              + ", not "
              + scenarioId
              + " (expected a plan of the scenario drawn down)");
    if (run.resultJson() == null || run.status() != io.nuage.store.server.PlanStatus.SUCCEEDED)
      throw new HttpProblem.Conflict(
          "plan: job "
              + planId
              + " is "
              + run.status().name().toLowerCase(java.util.Locale.ROOT)
              + " (expected a plan that succeeded)");
    return io.nuage.cli.PlanJsonReader.consumption(
        run.resultJson(), "plan job " + planId, scenario);
  }

  private void reconciliation(Context ctx) {
    String id = Params.required(ctx, "scenario");
    answer(
        ctx,
        "reconciliation|" + id,
        () -> ledger.reconciliation(scenario(id)),
        io.nuage.cli.LedgerCsv::reconciliation);
  }

  /** The ledger's refusal starts with "N of M rows rejected"; else count the problems. */
  private static long rejectedRows(ValidationException e) {
    Matcher m = REJECTED.matcher(e.problems().getFirst().message());
    return m.find() ? Long.parseLong(m.group(1)) : e.problems().size();
  }

  /**
   * Runs store work on a platform thread kept for it (one for ingests, one for reports). Request
   * handlers run on virtual threads, and a DuckDB call (native code) pins its carrier for as long
   * as it runs: a long ingest on a request thread would take one of the few carriers from every
   * other request.
   */
  private static <T> T on(ExecutorService thread, Callable<T> work) {
    try {
      return thread.submit(work).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the ledger", e);
    }
  }

  @Override
  public void close() {
    ledgerThread.shutdown();
    readerThread.shutdown();
  }

  private Scenario scenario(String id) {
    return scenarios.scenario(id);
  }

  /** The answer as JSON, or as {@code csv} makes it when the client asks for CSV. */
  private void answer(
      Context ctx,
      String key,
      Supplier<Object> compute,
      java.util.function.Function<JsonNode, String> csv) {
    String body = answers.get(key);
    if (body == null) {
      // one computation at a time: a burst of clients on a cold key waits here, then reads the
      // cache; an ingest running meanwhile does not hold it (the report reads what is committed)
      readLock.lock();
      try {
        body = answers.get(key);
        if (body == null) {
          long seen;
          synchronized (answers) {
            seen = generation;
          }
          body = json.writeValueAsString(on(readerThread, compute::get));
          synchronized (answers) {
            if (generation == seen) {
              if (answers.size() >= CACHE_ENTRIES) answers.clear();
              answers.put(key, body);
            }
          }
        }
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a ledger report as JSON", e);
      } finally {
        readLock.unlock();
      }
    }
    if (CsvAnswers.wanted(ctx)) CsvAnswers.send(ctx, json, body, csv);
    else ctx.contentType("application/json").result(body);
  }
}
