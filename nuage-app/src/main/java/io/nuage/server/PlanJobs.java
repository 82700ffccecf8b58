package io.nuage.server;

import io.nuage.core.NuageException;
import io.nuage.plan.history.Plans;
import io.nuage.scenario.Scenario;
import io.nuage.store.server.PlanRun;
import io.nuage.store.server.PlanRuns;
import io.nuage.store.server.PlanStatus;
import io.nuage.store.server.StoredScenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan jobs: a small executor runs the planner; the store keeps each job and its result so they
 * survive a restart; progress and cancellation of the running ones live here.
 */
final class PlanJobs implements AutoCloseable {
  static final String STOPPED = "the server stopped before the plan finished; start it again";
  private static final Logger LOG = LoggerFactory.getLogger("nuage.plans");

  private final PlanRuns runs;
  private final ScenarioLibrary scenarios;
  private final PlanSolver solver;
  private final StoreReplans replans;
  private final RiskRunner risks;
  private final DealRunner deals;
  private final ServerMetrics metrics;
  private final int maxQueued;
  private final ExecutorService executor;
  private final Map<String, Live> live = new ConcurrentHashMap<>();
  private final AtomicInteger queued = new AtomicInteger();

  /** A job not finished yet: its progress, its cancel flag and its future. */
  private static final class Live implements PlanSolver.PlanProgress {
    volatile double progress;
    volatile boolean cancelled;
    volatile @Nullable Future<?> future;

    @Override
    public void report(double fraction) {
      progress = Math.clamp(fraction, 0.0, 1.0);
    }

    @Override
    public boolean cancelled() {
      return cancelled;
    }
  }

  /** A job as the API shows it. */
  record View(PlanRun run, double progress) {}

  /** A failed job's message is an answer too: no server paths or engine text in it. */
  private final Redaction redaction;

  PlanJobs(
      PlanRuns runs,
      ScenarioLibrary scenarios,
      PlanSolver solver,
      StoreReplans replans,
      RiskRunner risks,
      DealRunner deals,
      ServerMetrics metrics,
      int workers,
      int maxQueued,
      Redaction redaction) {
    this.redaction = redaction;
    this.replans = replans;
    this.risks = risks;
    this.deals = deals;
    this.runs = runs;
    this.scenarios = scenarios;
    this.solver = solver;
    this.metrics = metrics;
    this.maxQueued = maxQueued;
    int failed = runs.failUnfinished(STOPPED);
    if (failed > 0)
      LOG.info("{} plan jobs left unfinished by a previous run marked FAILED", failed);
    this.executor =
        Executors.newFixedThreadPool(
            workers, Thread.ofPlatform().name("nuage-plan-", 1).daemon(true).factory());
  }

  /** A job's work: solve it, then keep its feasible result (unless the job was cancelled). */
  private interface Work {
    PlanSolver.SolvedPlan solve(Live job);

    void keep(PlanSolver.SolvedPlan plan);
  }

  View start(String scenarioId) {
    StoredScenario scenario = scenarios.get(scenarioId);
    return enqueue(
        scenario,
        new Work() {
          @Override
          public PlanSolver.SolvedPlan solve(Live job) {
            return solver.solve(scenarios.scenario(scenario.id()), scenario.fileName(), job);
          }

          @Override
          public void keep(PlanSolver.SolvedPlan plan) {
            replans.keepPlan(scenario, plan.json());
          }
        });
  }

  /**
   * A re-plan job (docs/server.md, "Re-plan jobs"): its inputs are checked now, so bad input is
   * refused (400) before any job exists; the solve runs as a plan job's does.
   */
  View startReplan(String scenarioId, java.time.@Nullable LocalDate asOf, boolean allowMissing) {
    StoredScenario scenario = scenarios.get(scenarioId);
    var prepared = replans.prepare(scenarios.scenario(scenario.id()), scenario, asOf, allowMissing);
    var solved = new java.util.concurrent.atomic.AtomicReference<StoreReplans.Solved>();
    return enqueue(
        scenario,
        new Work() {
          @Override
          public PlanSolver.SolvedPlan solve(Live job) {
            StoreReplans.Solved s = replans.solve(prepared, job);
            solved.set(s);
            return new PlanSolver.SolvedPlan(s.replan().plan() != null, s.json());
          }

          @Override
          public void keep(PlanSolver.SolvedPlan plan) {
            replans.keep(prepared, solved.get());
          }
        });
  }

  /**
   * A risk job (docs/server.md, "Risk jobs"): the same queue, limits and store as plan jobs, an id
   * of its own kind ({@code rk_}), its result the risk JSON; nothing is kept as a plan.
   */
  View startRisk(RiskRequest request) {
    StoredScenario scenario = scenarios.get(request.scenario());
    return enqueueReport(
        scenario,
        Kind.RISK,
        job ->
            risks.run(
                scenarios.scenario(scenario.id()),
                Plans.contentHash(scenario.yaml()),
                request,
                job));
  }

  /**
   * A deal job (docs/server.md, "Deal jobs"): as a risk job, with ids {@code dl_} and the deal
   * JSON; its contract and sizes are checked against the scenario now, so bad input makes no job.
   */
  View startDeal(DealRequest request) {
    StoredScenario scenario = scenarios.get(request.scenario());
    Scenario s = scenarios.scenario(scenario.id());
    DealRunner.Job deal = deals.prepare(s, Plans.contentHash(scenario.yaml()), request);
    return enqueueReport(scenario, Kind.DEAL, deal::run);
  }

  /** A job whose result is a report (risk, deal): always feasible, nothing kept as a plan. */
  private View enqueueReport(StoredScenario scenario, Kind kind, Function<Live, String> report) {
    return enqueue(
        scenario,
        kind,
        new Work() {
          @Override
          public PlanSolver.SolvedPlan solve(Live job) {
            return new PlanSolver.SolvedPlan(true, report.apply(job));
          }

          @Override
          public void keep(PlanSolver.SolvedPlan plan) {
            // a report is not a plan: nothing for a re-plan to follow
          }
        });
  }

  /** The kinds of job, told apart by their ids' prefix; each answers only on its own paths. */
  enum Kind {
    PLAN("pl_", "plan"),
    RISK("rk_", "risk job"),
    DEAL("dl_", "deal job");

    final String prefix;
    final String noun;

    Kind(String prefix, String noun) {
      this.prefix = prefix;
      this.noun = noun;
    }

    static Kind of(String id) {
      for (Kind k : values()) if (id.startsWith(k.prefix)) return k;
      return PLAN;
    }
  }

  private View enqueue(StoredScenario scenario, Work work) {
    return enqueue(scenario, Kind.PLAN, work);
  }

  private View enqueue(StoredScenario scenario, Kind kind, Work work) {
    if (queued.incrementAndGet() > maxQueued) {
      queued.decrementAndGet();
      throw new HttpProblem.TooManyRequests(
          maxQueued + " plan jobs are already waiting; try again when one has started");
    }
    PlanRun run = runs.add(scenario.id(), kind.prefix);
    var job = new Live();
    live.put(run.id(), job);
    job.future = executor.submit(() -> run(run.id(), job, work));
    return new View(run, 0.0);
  }

  /** A plan or re-plan job. */
  View get(String id) {
    return find(id, Kind.PLAN);
  }

  /** A job of {@code kind}: 404 for an unknown id or another kind's. */
  View find(String id, Kind kind) {
    PlanRun run =
        runs.find(id)
            .filter(r -> Kind.of(r.id()) == kind)
            .orElseThrow(
                () -> new HttpProblem.NotFound("no " + kind.noun + " with id '" + id + "'"));
    return view(run);
  }

  /** Plan and re-plan jobs, newest first (risk and deal jobs are not plans). */
  List<View> list() {
    return runs.list().stream().filter(r -> Kind.of(r.id()) == Kind.PLAN).map(this::view).toList();
  }

  View cancel(String id, String by) {
    return cancel(id, by, Kind.PLAN);
  }

  /** Cancels a job of {@code kind}: 409 when it has already finished. */
  View cancel(String id, String by, Kind kind) {
    PlanRun run = find(id, kind).run();
    if (run.status().finished()) {
      throw new HttpProblem.Conflict(
          kind.noun
              + " "
              + id
              + " has already finished ("
              + run.status().name().toLowerCase(java.util.Locale.ROOT)
              + ")");
    }
    Live job = live.get(id);
    if (job != null) {
      job.cancelled = true;
      Future<?> future = job.future;
      if (future != null && future.cancel(false)) {
        // it never started: nothing else will finish it
        queued.decrementAndGet();
        live.remove(id);
        metrics.planFinishedWithoutRunning("cancelled");
      }
    }
    // it keeps how far it had come: a cancelled job is not a done one
    runs.finished(
        id,
        PlanStatus.CANCELLED,
        job == null ? null : job.progress,
        null,
        "cancelled by token " + by);
    return find(id, kind);
  }

  /**
   * A job's progress: a live one's as it goes; a finished one's as recorded when it finished (1
   * with a result, where a cancelled or failed job stopped), else 1 with a result and 0 without.
   */
  private View view(PlanRun run) {
    Live job = live.get(run.id());
    double progress;
    if (!run.status().finished()) progress = job == null ? 0.0 : job.progress;
    else if (run.progress() != null) progress = run.progress();
    else progress = run.resultJson() != null ? 1.0 : 0.0;
    return new View(run, progress);
  }

  private void run(String id, Live job, Work work) {
    queued.decrementAndGet();
    if (job.cancelled) return;
    runs.started(id);
    metrics.planStarted();
    long t0 = System.nanoTime();
    String outcome = "failed";
    try {
      PlanSolver.SolvedPlan plan = work.solve(job);
      if (job.cancelled()) {
        outcome = "cancelled";
      } else {
        outcome = plan.feasible() ? "succeeded" : "infeasible";
        // kept first: a plan the job reports is one a re-plan can follow
        if (plan.feasible()) work.keep(plan);
        runs.finished(
            id,
            plan.feasible() ? PlanStatus.SUCCEEDED : PlanStatus.INFEASIBLE,
            1.0,
            plan.json(),
            null);
      }
    } catch (NuageException e) {
      runs.finished(id, PlanStatus.FAILED, job.progress, null, redaction.apply(e.getMessage()));
    } catch (RuntimeException | Error e) {
      // an Error too (a native library that fails to load): the job must never stay RUNNING
      if (job.cancelled()) {
        outcome = "cancelled";
      } else {
        LOG.error("plan {} failed: {}", id, ProblemResponses.trace(e));
        runs.finished(
            id,
            PlanStatus.FAILED,
            job.progress,
            null,
            "internal error; the server log has details");
      }
    } finally {
      metrics.planEnded(outcome, Duration.ofNanos(System.nanoTime() - t0));
      live.remove(id);
    }
  }

  @Override
  public void close() {
    live.values().forEach(job -> job.cancelled = true);
    // no interrupts: the solver cannot be interrupted anyway, and an interrupt that lands while
    // OR-Tools extracts its native library leaves the library unusable for the whole process
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runs.failUnfinished(STOPPED);
  }
}
