package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.ArrayList;
import java.util.List;

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
