package io.nuage.plan;

import io.nuage.contract.CommittedSpend;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract year of a committed-spend contract as the plan sees it (docs/planner.md): its minimum,
 * pro-rated when the horizon cuts the year; of a re-plan, what was billed against it before the
 * first open month, and the open months in it (none for a year that closed before).
 *
 * @param months indices into {@link PlanData#months} of the year's months still to plan
 * @param lastYear the calendar year of the year's last month inside the horizon, whose spend its
 *     shortfall counts in
 * @param minimum the minimum, pro-rated to the horizon
 * @param actual consumption billed before the first open month (0 for a plan from scratch)
 */
record CommitmentYear(int year, int[] months, int lastYear, BigDecimal minimum, BigDecimal actual) {

  /** What the open months must still consume to meet the minimum: max(0, minimum - actual). */
  BigDecimal residual() {
    return minimum.subtract(actual).max(BigDecimal.ZERO);
  }

  static List<CommitmentYear> of(CommittedSpend k, PlanData data) {
    List<CommitmentYear> years = new ArrayList<>();
    MonthRange horizon = data.scenario.horizon();
    for (int yy = 0; yy < k.term().years(); yy++) {
      MonthRange range = k.term().year(yy);
      List<YearMonth> inside = range.months().stream().filter(horizon::contains).toList();
      if (inside.isEmpty()) continue;
      BigDecimal minimum = k.yearlyMinimums().get(yy);
      if (inside.size() < range.length()) {
        minimum =
            minimum
                .multiply(BigDecimal.valueOf(inside.size()))
                .divide(BigDecimal.valueOf(range.length()), 2, RoundingMode.HALF_EVEN);
      }
      int[] open = inside.stream().mapToInt(data::monthIndex).filter(t -> t >= 0).toArray();
      // to the cent, as every figure of a plan (docs/plan-json.md, "Re-plans")
      BigDecimal actual =
          data.past == null
              ? BigDecimal.ZERO
              : data.past.consumed(k.id(), yy).setScale(2, RoundingMode.HALF_EVEN);
      years.add(new CommitmentYear(yy, open, inside.getLast().getYear(), minimum, actual));
    }
    return years;
  }
}
