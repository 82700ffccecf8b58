package io.nuage.plan;

import static io.nuage.plan.TinyScenario.H100;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.verify.PlanVerifier;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Regression: a horizon that does not start in January. The planner caps each calendar year's
 * shares (docs/planner.md, {@code addSpendShareLimits}); the verifier counted twelve-month blocks
 * from the horizon's start, so every plan of such a scenario was refused ("no plan holds against
 * its scenario": the example with its horizon moved to 2026-07 could not be planned at all).
 */
class CalendarYearSharesTest {

  /** November 2026 to October 2027: one twelve-month block, two calendar years. */
  static Scenario scenario() {
    TreeMap<YearMonth, BigDecimal> demand = new TreeMap<>();
    for (YearMonth m = YearMonth.of(2026, 11);
        !m.isAfter(YearMonth.of(2027, 10));
        m = m.plusMonths(1))
      demand.put(
          m, BigDecimal.valueOf(m.getYear() == 2026 ? 4000 : 2000 + 100 * m.getMonthValue()));
    return new TinyScenario("2026-11", "2027-10")
        .region("p0/cheap", "US", H100, "2.00", 16)
        .region("p1/dear", "US", H100, "3.00", 16)
        .workload(
            new InferenceFleet(
                "fleet",
                Set.of("H100"),
                List.of(new GeographyDemand("US", Set.of("p0/cheap", "p1/dear"), demand))))
        .policy(new Policy(new BigDecimal("0.6"), Map.of(), Set.of()))
        .build();
  }

  @Test
  void sharesAreCappedPerCalendarYear_andThePlanVerifies() {
    Scenario s = scenario();
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults());

    assertThat(out).isInstanceOf(PlanOutcome.Optimal.class);
    Plan plan = ((PlanOutcome.Optimal) out).plan();
    assertThat(PlanVerifier.verify(s, out)).isEmpty();
    // spend per provider and calendar year, recomputed from the placements (usage only here)
    Map<String, BigDecimal> spend = new TreeMap<>();
    Map<Integer, BigDecimal> total = new TreeMap<>();
    for (Placement p : plan.placements()) {
      spend.merge(p.provider() + " " + p.month().getYear(), p.cost(), BigDecimal::add);
      total.merge(p.month().getYear(), p.cost(), BigDecimal::add);
    }
    assertThat(total.keySet()).containsExactly(2026, 2027);
    assertThat(plan.providers())
        .extracting(ProviderYear::year)
        .containsOnly(2026, 2027)
        .contains(2026, 2027);
    for (ProviderYear y : plan.providers()) {
      BigDecimal mine = spend.getOrDefault(y.provider() + " " + y.year(), BigDecimal.ZERO);
      assertThat(y.spend()).as(y.toString()).isEqualByComparingTo(mine);
      assertThat(y.share())
          .as(y.toString())
          .isEqualByComparingTo(mine.divide(total.get(y.year()), 4, RoundingMode.HALF_EVEN));
      // the cheap provider is held at the cap in each calendar year, not over a block
      assertThat(y.share()).as(y.toString()).isLessThanOrEqualTo(new BigDecimal("0.6000"));
    }
  }
}
