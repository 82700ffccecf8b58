package io.nuage.plan;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;

/** Loads OR-Tools' native library once per process and makes solvers. */
final class Natives {
  /**
   * The MIP solver. COIN-OR CBC through OR-Tools: on the shipped example it proves optimality in
   * about 3 s where SCIP (SoPlex) had not solved the root LP after 40 s and HiGHS took 38 s.
   */
  static final String MIP = "CBC";

  private static boolean loaded;

  private Natives() {}

  static synchronized MPSolver solver(String id) {
    if (!loaded) {
      Loader.loadNativeLibraries();
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
}
