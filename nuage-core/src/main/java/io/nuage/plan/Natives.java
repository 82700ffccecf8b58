package io.nuage.plan;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import io.nuage.core.UnpackedNatives;
import java.util.regex.Pattern;

/** Loads OR-Tools' native library once per process and makes solvers. */
final class Natives {
  /**
   * The MIP solver. COIN-OR CBC through OR-Tools: on the shipped example it proves optimality in
   * about 3 s where SCIP (SoPlex) had not solved the root LP after 40 s and HiGHS took 38 s.
   */
  static final String MIP = "CBC";

  /** The folder OR-Tools unpacks its native libraries into, in the temp folder. */
  private static final Pattern ORTOOLS_FOLDER = Pattern.compile("ortools-java\\d+");

  private static boolean loaded;

  private Natives() {}

  static synchronized MPSolver solver(String id) {
    if (!loaded) {
      Loader.loadNativeLibraries();
      UnpackedNatives.forget(ORTOOLS_FOLDER);
      loaded = true;
    }
    MPSolver solver = MPSolver.createSolver(id);
    if (solver == null)
      throw new IllegalStateException("OR-Tools has no " + id + " solver in this build");
    return solver;
  }

  /**
   * Solves, with the solver's own C-level printing kept off standard output ({@link NativeStdout}).
   */
  static MPSolver.ResultStatus solve(MPSolver solver) {
    return NativeStdout.quietly(solver::solve);
  }

  /** The same with parameters. */
  static MPSolver.ResultStatus solve(MPSolver solver, MPSolverParameters params) {
    return NativeStdout.quietly(() -> solver.solve(params));
  }

  /** How a solve under a time limit ended, and how long it took. */
  record Timed(MPSolver.ResultStatus status, boolean hitLimit, double seconds) {}

  /**
   * Solves a MIP within {@code limitMillis}. CBC through OR-Tools answers INFEASIBLE when its time
   * limit stops it before any solution (google/or-tools#2480): a solve that ran to its limit and
   * says INFEASIBLE has proven nothing, and is reported NOT_SOLVED here, never as infeasible.
   */
  static Timed solveWithin(MPSolver solver, MPSolverParameters params, long limitMillis) {
    solver.setTimeLimit(limitMillis);
    long start = System.nanoTime();
    MPSolver.ResultStatus status = solve(solver, params);
    double seconds = (System.nanoTime() - start) / 1e9;
    // CBC checks its clock between nodes: it stops at or after its limit, never much before
    boolean hitLimit = seconds >= 0.95 * limitMillis / 1000.0;
    if (status == MPSolver.ResultStatus.INFEASIBLE && hitLimit) {
      status = MPSolver.ResultStatus.NOT_SOLVED;
    }
    return new Timed(status, hitLimit && status != MPSolver.ResultStatus.OPTIMAL, seconds);
  }
}
