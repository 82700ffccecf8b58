package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.plan.Plan;
import io.nuage.plan.PlanJson;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.PlanTable;
import io.nuage.plan.Planner;
import io.nuage.plan.history.PlanKind;
import io.nuage.plan.history.Plans;
import io.nuage.plan.history.StoredPlan;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.StoreLocation;
import io.nuage.store.plans.DuckDbPlans;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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
    json,
    csv
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "the scenario file (YAML)")
  Path scenario;

  @Option(
      names = "--format",
      defaultValue = "table",
      description =
          "table (a summary; --placements adds the placements), json (docs/plan-json.md) or csv"
              + " (the placements, one row each) (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--placements",
      description = "with the table: list every placement too, grouped by workload")
  boolean placements;

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
          "the whole plan's deadline, counted from when the command starts its work: reading the"
              + " scenario, model, baselines, solvers, bound and explanations; a phase cut by it"
              + " is named in the plan's solver notes. Writing --export-mps is outside it"
              + " (default: ${DEFAULT-VALUE})")
  double timeLimit;

  @Option(
      names = "--export-mps",
      paramLabel = "FILE",
      description =
          "also write the model the solver saw, as free MPS (written before planning, and not"
              + " counted in --time-limit: it can take longer than the plan on a large model)")
  Path mps;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description =
          "also keep the plan in this store as the scenario's latest plan, the one nuage replan"
              + " follows (created if missing)")
  @Nullable Path db;

  @Mixin ServerOption server;

  @Override
  public Integer call() {
    long started = System.nanoTime(); // --time-limit counts from here (docs/planner.md)
    TimeLimit.checked(timeLimit);
    // a solve may take minutes: an output it could not write is refused before it
    if (placements && format != Format.table)
      throw new NuageException(
          "--placements: the "
              + format
              + " output holds every placement already (leave --placements out)");
    if (out != null) OutputFile.check(spec, "--out", out, "plan." + extension());
    if (mps != null) OutputFile.check(spec, "--export-mps", mps, "plan.mps");
    if (db != null && !server.given())
      OutputFile.check(spec, "--db", StoreLocation.resolve(db), "nuage.duckdb");
    if (server.given()) {
      if (db != null)
        throw new NuageException(
            "--db and --server: give one (through a server, its store keeps the plan)");
      return ServerPlan.run(this);
    }
    Planner.prepareSolvers(); // the native libraries load while the scenario is read
    byte[] file = ReplanCommand.read(scenario);
    Scenario s = ScenarioFiles.read(scenario);
    PlanOptions options = PlanOptions.defaults().withTimeLimit(timeLimit);
    if (mps != null) {
      // outside the time limit (docs/planner.md, "Time limit"): I/O the user asked for, which no
      // deadline can interrupt; the plan's clock is moved on by what it took
      long exporting = System.nanoTime();
      OutputFile.write("--export-mps", mps, Planner.exportMps(s, options));
      started += System.nanoTime() - exporting;
    }
    PlanOutcome outcome;
    try (PlanningLine line = new PlanningLine(s.name(), timeLimit, spec.commandLine().getErr())) {
      outcome = Planner.plan(s, options, started);
    }
    String text = text(outcome);
    if (out != null) OutputFile.write("--out", out, text);
    else spec.commandLine().getOut().print(text);
    // print() does not flush: without this, the line on stderr below reaches a terminal first
    spec.commandLine().getOut().flush();
    if (db != null && !(outcome instanceof PlanOutcome.Infeasible)) keep(s, file, outcome);
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

  private String extension() {
    return switch (format) {
      case json -> "json";
      case csv -> "csv";
      case table -> "txt";
    };
  }

  String text(PlanOutcome outcome) {
    return switch (format) {
      case json -> PlanJson.write(outcome);
      case table -> PlanTable.render(outcome, placements);
      // no plan, no placements: the header alone, the reasons on stderr
      case csv -> PlanCsv.placements(LedgerJson.tree(PlanJson.write(outcome)));
    };
  }

  /** Keeps a plan in the store as the scenario's latest (docs/replan.md, "Stored plans"). */
  private void keep(Scenario s, byte[] file, PlanOutcome outcome) {
    try (Store store = Store.open(StoreLocation.resolve(db))) {
      Plan plan =
          outcome instanceof PlanOutcome.Optimal o
              ? o.plan()
              : ((PlanOutcome.Feasible) outcome).plan();
      StoredPlan kept =
          new DuckDbPlans(store)
              .add(
                  s.name(),
                  scenario.toString(),
                  Plans.contentHash(file),
                  PlanKind.PLAN,
                  null,
                  outcome instanceof PlanOutcome.Optimal ? "OPTIMAL" : "FEASIBLE",
                  plan.totalCost(),
                  PlanJson.write(outcome));
      spec.commandLine()
          .getErr()
          .println("nuage plan: kept in " + store.path() + " as " + kept.id());
    }
  }
}
