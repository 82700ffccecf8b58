package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RunPlace;
import io.nuage.risk.PlannerRecourse;
import io.nuage.risk.RiskAnalysis;
import io.nuage.risk.RiskOptions;
import io.nuage.risk.RiskReport;
import io.nuage.scaleout.ScaleOut;
import io.nuage.scaleout.SweepRecipe;
import io.nuage.scenario.Scenario;
import io.nuage.workload.TrainingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nuage risk SCENARIO}: what the signed contracts cost over drawn futures (docs/risk.md).
 */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    header = "Prices the signed contracts over drawn futures, with standard errors.",
    description = {
      "Draws futures from the scenario's uncertainty section, serves each with the signed"
          + " contracts and reports the distribution of the total cost with its standard errors:"
          + " mean, P5-P99, CVaR95, the probability and size of a shortfall per contract year,"
          + " the probability of exceeding a share cap, and what each source costs alone.",
      "%nThe same --seed gives the same answer, whatever --threads. Model: docs/risk.md;"
          + " JSON: docs/risk-json.md."
    })
final class RiskCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  enum Policy {
    replan,
    adapt
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin FuturesOptions futures = new FuturesOptions();

  @picocli.CommandLine.Mixin EngineOptions engine = new EngineOptions();

  @Parameters(paramLabel = "SCENARIO", description = "the scenario file (YAML)")
  Path scenario;

  @Option(
      names = "--policy",
      defaultValue = "replan",
      description =
          "replan: each future re-planned with hindsight; adapt: training placements of the base"
              + " plan kept where still feasible (default: ${DEFAULT-VALUE})")
  Policy policy;

  @Option(
      names = "--plan",
      paramLabel = "PLAN.json",
      description =
          "the base plan of --policy adapt (plan JSON, docs/plan-json.md); default: a plan of the"
              + " scenario made first")
  @Nullable Path plan;

  @Option(
      names = "--recourse",
      defaultValue = "rounded",
      description =
          "how each future is solved: rounded (the LP relaxation rounded, fast) or mip (the"
              + " planner's MIP, slower, gap closed) (default: ${DEFAULT-VALUE})")
  Method recourse;

  enum Method {
    rounded,
    mip
  }

  @Option(
      names = "--source-samples",
      paramLabel = "K",
      description =
          "futures per uncertainty source drawn alone, to price each source (default: N/8; 0:"
              + " none)")
  @Nullable Integer sourceSamples;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE")
  @Nullable Path out;

  @Override
  public Integer call() {
    int n = futures.samples();
    double timeLimit = futures.timeLimit();
    int workers = futures.workers();
    int perSource = sourceSamples != null ? sourceSamples : n == 0 ? 0 : Math.max(1, n / 8);
    if (perSource < 0)
      throw new NuageException("--source-samples cannot be negative (got " + perSource + ")");
    if (plan != null && policy != Policy.adapt)
      throw new NuageException(
          "--plan: only --policy adapt keeps a base plan's placements (got --policy "
              + policy
              + ")");
    if (out != null)
      OutputFile.check(spec, "--out", out, format == Format.json ? "risk.json" : "risk.txt");
    Scenario s = ScenarioFiles.read(scenario);
    String version = ScenarioFiles.contentHash(scenario); // the version the answer is of
    PlanOptions options = PlanOptions.defaults().withTimeLimit(timeLimit);
    RecourseMethod method = recourse == Method.mip ? RecourseMethod.MIP : RecourseMethod.ROUNDED;
    Map<String, RunPlace> kept = policy == Policy.adapt ? basePlaces(s, options) : Map.of();
    RiskReport report;
    boolean distributed = engine.distributed();
    try (ScaleOut cluster = distributed ? engine.connect() : null;
        ProgressBar bar = futures.quiet ? null : bar("futures")) {
      RiskAnalysis.Progress progress = progress(bar);
      RiskAnalysis analysis =
          new RiskAnalysis(
              s,
              policy.name(),
              () -> new PlannerRecourse(options, method, kept),
              new RiskOptions(n, futures.seed, workers, perSource),
              progress);
      if (cluster != null)
        analysis =
            analysis.servedBy(cluster.futures(recipe(scenario, version, timeLimit, method, kept)));
      report = analysis.run();
    }
    String text =
        format == Format.json ? RiskJson.of(report, version) : Lines.fit(RiskTable.render(report));
    if (out != null) OutputFile.write("--out", out, text);
    else spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Each training run's place in the base plan: {@code --plan}'s, or a plan of the scenario made
   * first (docs/risk.md section 2, {@code adapt}).
   */
  private Map<String, RunPlace> basePlaces(Scenario s, PlanOptions options) {
    if (plan != null) {
      Map<String, RunPlace> places = PlanJsonReader.runPlaces(plan);
      Set<String> runs = new HashSet<>();
      s.workloads(TrainingRun.class).forEach(r -> runs.add(r.id()));
      for (String run : places.keySet())
        if (!runs.contains(run))
          throw new NuageException(
              plan
                  + ": places training run "
                  + run
                  + ", which "
                  + scenario
                  + " does not have (a plan of another scenario?)");
      return places;
    }
    return switch (Planner.plan(s, options)) {
      case PlanOutcome.Optimal o -> PlannerRecourse.placesOf(o.plan().placements());
      case PlanOutcome.Feasible f -> PlannerRecourse.placesOf(f.plan().placements());
      case PlanOutcome.Infeasible i ->
          throw new NuageException(
              "--policy adapt needs a base plan, and the scenario as written has none: "
                  + i.reasons().get(0).message()
                  + " (give one with --plan)");
    };
  }

  /** What executors need to serve futures of {@code file} as this process would. */
  static SweepRecipe recipe(
      Path file,
      String version,
      double timeLimit,
      RecourseMethod method,
      Map<String, RunPlace> kept) {
    return new SweepRecipe(
        new String(ReplanCommand.read(file), StandardCharsets.UTF_8),
        file.toString(),
        baseDir(file),
        version,
        timeLimit,
        method.name(),
        kept);
  }

  private static String baseDir(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent.toString() : "";
  }

  static int parseSamples(String samples) {
    if (samples.equals("all")) return 0;
    try {
      int n = Integer.parseInt(samples);
      if (n >= 1) return n;
    } catch (NumberFormatException e) {
      // below
    }
    throw new NuageException(
        "--samples: expected a whole number of futures of 1 or more, or all (got " + samples + ")");
  }

  /** The progress of served futures on {@code bar}; nothing without one. */
  static RiskAnalysis.Progress progress(@Nullable ProgressBar bar) {
    if (bar == null) return RiskAnalysis.Progress.NONE;
    return new RiskAnalysis.Progress() {
      @Override
      public void start(long futures) {
        bar.maxHint(futures);
      }

      @Override
      public void served() {
        bar.step();
      }
    };
  }

  static ProgressBar bar(String task) {
    return Progress.bar(task).setInitialMax(1).showSpeed().build();
  }
}
