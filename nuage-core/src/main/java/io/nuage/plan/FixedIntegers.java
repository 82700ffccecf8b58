package io.nuage.plan;

import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The re-solve of a MIP point that broke its rows: every integer variable fixed at its rounded
 * value, the rest re-solved as an LP (CLP) without the MIP's preprocessing, and the new point
 * checked against the original model's rows like any other.
 */
final class FixedIntegers {
  private FixedIntegers() {}

  /** How the note of a point that broke its model's rows begins (it names the rows). */
  static final String BROKE = "CBC's point broke ";

  /**
   * The point of a MIP just solved, checked against its rows; a point that breaks them is replaced
   * by the LP with its integers fixed ({@link #solve}), and {@code notes} says so. Null when no
   * verified point exists.
   */
  static double @Nullable [] verifiedPoint(MPSolver mip, Deadline deadline, List<String> notes) {
    return verifiedPoint(ModelRows.of(mip), ModelRows.point(mip), deadline, notes);
  }

  /** The same for a point of {@code rows}: {@code point} itself when it holds them. */
  static double @Nullable [] verifiedPoint(
      ModelRows rows, double[] point, Deadline deadline, List<String> notes) {
    List<ModelRows.Violation> broken = rows.violations(point);
    if (broken.isEmpty()) return point;
    notes.add(
        BROKE
            + broken.size()
            + " rows of the model ("
            + PlanText.firstFew(broken, ModelRows.Violation::toString)
            + "); its point and bound were discarded");
    if (deadline.cut()) {
      notes.add(
          "the LP with CBC's integer values fixed was cut: the time limit was reached before it"
              + " started");
      return null;
    }
    double[] repaired = solve(rows, point, deadline);
    notes.add(
        repaired != null
            ? "the LP with CBC's integer values fixed gave a verified point"
            : "the LP with CBC's integer values fixed had no verified point");
    return repaired;
  }

  /**
   * The MIP's verified point with its continuous part re-optimised: CBC stops within its gap and
   * tolerances, the LP with the integers fixed finds the best fleet split for those gang choices.
   * The cheaper of the two (both verified).
   */
  static double[] polish(ModelRows rows, double[] point, Deadline deadline) {
    if (deadline.cut()) return point; // no solver call after the deadline: the point as it is
    double[] polished = solve(rows, point, deadline);
    return polished != null && rows.objective(polished) < rows.objective(point) ? polished : point;
  }

  /** A verified point of {@code rows} with the integers of {@code point}, or null if none. */
  static double @Nullable [] solve(ModelRows rows, double[] point, Deadline deadline) {
    MPModelProto.Builder fixed = rows.model().toBuilder();
    for (int i = 0; i < fixed.getVariableCount(); i++) {
      MPVariableProto v = fixed.getVariable(i);
      if (!v.getIsInteger()) continue;
      double value = Math.rint(point[i]);
      fixed.setVariable(
          i, v.toBuilder().setIsInteger(false).setLowerBound(value).setUpperBound(value).build());
    }
    MPSolver lp = Natives.solver("CLP");
    try {
      String error = lp.loadModelFromProto(fixed.build());
      if (!error.isEmpty()) throw new IllegalStateException("fixed-integer LP: " + error);
      lp.setTimeLimit(deadline.remainingMillis());
      if (Natives.solve(lp) != MPSolver.ResultStatus.OPTIMAL) return null;
      double[] repaired = ModelRows.point(lp);
      return rows.violations(repaired).isEmpty() ? repaired : null;
    } finally {
      lp.delete();
    }
  }
}
