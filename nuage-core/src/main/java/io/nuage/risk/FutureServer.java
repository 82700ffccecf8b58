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
   * How many futures one call should carry: a few per thread for a pool (the progress bar moves,
   * memory stays small), all of them for an engine whose every call is a job to schedule.
   */
  int block();
}
