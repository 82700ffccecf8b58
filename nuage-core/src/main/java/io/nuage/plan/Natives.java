package io.nuage.plan;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/** Loads OR-Tools' native library once per process and makes solvers. */
final class Natives {
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
}
