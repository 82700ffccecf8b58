package io.nuage.plan;

import com.google.ortools.linearsolver.MPSolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * For models too large for the MIP in the time allowed: the LP relaxation (GLOP) gives the proven
 * lower bound and a fractional placement; each run then takes, in order of the LP's confidence, its
 * most-chosen option that still fits; the fleets are placed by the LP with those gangs fixed.
 */
final class RelaxAndRound {
  private RelaxAndRound() {}

  /** The relaxation's bound (NaN when it failed) and the rounded assignment (null when none). */
  record Result(double bound, @Nullable Assignment assignment) {}

  static Result solve(PlanData data, Deadline deadline, List<String> notes) {
    double[] x = new double[data.options.size()];
    double bound = relaxation(data, deadline, x);
    if (Double.isNaN(bound)) {
      notes.add("the LP relaxation gave no verified optimum in time");
      return new Result(bound, null);
    }
    Assignment gangs = roundGangs(data, x);
    if (gangs == null) {
      notes.add("rounding the relaxation left a training run without room");
      return new Result(bound, null);
    }
    Assignment placed = placeFleets(data, gangs, deadline);
    if (placed == null)
      notes.add("the fleets found no verified placement around the rounded gangs");
    return new Result(bound, placed);
  }

  /** Solves the LP relaxation; fills {@code x} with the options' values; NaN if not optimal. */
  static double relaxation(PlanData data, Deadline deadline, double @Nullable [] x) {
    MPSolver lp = Natives.solver("GLOP");
    try {
      // Integer variables are relaxed by an LP solver.
      PlanModel m = new PlanModel(data, lp, PlanModel.Mode.MIP, null).build();
      lp.setTimeLimit(deadline.remainingMillis());
      if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) return Double.NaN;
      // The relaxation of the model: integrality is relaxed, every row and bound must hold.
      ModelRows rows = ModelRows.of(lp);
      double[] point = ModelRows.point(lp);
      if (!rows.violations(point).stream().allMatch(v -> v.name().endsWith("(integer)"))) {
        return Double.NaN;
      }
      if (x != null) for (int i = 0; i < x.length; i++) x[i] = point[m.x[i].index()];
      return rows.objective(point);
    } finally {
      lp.delete();
    }
  }

  /**
   * The LP's point as an assignment when it holds every row, bound and integrality of the model
   * (the binaries of a fixed LP must have come out whole), else null.
   */
  private static @Nullable Assignment verified(MPSolver lp, PlanModel m) {
    double[] point = ModelRows.point(lp);
    return ModelRows.of(lp).violations(point).isEmpty() ? m.solution(point) : null;
  }

  private static @Nullable Assignment roundGangs(PlanData data, double[] x) {
    double[][] left = new double[data.cells.size()][data.monthCount()];
    for (Cell c : data.cells) {
      for (int t = 0; t < data.monthCount(); t++)
        left[c.index()][t] = c.totalGpus(t) * data.hoursOf(t);
    }
    List<Integer> runs = new ArrayList<>();
    for (int j = 0; j < data.runs.size(); j++) runs.add(j);
    // Most decided runs first: their LP choice is least likely to be wrong.
    runs.sort(
        Comparator.comparingDouble(
            j ->
                -data.optionsByRun.get(j).stream().mapToDouble(o -> x[o.index()]).max().orElse(0)));
    Assignment a = Assignment.empty(data);
    for (int j : runs) {
      List<GangOption> options = new ArrayList<>(data.optionsByRun.get(j));
      options.sort(
          Comparator.comparingDouble((GangOption o) -> -x[o.index()])
              .thenComparing(data::effectiveCost));
      int n = data.runs.get(j).gpus();
      GangOption pick = null;
      for (GangOption o : options) {
        boolean fits = true;
        for (int i = 0; i < o.months() && fits; i++) {
          fits = n * o.wallHours()[i].doubleValue() <= left[o.cell().index()][o.start() + i] + 1e-6;
        }
        if (fits) {
          pick = o;
          break;
        }
      }
      if (pick == null) return null;
      a.optionOfRun()[j] = pick.index();
      for (int i = 0; i < pick.months(); i++) {
        left[pick.cell().index()][pick.start() + i] -= n * pick.wallHours()[i].doubleValue();
      }
    }
    return a;
  }

  /** The fleets placed optimally around fixed gangs, with the ROFR binaries made integral. */
  static @Nullable Assignment placeFleets(PlanData data, Assignment gangs, Deadline deadline) {
    MPSolver lp = Natives.solver("GLOP");
    try {
      PlanModel m = new PlanModel(data, lp, PlanModel.Mode.FIXED_LP, gangs).build();
      lp.setTimeLimit(deadline.remainingMillis());
      if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) return null;
      if (m.rofrGroups.isEmpty() && m.logic.isEmpty()) return verified(lp, m);
      // Buying matched new capacity needs the holder full (b = 1); otherwise b = 0 forbids it.
      m.fixRofr(m.valuesOf(m.solution()));
      lp.setTimeLimit(deadline.remainingMillis());
      if (lp.solve() == MPSolver.ResultStatus.OPTIMAL) {
        Assignment a = verified(lp, m);
        if (a != null) return a;
      }
      for (PlanModel.RofrGroup g : m.rofrGroups) g.b().setBounds(0, 0);
      lp.setTimeLimit(deadline.remainingMillis());
      return lp.solve() == MPSolver.ResultStatus.OPTIMAL ? verified(lp, m) : null;
    } finally {
      lp.delete();
    }
  }
}
