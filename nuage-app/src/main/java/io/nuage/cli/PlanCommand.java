package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.plan.PlanJson;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.PlanTable;
import io.nuage.plan.Planner;
import io.nuage.scenario.Scenario;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nuage plan SCENARIO}: places every workload at minimum total cost (docs/planner.md). */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Plans a scenario at minimum total cost, with its proven bound and baselines.")
public final class PlanCommand implements Callable<Integer> {
  /** Exit code of a scenario that has no plan. */
  static final int INFEASIBLE = 3;

  enum Format {
    table,
    json
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "the scenario file (YAML)")
  Path scenario;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "write the plan to FILE instead of the terminal")
  Path out;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "the whole plan's deadline: model, solvers, bound and explanations"
              + " (default: ${DEFAULT-VALUE})")
  double timeLimit;

  @Option(
      names = "--export-mps",
      paramLabel = "FILE",
      description = "also write the model the solver saw, as free MPS")
  Path mps;

  @Mixin ServerOption server;

  @Override
  public Integer call() {
    if (!(timeLimit > 0))
      throw new NuageException("--time-limit must be positive (got " + timeLimit + ")");
    // a solve may take minutes: an output it could not write is refused before it
    if (out != null)
      OutputFile.check(spec, "--out", out, format == Format.json ? "plan.json" : "plan.txt");
    if (mps != null) OutputFile.check(spec, "--export-mps", mps, "plan.mps");
    if (server.given()) return ServerPlan.run(this);
    Scenario s = ScenarioFiles.read(scenario);
    PlanOptions options = PlanOptions.defaults().withTimeLimit(timeLimit);
    if (mps != null) OutputFile.write("--export-mps", mps, Planner.exportMps(s, options));
    PlanOutcome outcome = Planner.plan(s, options);
    String text = format == Format.json ? PlanJson.write(outcome) : PlanTable.render(outcome);
    if (out != null) OutputFile.write("--out", out, text);
    else spec.commandLine().getOut().print(text);
    // print() does not flush: without this, the line on stderr below reaches a terminal first
    spec.commandLine().getOut().flush();
    if (outcome instanceof PlanOutcome.Infeasible i) {
      var err = spec.commandLine().getErr();
      if (out == null && format == Format.table) {
        // the table on the terminal lists the reasons already
        err.println("nuage plan: " + scenario + " has no feasible plan (the reasons are above)");
      } else {
        err.println("nuage plan: " + scenario + " has no feasible plan:");
        i.reasons().forEach(r -> err.println("  " + r.message()));
      }
      return INFEASIBLE;
    }
    return 0;
  }
}
