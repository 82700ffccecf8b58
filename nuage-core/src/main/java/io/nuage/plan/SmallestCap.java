package io.nuage.plan;

import com.google.ortools.linearsolver.MPSolver;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The smallest share cap of one provider in one calendar year under which a plan exists, the other
 * caps unchanged: bisection on the cap, each step a feasibility MIP whose point is checked against
 * its rows and then priced exactly. The answer is the exact share of the best plan found, so a plan
 * is known to hold it; no plan was found with a cap {@link #STEP} below the unrounded share.
 */
final class SmallestCap {
  /**
   * Width of the bisection's last interval: the answer, rounded up to 0.01 point, is within 0.011
   * point of the true smallest cap.
   */
  static final double STEP = 1e-5;

  /**
   * How far below its cap every other provider-year is held in the bisection's model: a cap that
   * binds there holds only within the solver's tolerance, and priced to the cent the plan can sit a
   * fraction of a cent above it. Such a plan is not one that holds the cap exactly, and taking it
   * for "no plan" moved the bisection past the true answer (SmallestCapTest).
   */
  static final double OTHER_CAP_MARGIN = 1e-6;

  private SmallestCap() {}

  /** The smallest share found (a plan holds it), rounded up to 0.01 point; null if not settled. */
  static @Nullable BigDecimal of(
      PlanData data, String provider, int year, double infeasibleCap, Deadline deadline) {
    double lo = infeasibleCap;
    BigDecimal best = share(data, provider, year, 1, deadline);
    if (best == null) return null;
    double hi = best.doubleValue();
    while (hi - lo > STEP) {
      if (deadline.passed()) return null;
      double mid = (lo + hi) / 2;
      BigDecimal found = share(data, provider, year, mid, deadline);
      if (found == null) {
        lo = mid;
      } else {
        // Within the solver's tolerance the plan may sit a hair above mid: its exact share counts.
        best = best.min(found);
        hi = Math.min(mid, best.doubleValue());
      }
    }
    return best.setScale(4, RoundingMode.CEILING);
  }

  /**
   * The provider's exact share of the year's spend in a verified plan found with its cap at {@code
   * cap} (which it holds within the solver's tolerance) that holds every other cap exactly; null
   * when none was found (infeasible, or not settled in time).
   */
  private static @Nullable BigDecimal share(
      PlanData data, String provider, int year, double cap, Deadline deadline) {
    MPSolver solver = Natives.solver(Natives.MIP);
    try {
      PlanModel m = new PlanModel(data, solver, PlanModel.Mode.MIP, null);
      for (String other : data.providers.keySet()) {
        double otherCap = data.scenario.policy().maxShareOf(other).doubleValue();
        if (otherCap >= 1) continue;
        data.months.stream()
            .map(java.time.YearMonth::getYear)
            .distinct()
            .filter(y -> !(other.equals(provider) && y == year))
            .forEach(y -> m.withCap(other, y, otherCap - OTHER_CAP_MARGIN));
      }
      m.withCap(provider, year, cap).build();
      solver.objective().clear(); // any plan will do
      solver.setTimeLimit(deadline.remainingMillis());
      MPSolver.ResultStatus status = Natives.solve(solver);
      if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
        return null;
      }
      double[] point = FixedIntegers.verifiedPoint(solver, deadline, new ArrayList<>());
      if (point == null) return null;
      PlanCosting.Priced priced = PlanCosting.price(data, m.solution(point));
      List<ProviderYear> spend = priced.providers();
      Map<Integer, BigDecimal> totals = priced.yearTotals();
      BigDecimal mine = BigDecimal.ZERO;
      for (ProviderYear py : spend) {
        boolean target = py.provider().equals(provider) && py.year() == year;
        BigDecimal total = totals.get(py.year());
        if (target) {
          if (total.signum() > 0) mine = py.spend().divide(total, 6, RoundingMode.CEILING);
        } else if (py.spend()
                .compareTo(data.scenario.policy().maxShareOf(py.provider()).multiply(total))
            > 0) {
          return null; // the other caps must hold exactly, not within the solver's tolerance
        }
      }
      return mine;
    } finally {
      solver.delete();
    }
  }
}
