package io.nuage.risk;

import io.nuage.scenario.Scenario;
import java.util.List;

/**
 * Where a sweep's futures are served: this machine's threads (the default, a {@link FuturePool}) or
 * a distributed engine. Either answers in sample order, so the report reduced from the answers is
 * the same whoever served them (docs/risk.md section 3).
 */
public interface FutureServer {
  /** Serves futures {@code from} (inclusive) to {@code to} of {@code draws}; answers in order. */
  List<Served> serve(Scenario scenario, Draws draws, long from, long to);

  /**
   * Serves futures {@code from} to {@code to} of {@code draws}, drawn from {@code drawnFrom}, once
   * under each of {@code bases} (the same future under several answers, such as a deal at each size
   * and not signed: common random numbers, docs/deals.md section 2); the answers future by future,
   * the bases in order within each. A distributed engine rebuilds the scenarios from its recipe,
   * never from these objects.
   */
  List<Served> serveEach(Scenario drawnFrom, List<Scenario> bases, Draws draws, long from, long to);

  /**
   * How many futures one call should carry: a few per thread for a pool (the progress bar moves,
   * memory stays small), all of them for an engine whose every call is a job to schedule.
   */
  int block();
}
