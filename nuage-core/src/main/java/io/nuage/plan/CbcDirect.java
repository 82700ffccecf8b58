package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariableProto;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * COIN-OR CBC through its own C interface ({@code libCbcSolver}, the same CBC build OR-Tools ships
 * and loads), for the one setting OR-Tools' CBC interface cannot pass: CBC's MIP preprocessing off
 * (docs/planner.md, "Solving"). OR-Tools hands CBC's command-line driver {@code -solve} and nothing
 * else; this passes {@code -preprocess off} before it. On the shipped example CBC then proves the
 * optimum at its root in 1.1 s of CPU where it took 2.9 s with preprocessing (docs/benchmarks.md,
 * issue 9), and preprocessing is what once handed back points that broke the model's rows. Where
 * the library cannot be found ({@link #available()} false) the planner solves through OR-Tools as
 * before.
 */
final class CbcDirect {
  /** The few calls of CBC's C interface ({@code Cbc_C_Interface.h}, CBC 2.10) used here. */
  interface Api extends Library {
    Pointer Cbc_newModel();

    void Cbc_deleteModel(Pointer model);

    void Cbc_loadProblem(
        Pointer model,
        int numcols,
        int numrows,
        int[] start,
        int[] index,
        double[] value,
        double[] collb,
        double[] colub,
        double[] obj,
        double[] rowlb,
        double[] rowub);

    void Cbc_setInteger(Pointer model, int column);

    void Cbc_setParameter(Pointer model, String name, String value);

    void Cbc_setLogLevel(Pointer model, int level);

    int Cbc_solve(Pointer model);

    int Cbc_status(Pointer model);

    int Cbc_isProvenOptimal(Pointer model);

    int Cbc_isProvenInfeasible(Pointer model);

    @Nullable Pointer Cbc_bestSolution(Pointer model);

    @Nullable Pointer Cbc_getColSolution(Pointer model);

    double Cbc_getObjValue(Pointer model);

    double Cbc_getBestPossibleObjValue(Pointer model);
  }

  private static final @Nullable Api API = load();

  private CbcDirect() {}

  /** The library is the one OR-Tools loaded: its soname finds it among the loaded objects. */
  private static @Nullable Api load() {
    try {
      Natives.solver(Natives.MIP).delete(); // loads OR-Tools' natives, CBC's among them
      Api api = Native.load("libCbcSolver.so.2", Api.class);
      // every symbol resolves at its first call: try the model's life cycle once here
      api.Cbc_deleteModel(api.Cbc_newModel());
      return api;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return null;
    }
  }

  static boolean available() {
    // read at each solve, not once when the class loads: a test sets it around one plan
    return API != null && !Boolean.getBoolean("nuage.cbc.ortools"); // the old path, for measuring
  }

  /** What a MIP solve gave: status, point (null without one), CBC's proven bound, its time. */
  record Result(
      MPSolver.ResultStatus status,
      double @Nullable [] point,
      double bound,
      boolean hitLimit,
      double seconds) {}

  /**
   * Solves {@code model} (minimisation, as {@code PlanModel} builds it) to relative gap {@code gap}
   * within {@code limitMillis}, preprocessing off. The point and bound include the model's
   * objective offset. The point is CBC's word only: callers check it against every row.
   */
  static Result solve(MPModelProto model, double gap, long limitMillis) {
    return solve(model, gap, limitMillis, false);
  }

  /**
   * The same with CBC's preprocessing on when {@code preprocess}: the neighbourhood MIPs of relax
   * and round (RelaxAndRound.neighbourhood), which ran through OR-Tools' CBC with it on, and whose
   * limit OR-Tools gives CBC in CPU seconds (issue 9, the deadline holds: 31.7 s of wall at load 14
   * for a limit of about 20).
   */
  static Result solve(MPModelProto model, double gap, long limitMillis, boolean preprocess) {
    Api api = API;
    if (api == null) throw new IllegalStateException("CBC's C interface is not available");
    Pointer m = api.Cbc_newModel();
    try {
      load(api, m, model);
      api.Cbc_setLogLevel(m, 0);
      api.Cbc_setParameter(m, "log", "0");
      if (!preprocess) api.Cbc_setParameter(m, "preprocess", "off");
      api.Cbc_setParameter(m, "ratioGap", String.format(Locale.ROOT, "%.3g", gap));
      // the limit is the plan's deadline: wall-clock seconds (CBC counts CPU seconds by default,
      // which on a loaded machine run slower than the clock)
      api.Cbc_setParameter(m, "timeMode", "elapsed");
      api.Cbc_setParameter(
          m, "seconds", String.format(Locale.ROOT, "%.3f", Math.max(0.5, limitMillis / 1000.0)));
      long start = System.nanoTime();
      NativeStdout.quietly(() -> api.Cbc_solve(m));
      double seconds = (System.nanoTime() - start) / 1e9;
      // Without integers CBC's C interface solves the LP alone (CLP), and answers from it.
      boolean lp = model.getVariableList().stream().noneMatch(MPVariableProto::getIsInteger);
      MPSolver.ResultStatus status;
      Pointer best;
      if (lp) {
        status =
            api.Cbc_isProvenOptimal(m) != 0
                ? MPSolver.ResultStatus.OPTIMAL
                : api.Cbc_isProvenInfeasible(m) != 0
                    ? MPSolver.ResultStatus.INFEASIBLE
                    : MPSolver.ResultStatus.NOT_SOLVED;
        best = status == MPSolver.ResultStatus.OPTIMAL ? api.Cbc_getColSolution(m) : null;
      } else {
        best = api.Cbc_bestSolution(m);
        status = status(api, m, best != null);
      }
      // CBC checks its clock between nodes: it stops at or after its limit, never much before
      boolean hitLimit = seconds >= 0.95 * limitMillis / 1000.0;
      // as through OR-Tools (Natives.solveWithin): an INFEASIBLE at the limit has proven nothing
      if (status == MPSolver.ResultStatus.INFEASIBLE && hitLimit) {
        status = MPSolver.ResultStatus.NOT_SOLVED;
      }
      double offset = model.getObjectiveOffset();
      double[] point = best == null ? null : best.getDoubleArray(0, model.getVariableCount());
      double bound = (lp ? api.Cbc_getObjValue(m) : api.Cbc_getBestPossibleObjValue(m)) + offset;
      return new Result(
          status, point, bound, hitLimit && status != MPSolver.ResultStatus.OPTIMAL, seconds);
    } finally {
      api.Cbc_deleteModel(m);
    }
  }

  /** As OR-Tools reads CBC's status (cbc_interface.cc), so that both paths mean the same. */
  private static MPSolver.ResultStatus status(Api api, Pointer m, boolean hasSolution) {
    return switch (api.Cbc_status(m)) {
      case 0 ->
          api.Cbc_isProvenOptimal(m) != 0
              ? MPSolver.ResultStatus.OPTIMAL
              : api.Cbc_isProvenInfeasible(m) != 0
                  ? MPSolver.ResultStatus.INFEASIBLE
                  : MPSolver.ResultStatus.ABNORMAL;
      case 1 -> hasSolution ? MPSolver.ResultStatus.FEASIBLE : MPSolver.ResultStatus.NOT_SOLVED;
      default -> MPSolver.ResultStatus.ABNORMAL;
    };
  }

  /** The model column-major, infinite bounds as CBC's (COIN_DBL_MAX), integers marked. */
  private static void load(Api api, Pointer m, MPModelProto model) {
    int n = model.getVariableCount();
    int rows = model.getConstraintCount();
    int[] count = new int[n + 1];
    for (int r = 0; r < rows; r++) {
      MPConstraintProto row = model.getConstraint(r);
      for (int k = 0; k < row.getVarIndexCount(); k++) count[row.getVarIndex(k) + 1]++;
    }
    int[] start = new int[n + 1];
    for (int j = 0; j < n; j++) start[j + 1] = start[j] + count[j + 1];
    int[] next = start.clone();
    int[] index = new int[start[n]];
    double[] value = new double[start[n]];
    double[] rowLo = new double[rows];
    double[] rowHi = new double[rows];
    for (int r = 0; r < rows; r++) {
      MPConstraintProto row = model.getConstraint(r);
      for (int k = 0; k < row.getVarIndexCount(); k++) {
        int at = next[row.getVarIndex(k)]++;
        index[at] = r;
        value[at] = row.getCoefficient(k);
      }
      rowLo[r] = finite(row.getLowerBound());
      rowHi[r] = finite(row.getUpperBound());
    }
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] obj = new double[n];
    for (int j = 0; j < n; j++) {
      MPVariableProto var = model.getVariable(j);
      lo[j] = finite(var.getLowerBound());
      hi[j] = finite(var.getUpperBound());
      obj[j] = var.getObjectiveCoefficient();
    }
    if (model.getMaximize()) throw new IllegalArgumentException("the planner's MIPs minimise");
    api.Cbc_loadProblem(m, n, rows, start, index, value, lo, hi, obj, rowLo, rowHi);
    for (int j = 0; j < n; j++) if (model.getVariable(j).getIsInteger()) api.Cbc_setInteger(m, j);
  }

  private static double finite(double v) {
    return v == Double.POSITIVE_INFINITY
        ? Double.MAX_VALUE
        : v == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : v;
  }
}
