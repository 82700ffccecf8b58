package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.history.Plans;
import io.nuage.plan.history.StoredPlan;
import io.nuage.plan.replan.PreviousPlan;
import io.nuage.plan.replan.Replan;
import io.nuage.plan.replan.ReplanJson;
import io.nuage.plan.replan.ReplanText;
import io.nuage.replan.PlanDocument;
import io.nuage.replan.StoreReplan;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nuage replan SCENARIO}: re-plans the rest of the horizon from the bills (docs/replan.md).
 */
@Command(
    name = "replan",
    mixinStandardHelpOptions = true,
    description = {
      "Re-plans the rest of a scenario's horizon from what was billed.",
      "%nThe months before the as-of date are fixed to the bills in the store: their spend counts"
          + " towards the contracts' minimums and the providers' shares; training runs under way"
          + " keep their place and run on; the rest of the horizon is re-optimised with the same"
          + " planner. The plan being followed (--plan, or the scenario's latest plan in the store)"
          + " is kept where it still holds and costs no more than the re-plan's own plan (but for a"
          + " cent per placement of rounding).",
      "%nReports what changed against it (training runs moved, fleet GPU-hours shifted, cost by"
          + " component, shortfall per contract year) and the true-up ahead: for each contract year"
          + " not closed, the spend still needed to meet its minimum and whether the re-plan meets"
          + " it. The re-plan is kept in the store as the scenario's latest plan.",
      "%nExit codes: 0 re-planned, 2 bad input (nothing stored), 3 no feasible re-plan."
    })
public final class ReplanCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "the scenario file (YAML)")
  Path scenario;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description =
          "the store with the bills and plans (default: NUAGE_DB, else ~/.nuage/nuage.duckdb)")
  @Nullable Path db;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description =
          "the first day of the first month re-planned: charges before it are the actuals"
              + " (default: where the bills end, at a month's start)")
  @Nullable String asOf;

  @Option(
      names = "--plan",
      paramLabel = "PREVIOUS.json",
      description =
          "the plan being followed (default: the scenario's latest plan in the store, from nuage"
              + " plan --db or an earlier replan)")
  @Nullable Path plan;

  @Option(
      names = "--allow-missing",
      description =
          "re-plan even when a provider's bills miss a month before the as-of date (its spend"
              + " there counted as $0, said in the notes); refused otherwise")
  boolean allowMissing;

  @Option(
      names = "--format",
      defaultValue = "text",
      description =
          "text or json (default: ${DEFAULT-VALUE}); json is the plan JSON and the report")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "write the re-plan to FILE instead of the terminal")
  @Nullable Path out;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "the re-plan's deadline, as for nuage plan (default: ${DEFAULT-VALUE})")
  double timeLimit;

  @Override
  public Integer call() {
    // every input is checked before the store opens and before the solve
    TimeLimit.checked(timeLimit);
    if (out != null)
      OutputFile.check(spec, "--out", out, format == Format.json ? "replan.json" : "replan.txt");
    byte[] file = read(scenario);
    Scenario s = ScenarioFiles.read(scenario);
    java.time.LocalDate day = asOfDate();
    PreviousPlan previous = plan == null ? null : PlanDocument.read(plan);
    Path store = StoreLocation.resolve(db);
    if (!Files.isRegularFile(store)) {
      throw new NuageException(
          store
              + ": no store here (ingest the bills first: nuage ingest --db "
              + store
              + " FILE...)");
    }
    var err = spec.commandLine().getErr();
    try (Store opened = Store.open(store)) {
      var request =
          new StoreReplan.Request(
              s,
              scenario.toString(),
              Plans.contentHash(file),
              day,
              previous,
              PlanOptions.defaults().withTimeLimit(timeLimit),
              StoreReplan.Caller.CLI,
              allowMissing);
      StoreReplan.Prepared prepared = StoreReplan.prepare(opened, request);
      err.println(
          "nuage replan: "
              + s.name()
              + " as of "
              + prepared.past().asOf()
              + ", following "
              + prepared.previous().origin()
              + "; re-planning "
              + prepared.past().firstOpen()
              + ".."
              + s.horizon().end()
              + " (at most "
              + (long) timeLimit
              + " s)...");
      err.flush();
      Replan replan = StoreReplan.run(prepared);
      String json = ReplanJson.write(replan);
      String text =
          format == Format.json ? json : Lines.fit(ReplanText.render(replan, prepared.bills()));
      if (out != null) OutputFile.write("--out", out, text);
      else spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      StoredPlan kept = StoreReplan.keep(opened, prepared, replan, json);
      if (replan.outcome() instanceof PlanOutcome.Infeasible i) {
        err.println("nuage replan: " + scenario + " has no feasible re-plan:");
        i.reasons().forEach(r -> err.println("  " + r.message()));
        return PlanCommand.INFEASIBLE;
      }
      if (kept != null) err.println("nuage replan: kept in " + store + " as " + kept.id());
      return 0;
    }
  }

  private java.time.@Nullable LocalDate asOfDate() {
    if (asOf == null) return null;
    try {
      return java.time.LocalDate.parse(asOf);
    } catch (java.time.format.DateTimeParseException e) {
      throw new NuageException(
          "--as-of: not a date (got " + asOf + ", expected YYYY-MM-DD, e.g. 2027-07-01)");
    }
  }

  static byte[] read(Path scenario) {
    try {
      return Files.readAllBytes(scenario);
    } catch (IOException e) {
      // the parser names a missing or unreadable file in its own words
      ScenarioFiles.read(scenario);
      throw new NuageException(scenario + ": cannot read it (" + OutputFile.reason(e) + ")");
    }
  }
}
