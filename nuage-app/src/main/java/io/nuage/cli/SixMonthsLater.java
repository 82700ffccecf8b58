package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.history.Plans;
import io.nuage.plan.replan.Replan;
import io.nuage.plan.replan.ReplanJson;
import io.nuage.plan.replan.ReplanText;
import io.nuage.replan.PlanDocument;
import io.nuage.replan.StoreReplan;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's second act (issue 11): six months of bills that drift from the plan, ingested, the
 * rest of the horizon re-planned from them, and the burn-down as of the bills' end projected with
 * the re-plan. Each step is the command a user would type, run in this process, so the demo shows
 * exactly what the commands do.
 */
final class SixMonthsLater {
  static final String UNTIL = "2027-06";
  static final String DRIFT = "demand=+15%@2027-04";

  /**
   * Act two's report: act one's is the plan alone, this one is as of the bills, with the re-plan.
   */
  static final String REPORT = "report-2027H1.html";

  private final PrintWriter out;
  private final Path dir;
  private final Path scenario;
  private final Path plan;
  private final double timeLimit;

  SixMonthsLater(PrintWriter out, Path dir, Path scenario, Path plan, double timeLimit) {
    this.out = out;
    this.dir = dir;
    this.scenario = scenario;
    this.plan = plan;
    this.timeLimit = timeLimit;
  }

  /** The files the demo writes, checked before the first plan. */
  static List<String> outputs(boolean actOneOnly) {
    return actOneOnly
        ? List.of("plan.json", "report.html", "concentration.json")
        : List.of(
            "plan.json",
            "report.html",
            "concentration.json",
            "bills-2027H1.csv",
            "commitments.csv",
            "replan.json",
            "burndown.json",
            REPORT);
  }

  int tell() {
    Path bills = dir.resolve("bills-2027H1.csv");
    Path commitments = dir.resolve("commitments.csv");
    Path db = dir.resolve("ledger.duckdb");
    Path replan = dir.resolve("replan.json");
    Path burndown = dir.resolve("burndown.json");
    out.println();
    out.println("== Act two: six months later ==");
    out.println();
    out.println(
        "The lab ran the plan from January to June 2027, but demand came in 15% above it from"
            + " April. The providers' bills for those months (FOCUS 1.3, each provider in its"
            + " own dialect, with ContractApplied and the Contract Commitment dataset):");
    out.flush();
    run(
        "generate-billing",
        "--from-plan",
        plan.toString(),
        "--scenario",
        scenario.toString(),
        "--until",
        UNTIL,
        "--focus-version",
        "1.3",
        "--drift",
        DRIFT,
        "--out",
        bills.toString(),
        "--commitments-out",
        commitments.toString());
    out.println("  " + bills.toAbsolutePath().normalize());
    out.println("  " + commitments.toAbsolutePath().normalize());
    out.println();
    out.println("Ingested into a fresh ledger (" + db.toAbsolutePath().normalize() + "):");
    out.flush();
    forget(db);
    out.print(run("ingest", "--db", db.toString(), commitments.toString(), bills.toString()));
    out.println();
    out.printf(
        "Re-planning the rest of the horizon from the bills (time limit %.0f s)...%n", timeLimit);
    out.flush();
    write(replan, replan(db));
    out.println();
    out.println("The burn-down, as of the end of the bills, projected with the re-plan:");
    out.flush();
    out.print(
        run(
            "ledger",
            "--scenario",
            scenario.toString(),
            "--db",
            db.toString(),
            "--plan",
            replan.toString()));
    write(
        burndown,
        run(
            "ledger",
            "--scenario",
            scenario.toString(),
            "--db",
            db.toString(),
            "--plan",
            replan.toString(),
            "--format",
            "json"));
    // the report a CFO opens after six months: the answers as of the bills, with the re-plan
    Path report = dir.resolve(REPORT);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "report",
                scenario.toString(),
                "--plan",
                replan.toString(),
                "--db",
                db.toString(),
                "--out",
                report.toString()));
    Path concentration = dir.resolve("concentration.json");
    if (Files.isRegularFile(concentration))
      args.addAll(List.of("--concentration", concentration.toString()));
    run(args.toArray(String[]::new));
    out.println();
    out.println("re-plan:   " + replan.toAbsolutePath().normalize());
    out.println("burn-down: " + burndown.toAbsolutePath().normalize());
    out.println(
        "report:    "
            + report.toAbsolutePath().normalize()
            + " (as of the bills, with the re-plan)");
    out.flush();
    return 0;
  }

  /**
   * {@code nuage replan SCENARIO --db DB --plan PLAN}, solved once: its text is printed, its JSON
   * returned (and kept in the store as the scenario's latest plan, as the command does).
   */
  private String replan(Path db) {
    byte[] file = ReplanCommand.read(scenario);
    Scenario s = ScenarioFiles.read(scenario);
    try (Store opened = Store.open(db)) {
      var request =
          new StoreReplan.Request(
              s,
              scenario.toString(),
              Plans.contentHash(file),
              null,
              PlanDocument.read(plan),
              PlanOptions.defaults().withTimeLimit(timeLimit),
              StoreReplan.Caller.CLI,
              false);
      StoreReplan.Prepared prepared = StoreReplan.prepare(opened, request);
      Replan replan = StoreReplan.run(prepared);
      String json = ReplanJson.write(replan);
      out.print(ReplanText.render(replan, prepared.bills()));
      StoreReplan.keep(opened, prepared, replan, json);
      if (replan.outcome() instanceof PlanOutcome.Infeasible)
        throw new NuageException("the second act's re-plan found no feasible plan");
      return json;
    }
  }

  /** Runs {@code nuage ARGS} in this process: what it printed, or its error as this one's. */
  private String run(String... args) {
    StringWriter captured = new StringWriter();
    StringWriter errors = new StringWriter();
    var cli = NuageCommand.commandLine();
    cli.setOut(new PrintWriter(captured, true));
    cli.setErr(new PrintWriter(errors, true));
    int code = cli.execute(args);
    if (code != 0)
      throw new NuageException(
          "the second act's nuage "
              + args[0]
              + " failed (exit "
              + code
              + "): "
              + errors.toString().strip());
    return captured.toString();
  }

  /** The demo's ledger starts empty every run: its act is six months of one plan's bills. */
  private static void forget(Path db) {
    try {
      Files.deleteIfExists(db);
      Files.deleteIfExists(io.nuage.store.Store.walOf(db));
    } catch (IOException e) {
      throw new NuageException(db + ": cannot start a fresh ledger (" + e.getMessage() + ")", e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NuageException(file + ": cannot write (" + e.getMessage() + ")", e);
    }
  }
}
