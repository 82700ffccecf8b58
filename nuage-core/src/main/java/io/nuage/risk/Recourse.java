package io.nuage.risk;

import io.nuage.scenario.Scenario;

/**
 * Serves one drawn future with the signed contracts (docs/risk.md section 2). One instance per
 * thread: an implementation may keep a built model between futures.
 */
public interface Recourse {
  /**
   * @param future the future's scenario ({@link FutureScenario})
   * @param drawn what was drawn (the market part: prices, lost providers)
   */
  Served serve(Scenario future, Future drawn);
}
