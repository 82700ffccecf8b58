package io.nuage.scratch;

import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.plan.recourse.Unmet;
import io.nuage.risk.*;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.Repo;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void scratch() throws Exception {
    Scenario s = ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml"));
    FutureSampler sampler = new FutureSampler(s, s.uncertainty(), 1);
    for (int i = 0; i < 4; i++) {
      Future f = sampler.draw(i);
      Scenario fs = FutureScenario.of(s, f);
      RecourseTerms terms = PlannerRecourse.terms(fs, f);
      for (RecourseMethod m : RecourseMethod.values()) {
        long t0 = System.nanoTime();
        RecoursePlan r = Planner.serve(fs, PlanOptions.defaults(), terms, m);
        System.out.printf(
            "future %d %s %.1fs total %s lb %s unmet %s%n",
            i, m, (System.nanoTime() - t0) / 1e9, r.totalCost(), r.lowerBound(), r.unmetGpuHours());
        for (Unmet u : r.unmet()) if (u instanceof Unmet.Run) System.out.println("   " + u);
        BigDecimal fleets =
            r.unmet().stream()
                .filter(u -> u instanceof Unmet.Fleet)
                .map(Unmet::referenceGpuHours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        System.out.println(
            "   fleet unmet "
                + fleets
                + " in "
                + r.unmet().stream().filter(u -> u instanceof Unmet.Fleet).count()
                + " rows; lost "
                + f.providerLoss()
                + " cancelled "
                + f.cancelled()
                + " sizes "
                + f.sizes());
      }
    }
  }
}
