package io.nuage.server;

import io.nuage.risk.RiskAnalysis;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Futures served, as a job's progress between {@code from} and {@code to} (risk and deal jobs): in
 * proportion when their count is told ({@code start(n)}), else (a bisection: {@code start(0)}) a
 * step of 1/48 of the span per future, never past {@code to}. A job never says 1 before it ends,
 * and a cancelled one stops at its next future.
 */
final class JobTicks implements RiskAnalysis.Progress {
  private static final int UNCOUNTED_STEPS = 48;

  private final PlanSolver.PlanProgress job;
  private final double from;
  private final double to;
  private final AtomicLong total = new AtomicLong(UNCOUNTED_STEPS);
  private final AtomicLong served = new AtomicLong();

  JobTicks(PlanSolver.PlanProgress job, double from, double to) {
    if (!(0 <= from && from <= to && to < 1))
      throw new IllegalArgumentException("expected 0 <= from <= to < 1");
    this.job = job;
    this.from = from;
    this.to = to;
  }

  @Override
  public void start(long futures) {
    total.set(futures > 0 ? futures : UNCOUNTED_STEPS);
  }

  @Override
  public void served() {
    if (job.cancelled()) throw new CancellationException("job cancelled");
    double share = Math.min(1.0, (double) served.incrementAndGet() / total.get());
    job.report(from + (to - from) * share);
  }
}
