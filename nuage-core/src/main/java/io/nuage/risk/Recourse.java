package io.nuage.risk;

import io.nuage.scenario.Scenario;
import java.util.Optional;

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

  /**
   * The scenario as written solved exactly as {@code nuage plan} solves it (docs/risk.md section
   * 2.2): the reported as-written cost, and every future of a run without uncertainty. Empty when
   * this recourse has no planner, or the scenario as written has no plan: then the recourse's
   * answer stands for it.
   */
  default Optional<Served> planned(Scenario scenario) {
    return Optional.empty();
  }
}
