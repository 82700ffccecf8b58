package io.nuage.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock seconds of each phase of planning, reported with the plan for benchmarks. */
final class Stopwatch {
  private final Map<String, Double> laps = new LinkedHashMap<>();
  private long last = System.nanoTime();

  void lap(String phase) {
    long now = System.nanoTime();
    laps.merge(phase, (now - last) / 1e9, Double::sum);
    last = now;
  }

  Map<String, Double> laps() {
    return laps;
  }
}
