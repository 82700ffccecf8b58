package io.nuage.plan;

import static io.nuage.plan.TinyScenario.H100;
import static io.nuage.plan.TinyScenario.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmallestCapTest {
  @Test
  void smallestCap_anotherCapBindingIsNotMistakenForInfeasibility() {
    // a is capped at 50%, b at 30%, c has one GPU. By hand (prices 1.00, 1.37, 2.11; 10,007
    // GPU-hours): c takes its 744 h, b exactly 30% of the total T, a the rest: 0.7 T = a + 744 x
    // 2.11 and a = 9,263 - 0.3 T / 1.37, so T = 11,787.92 and a's share is 0.566826: 56.69%.
    // At the optimum b sits on its cap, so the plan priced to the cent can put b a fraction of a
    // cent above it; such a plan was taken for "no plan" and the bisection answered 56.7%.
    Scenario s =
        new TinyScenario("2027-01", "2027-01")
            .region("a/r1", "US", H100, "1.00", 100)
            .region("b/r1", "US", H100, "1.37", 100)
            .region("c/r1", "US", H100, "2.11", 1)
            .fleet("f", "US", Set.of("a/r1", "b/r1", "c/r1"), "10007")
            .policy(new Policy(BigDecimal.ONE, Map.of("a", d("0.5"), "b", d("0.3")), Set.of()))
            .build();
    PlanData data = new PlanData(s, PlanOptions.defaults().maxGangOptions());
    assertThat(SmallestCap.of(data, "a", 2027, 0.5, new Deadline(60)))
        .isEqualByComparingTo("0.5669");
  }
}
