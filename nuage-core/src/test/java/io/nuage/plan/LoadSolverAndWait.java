package io.nuage.plan;

/** A child process for {@link UnpackedOrToolsTest}: makes a solver, says so, waits to be killed. */
final class LoadSolverAndWait {
  private LoadSolverAndWait() {}

  public static void main(String[] args) throws InterruptedException {
    Natives.solver("GLOP").delete();
    System.out.println("loaded");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
