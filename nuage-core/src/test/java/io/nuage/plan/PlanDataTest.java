package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Accelerator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The gang-hour rounding that docs/planner.md and docs/plan-json.md state: up to 1e-3 h. */
class PlanDataTest {
  private static Accelerator speed(String throughput) {
    return new Accelerator("X", "X", 80, new BigDecimal(throughput));
  }

  @Test
  void wallHours_roundUpToTheThousandthOfAnHour() {
    // 1000 / 3 = 333.3333...: up, never down (a gang must finish its work).
    assertThat(PlanData.wallHours(new BigDecimal("1000"), speed("3")))
        .isEqualByComparingTo("333.334");
    assertThat(PlanData.wallHours(new BigDecimal("1000"), speed("3")).scale()).isEqualTo(3);
  }

  @Test
  void wallHours_exactQuotientsAreKept() {
    assertThat(PlanData.wallHours(new BigDecimal("1011"), speed("1.25")))
        .isEqualByComparingTo("808.8");
    assertThat(PlanData.wallHours(new BigDecimal("0.0001"), speed("1")))
        .isEqualByComparingTo("0.001");
  }
}
