package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A solver's point checked against every row and bound of the model it solved, in the model's own
 * units, by recomputing each row's activity from the exported model (docs/planner.md, "Every point
 * is checked"). A solver's word on its own point is never taken: CBC's preprocessing has handed
 * back points that break demand and capacity rows while its log showed the right objective.
 */
final class ModelRows {
  /**
   * Feasibility tolerance, relative to max(1, |bound|): the solvers' own primal tolerance is 1e-7
   * absolute (OR-Tools' default) on rows whose coefficients are scaled near 1..1e5.
   */
  static final double TOLERANCE = 1e-6;

  /** Integrality tolerance of a variable the model declares integer. */
  static final double INTEGRALITY = 1e-5;

  private final MPModelProto model;

  private ModelRows(MPModelProto model) {
    this.model = model;
  }

  static ModelRows of(MPSolver solver) {
    return new ModelRows(solver.exportModelToProto());
  }

  static ModelRows of(MPModelProto model) {
    return new ModelRows(model);
  }

  MPModelProto model() {
    return model;
  }

  /** The solver's current point, indexed as the model's variables. */
  /** An optimal LP's answer, checked: its effective row duals and the bound they prove. */
  record CheckedOptimum(double[] duals, double bound) {}

  /**
   * The answer of {@code lp}, solved with {@code status}, once checked: optimal, its point within
   * every row and bound, and a finite bound from its duals alone ({@link #dualBound}).
   *
   * @param what the model's name in the messages ("the deal's master LP")
   * @throws IllegalStateException when any of the three does not hold
   */
  static CheckedOptimum checkedOptimum(MPSolver lp, MPSolver.ResultStatus status, String what) {
    if (status != MPSolver.ResultStatus.OPTIMAL)
      throw new IllegalStateException(what + " gave no optimum (" + status + ")");
    ModelRows rows = of(lp);
    if (!rows.holdsRelaxation(point(lp)))
      throw new IllegalStateException(what + "'s point breaks its rows");
    double[] duals = rows.effectiveDuals(duals(lp));
    double bound = rows.dualBound(duals);
    if (!Double.isFinite(bound)) throw new IllegalStateException(what + "'s duals give no bound");
    return new CheckedOptimum(duals, bound);
  }

  static double[] point(MPSolver solver) {
    MPVariable[] vars = solver.variables();
    double[] v = new double[vars.length];
    for (int i = 0; i < vars.length; i++) v[i] = vars[i].solutionValue();
    return v;
  }

  /** The objective at {@code v}, recomputed from the model's coefficients. */
  double objective(double[] v) {
    double sum = model.getObjectiveOffset();
    for (int i = 0; i < model.getVariableCount(); i++) {
      double c = model.getVariable(i).getObjectiveCoefficient();
      if (c != 0) sum += c * v[i];
    }
    return sum;
  }

  /**
   * A bound on the LP relaxation's optimum that holds whatever the LP solver's tolerances, from its
   * row duals {@code y} alone (docs/planner.md, "The bound"): for any {@code y}, with reduced costs
   * {@code d = c - A'y}, every point within the column bounds has {@code c'x = y'Ax + d'x}, so
   * {@code min c'x >= sum_r y_r * (the row bound y_r presses on) + sum_j min(d_j lo_j, d_j hi_j)}.
   * A dual whose row has no bound on its side counts as 0. A reduced cost that presses on an
   * infinite column bound (a fleet's GPU-hours at -3e-9, the LP's own noise) uses the bound the
   * rows imply instead ({@link #impliedUpper}); minus infinity when there is none. The primal
   * objective at the solver's point is no bound: the point may break rows by the tolerance, and the
   * solver may stop short of optimality by its dual tolerance, each worth dollars on a model of
   * billions.
   */
  double dualBound(double[] y) {
    double[] effective = effectiveDuals(y);
    return dualBound(effective, reducedCosts(effective), null, null);
  }

  /** The duals with 0 where the row has no bound on the side the dual presses on. */
  double[] effectiveDuals(double[] y) {
    double[] out = y.clone();
    for (int r = 0; r < model.getConstraintCount(); r++) {
      MPConstraintProto row = model.getConstraint(r);
      if (out[r] > 0 && !Double.isFinite(row.getLowerBound())) out[r] = 0;
      else if (out[r] < 0 && !Double.isFinite(row.getUpperBound())) out[r] = 0;
    }
    return out;
  }

  /** {@code c - A'y} for every column, from the model's coefficients. */
  double[] reducedCosts(double[] y) {
    int n = model.getVariableCount();
    double[] d = new double[n];
    for (int j = 0; j < n; j++) d[j] = model.getVariable(j).getObjectiveCoefficient();
    for (int r = 0; r < model.getConstraintCount(); r++) {
      double yr = y[r];
      if (yr == 0) continue;
      MPConstraintProto row = model.getConstraint(r);
      for (int k = 0; k < row.getVarIndexCount(); k++) {
        d[row.getVarIndex(k)] -= yr * row.getCoefficient(k);
      }
    }
    return d;
  }

  /**
   * The bound at effective duals {@code y} with reduced costs {@code d}, leaving out the columns
   * {@code skip} marks (the caller bounds their part itself: a restricted model's gang options by
   * each run's least reduced cost over all its options, docs/planner.md "Column generation"), and
   * implying column bounds only from the rows {@code impliedFrom} marks (null: all rows; a
   * restricted model's other rows may hold columns it does not have).
   */
  double dualBound(
      double[] y, double[] d, boolean @Nullable [] skip, boolean @Nullable [] impliedFrom) {
    int n = model.getVariableCount();
    double sum = model.getObjectiveOffset();
    for (int r = 0; r < model.getConstraintCount(); r++) {
      MPConstraintProto row = model.getConstraint(r);
      if (y[r] > 0) sum += y[r] * row.getLowerBound();
      else if (y[r] < 0) sum += y[r] * row.getUpperBound();
    }
    double[] upper = new double[n];
    boolean implied = false;
    for (int j = 0; j < n; j++) {
      if (skip != null && skip[j]) continue;
      MPVariableProto var = model.getVariable(j);
      upper[j] = var.getUpperBound();
      if (d[j] > 0 && !Double.isFinite(var.getLowerBound())) return Double.NEGATIVE_INFINITY;
      implied |= d[j] < 0 && !Double.isFinite(upper[j]);
    }
    if (implied) upper = impliedUpper(upper, impliedFrom);
    for (int j = 0; j < n; j++) {
      if (d[j] == 0 || (skip != null && skip[j])) continue;
      double bound = d[j] > 0 ? model.getVariable(j).getLowerBound() : upper[j];
      if (!Double.isFinite(bound)) return Double.NEGATIVE_INFINITY;
      sum += d[j] * bound;
    }
    return sum;
  }

  /**
   * Each column's upper bound tightened by what the rows imply (one round of bound propagation): in
   * a row {@code sum_k a_k x_k <= u} with {@code a_j > 0}, {@code x_j <= (u - the least the other
   * terms can be) / a_j}, and the same for a row's lower bound with {@code a_j < 0}.
   */
  private double[] impliedUpper(double[] upper, boolean @Nullable [] from) {
    double[] out = upper.clone();
    for (int r = 0; r < model.getConstraintCount(); r++) {
      if (from != null && !from[r]) continue;
      MPConstraintProto row = model.getConstraint(r);
      // sense +1: sum a x <= hi; sense -1: -sum a x <= -lo
      for (int sense : new int[] {1, -1}) {
        double rhs = sense > 0 ? row.getUpperBound() : -row.getLowerBound();
        if (!Double.isFinite(rhs)) continue;
        double least = 0;
        int unbounded = 0;
        for (int k = 0; k < row.getVarIndexCount(); k++) {
          double a = sense * row.getCoefficient(k);
          double m = leastTerm(a, row.getVarIndex(k));
          if (Double.isFinite(m)) least += m;
          else unbounded++;
        }
        for (int k = 0; k < row.getVarIndexCount(); k++) {
          double a = sense * row.getCoefficient(k);
          if (a <= 0) continue;
          int j = row.getVarIndex(k);
          double mine = leastTerm(a, j);
          double others;
          if (Double.isFinite(mine)) {
            if (unbounded > 0) continue;
            others = least - mine;
          } else {
            if (unbounded > 1) continue;
            others = least;
          }
          out[j] = Math.min(out[j], (rhs - others) / a);
        }
      }
    }
    return out;
  }

  /** The least {@code a x_j} can be within the column's own bounds. */
  private double leastTerm(double a, int j) {
    if (a == 0) return 0;
    MPVariableProto var = model.getVariable(j);
    return a > 0 ? a * var.getLowerBound() : a * var.getUpperBound();
  }

  /** The row duals of the solver's last LP solve, indexed as the model's rows. */
  static double[] duals(MPSolver solver) {
    var rows = solver.constraints();
    double[] y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) y[i] = rows[i].dualValue();
    return y;
  }

  /** A row or bound that the point breaks. */
  record Violation(String name, double value, double lower, double upper) {
    @Override
    public String toString() {
      return name + " = " + value + " outside [" + lower + ", " + upper + "]";
    }
  }

  /** Every row, bound and integrality the point breaks; empty for a feasible point. */
  List<Violation> violations(double[] v) {
    return violations(v, TOLERANCE);
  }

  /** True when the point breaks nothing but integrality: it holds the model's LP relaxation. */
  boolean holdsRelaxation(double[] v) {
    return violations(v).stream().allMatch(x -> x.name().endsWith(" (integer)"));
  }

  /** The same with another feasibility tolerance, relative to max(1, |bound|). */
  List<Violation> violations(double[] v, double tolerance) {
    List<Violation> out = new ArrayList<>();
    if (v.length != model.getVariableCount()) {
      out.add(new Violation("point size", v.length, model.getVariableCount(), v.length));
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      MPVariableProto var = model.getVariable(i);
      if (!within(v[i], var.getLowerBound(), var.getUpperBound(), tolerance)) {
        out.add(new Violation(var.getName(), v[i], var.getLowerBound(), var.getUpperBound()));
      } else if (var.getIsInteger() && Math.abs(v[i] - Math.rint(v[i])) > INTEGRALITY) {
        out.add(
            new Violation(var.getName() + " (integer)", v[i], Math.rint(v[i]), Math.rint(v[i])));
      }
    }
    for (int r = 0; r < model.getConstraintCount(); r++) {
      MPConstraintProto row = model.getConstraint(r);
      double activity = 0;
      for (int k = 0; k < row.getVarIndexCount(); k++) {
        activity += row.getCoefficient(k) * v[row.getVarIndex(k)];
      }
      if (!within(activity, row.getLowerBound(), row.getUpperBound(), tolerance)) {
        out.add(new Violation(row.getName(), activity, row.getLowerBound(), row.getUpperBound()));
      }
    }
    return out;
  }

  private static boolean within(double value, double lower, double upper, double tolerance) {
    return value >= lower - tolerance * Math.max(1, Math.abs(lower))
        && value <= upper + tolerance * Math.max(1, Math.abs(upper));
  }
}
