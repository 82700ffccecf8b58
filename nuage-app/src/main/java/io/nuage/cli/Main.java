package io.nuage.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The process entry point: runs a command and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    io.nuage.plan.Planner.keepSolverOutputOffStdout();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the CLI in-process, writing to the given streams; returns the exit code (0 ok, 1 internal
   * error, 2 bad input or usage, 3 infeasible plan). Tests call this to drive the real CLI.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = NuageCommand.commandLine();
    cli.setOut(out);
    cli.setErr(err);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
