package io.nuage.plan;

import io.nuage.contract.CommittedSpend;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract year of a committed-spend contract as the plan sees it: the horizon's months in it and
 * its minimum, pro-rated when the horizon cuts the year (docs/planner.md).
 */
record CommitmentYear(int year, int[] months, int lastMonth, BigDecimal minimum) {

  static List<CommitmentYear> of(CommittedSpend k, PlanData data) {
    List<CommitmentYear> years = new ArrayList<>();
    MonthRange horizon = data.scenario.horizon();
    for (int yy = 0; yy < k.term().years(); yy++) {
      MonthRange range = k.term().year(yy);
      int[] inside =
          range.months().stream().filter(horizon::contains).mapToInt(horizon::indexOf).toArray();
      if (inside.length == 0) continue;
      BigDecimal minimum = k.yearlyMinimums().get(yy);
      if (inside.length < range.length()) {
        minimum =
            minimum
                .multiply(BigDecimal.valueOf(inside.length))
                .divide(BigDecimal.valueOf(range.length()), 2, RoundingMode.HALF_EVEN);
      }
      years.add(new CommitmentYear(yy, inside, inside[inside.length - 1], minimum));
    }
    return years;
  }
}
