package io.nuage.risk;

import io.nuage.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves futures on a pool of threads, one {@link Recourse} per thread, and answers in the order
 * asked: whatever the thread count, the same jobs give the same list (docs/risk.md section 3).
 */
public final class FuturePool implements AutoCloseable {
  /** One future of one scenario: {@code base} is the scenario the future is drawn from. */
  public record Job(Scenario base, Future future) {}

  private final ExecutorService pool;
  private final ThreadLocal<Recourse> local;
  private final RiskAnalysis.Progress progress;

  public FuturePool(int threads, Supplier<Recourse> recourses, RiskAnalysis.Progress progress) {
    this.pool = Executors.newFixedThreadPool(threads);
    this.local = ThreadLocal.withInitial(recourses);
    this.progress = progress;
  }

  /** Serves every job; the answers in the order given. */
  public List<Served> serve(List<Job> jobs) {
    List<java.util.concurrent.Future<Served>> pending = new ArrayList<>();
    for (Job job : jobs)
      pending.add(
          pool.submit(
              () -> {
                Served s =
                    local.get().serve(FutureScenario.of(job.base(), job.future()), job.future());
                progress.served();
                return s;
              }));
    List<Served> out = new ArrayList<>();
    try {
      for (java.util.concurrent.Future<Served> p : pending) out.add(p.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while serving futures", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }

  /**
   * Counts {@code n} futures served elsewhere (by a distributed engine) on this pool's progress.
   */
  public void counted(long n) {
    for (long i = 0; i < n; i++) progress.served();
  }

  /** Runs {@code task} on the pool with that thread's recourse. */
  public <T> java.util.concurrent.Future<T> submit(java.util.function.Function<Recourse, T> task) {
    return pool.submit(() -> task.apply(local.get()));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
