package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.HashSet;
import java.util.Set;

/**
 * A model in free MPS with every number written exactly: each double as the shortest decimal that
 * reads back to the same double ({@link Double#toString}), so an outside solver reads the very
 * model the planner solves.
 *
 * <p>OR-Tools' own writer ({@code MPSolver.exportModelAsMpsFormat}) keeps six significant digits: a
 * column costing $1,665,185,114.40 was written {@code 1.66519e+09}, and CBC's optimum of the
 * exported example was $61,086 away from the plan's (issue 9, deliverable 5). Every integer column
 * gets explicit bounds, because readers differ on what an integer column without bounds may take.
 */
final class MpsWriter {
  private static final String OBJECTIVE = "COST";

  private MpsWriter() {}

  /** The model as free MPS text. */
  static String write(MPModelProto model) {
    String[] columns = names(model.getVariableCount(), "C", i -> model.getVariable(i).getName());
    String[] rows = names(model.getConstraintCount(), "R", i -> model.getConstraint(i).getName());
    StringBuilder out = new StringBuilder(64 * (model.getVariableCount() + 1));
    out.append("NAME ").append(model.getName().isBlank() ? "nuage" : clean(model.getName()));
    out.append('\n');
    if (model.getMaximize()) out.append("OBJSENSE\n    MAX\n");
    out.append("ROWS\n N  ").append(OBJECTIVE).append('\n');
    for (int r = 0; r < model.getConstraintCount(); r++) {
      MPConstraintProto c = model.getConstraint(r);
      if (c.getLowerBound() == Double.NEGATIVE_INFINITY
          && c.getUpperBound() == Double.POSITIVE_INFINITY) continue; // a free row holds nothing
      out.append(' ').append(type(c)).append("  ").append(rows[r]).append('\n');
    }
    // the rows' coefficients by column (MPS lists a matrix column by column)
    int n = model.getVariableCount();
    int[] count = new int[n + 1];
    for (MPConstraintProto c : model.getConstraintList())
      if (!free(c)) for (int i = 0; i < c.getVarIndexCount(); i++) count[c.getVarIndex(i) + 1]++;
    for (int j = 0; j < n; j++) count[j + 1] += count[j];
    int[] rowOf = new int[count[n]];
    double[] valueOf = new double[count[n]];
    int[] next = count.clone();
    for (int r = 0; r < model.getConstraintCount(); r++) {
      MPConstraintProto c = model.getConstraint(r);
      if (free(c)) continue;
      for (int i = 0; i < c.getVarIndexCount(); i++) {
        int at = next[c.getVarIndex(i)]++;
        rowOf[at] = r;
        valueOf[at] = c.getCoefficient(i);
      }
    }
    out.append("COLUMNS\n");
    boolean integers = false;
    for (int j = 0; j < n; j++) {
      MPVariableProto v = model.getVariable(j);
      if (v.getIsInteger() != integers) {
        integers = v.getIsInteger();
        out.append(
            integers ? "    MARKER  'MARKER'  'INTORG'\n" : "    MARKER  'MARKER'  'INTEND'\n");
      }
      boolean written = false;
      if (v.getObjectiveCoefficient() != 0) {
        entry(out, columns[j], OBJECTIVE, v.getObjectiveCoefficient());
        written = true;
      }
      for (int at = count[j]; at < count[j + 1]; at++) {
        if (valueOf[at] == 0) continue;
        entry(out, columns[j], rows[rowOf[at]], valueOf[at]);
        written = true;
      }
      // a column in no row and free of cost is still a column of the model
      if (!written) entry(out, columns[j], OBJECTIVE, 0);
    }
    if (integers) out.append("    MARKER  'MARKER'  'INTEND'\n");
    out.append("RHS\n");
    // MPS's right-hand side of the objective row is minus the objective's constant
    if (model.getObjectiveOffset() != 0) entry(out, "RHS", OBJECTIVE, -model.getObjectiveOffset());
    StringBuilder ranges = new StringBuilder();
    for (int r = 0; r < model.getConstraintCount(); r++) {
      MPConstraintProto c = model.getConstraint(r);
      if (free(c)) continue;
      double lo = c.getLowerBound();
      double hi = c.getUpperBound();
      double rhs = hi == Double.POSITIVE_INFINITY ? lo : hi;
      if (rhs != 0) entry(out, "RHS", rows[r], rhs);
      // an L row with range R holds [rhs - |R|, rhs]
      if (lo != hi && lo != Double.NEGATIVE_INFINITY && hi != Double.POSITIVE_INFINITY)
        entry(ranges, "RNG", rows[r], hi - lo);
    }
    if (!ranges.isEmpty()) out.append("RANGES\n").append(ranges);
    out.append("BOUNDS\n");
    for (int j = 0; j < n; j++) bounds(out, columns[j], model.getVariable(j));
    out.append("ENDATA\n");
    return out.toString();
  }

  private static boolean free(MPConstraintProto c) {
    return c.getLowerBound() == Double.NEGATIVE_INFINITY
        && c.getUpperBound() == Double.POSITIVE_INFINITY;
  }

  private static char type(MPConstraintProto c) {
    if (c.getLowerBound() == c.getUpperBound()) return 'E';
    if (c.getUpperBound() == Double.POSITIVE_INFINITY) return 'G';
    return 'L'; // below an upper bound, or a range written with RANGES
  }

  private static void bounds(StringBuilder out, String name, MPVariableProto v) {
    double lo = v.getLowerBound();
    double hi = v.getUpperBound();
    if (lo == hi) {
      bound(out, "FX", name, lo);
      return;
    }
    if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
      out.append(" FR BND ").append(name).append('\n');
      return;
    }
    if (lo == Double.NEGATIVE_INFINITY) out.append(" MI BND ").append(name).append('\n');
    else if (lo != 0 || v.getIsInteger() || hi < 0) bound(out, "LO", name, lo);
    if (hi != Double.POSITIVE_INFINITY) bound(out, "UP", name, hi);
    else if (v.getIsInteger()) out.append(" PL BND ").append(name).append('\n');
  }

  private static void bound(StringBuilder out, String kind, String name, double value) {
    out.append(' ').append(kind).append(" BND ").append(name).append(' ');
    number(out, value).append('\n');
  }

  private static void entry(StringBuilder out, String column, String row, double value) {
    out.append("    ").append(column).append(' ').append(row).append(' ');
    number(out, value).append('\n');
  }

  /** The shortest decimal that reads back to {@code value} (no trailing ".0" for integers). */
  private static StringBuilder number(StringBuilder out, double value) {
    if (!Double.isFinite(value))
      throw new IllegalArgumentException("MPS cannot hold the number " + value);
    if (value == Math.rint(value) && Math.abs(value) < 1e15) return out.append((long) value);
    return out.append(Double.toString(value));
  }

  /**
   * The model's names when each is a valid, unique MPS name; otherwise every name replaced by its
   * position (a name with a space or none at all would break the file's fields).
   */
  private static String[] names(int n, String prefix, java.util.function.IntFunction<String> of) {
    String[] names = new String[n];
    Set<String> seen = new HashSet<>();
    boolean usable = true;
    for (int i = 0; i < n && usable; i++) {
      String name = of.apply(i);
      usable =
          !name.isEmpty()
              && !name.equals(OBJECTIVE)
              && name.chars().noneMatch(Character::isWhitespace)
              && name.charAt(0) != '$'
              && seen.add(name);
      names[i] = name;
    }
    if (!usable) for (int i = 0; i < n; i++) names[i] = prefix + i;
    return names;
  }

  private static String clean(String name) {
    return name.replaceAll("\\s+", "_");
  }
}
