package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.deal.BreakEven;
import io.nuage.deal.CvarLimit;
import io.nuage.deal.DealEvaluation;
import io.nuage.deal.DealOptimisation;
import io.nuage.deal.DealReport;
import io.nuage.deal.DealRun;
import io.nuage.deal.OptimisedDeal;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.risk.RiskAnalysis;
import io.nuage.risk.RiskOptions;
import io.nuage.scaleout.ScaleOut;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nuage deal SCENARIO --contract ID}: a committed-spend deal at several sizes and not
 * signed, over the same futures, and the demand at which it pays for itself (docs/deals.md).
 */
@Command(
    name = "deal",
    mixinStandardHelpOptions = true,
    header = "Sizes a committed-spend deal before signing it, over drawn futures.",
    description = {
      "Evaluates the contract at several sizes (its yearly minimums scaled; the discount from its"
          + " discount-tiers) and not signed, on the same futures drawn from the scenario's"
          + " uncertainty section: expected cost and CVaR95 with standard errors, the odds and"
          + " size of a shortfall, the expected saving against not signing and the probability"
          + " that the deal costs more; then the demand level at which the written deal pays for"
          + " itself.",
      "%nWith --optimise it chooses the minimums instead, or, for a reserved-capacity contract,"
          + " the number of GPUs to reserve (docs/deals.md section 5.1).",
      "%nThe same --seed gives the same answer, whatever --threads or --engine. Model:"
          + " docs/deals.md; JSON: docs/deal-json.md; on Spark: docs/scale-out.md."
    })
final class DealCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  enum Method {
    rounded,
    mip
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin FuturesOptions futures = new FuturesOptions();

  @picocli.CommandLine.Mixin EngineOptions engine = new EngineOptions();

  @Parameters(paramLabel = "SCENARIO", description = "the scenario file (YAML)")
  Path scenario;

  @Option(
      names = "--contract",
      required = true,
      paramLabel = "ID",
      description = "the committed-spend contract to size")
  String contract;

  @Option(
      names = "--scale",
      defaultValue = DealEvaluation.DEFAULT_SCALES,
      paramLabel = "S,S,...",
      description =
          "sizes to evaluate, as multiples of the written yearly minimums (default:"
              + " ${DEFAULT-VALUE})")
  String scales;

  @Option(
      names = "--recourse",
      defaultValue = "rounded",
      description =
          "how each future is solved: rounded (the LP relaxation rounded, fast) or mip (the"
              + " planner's MIP) (default: ${DEFAULT-VALUE}); the break-even always uses mip")
  Method recourse;

  @Option(
      names = "--break-even-tolerance",
      defaultValue = "0.005",
      paramLabel = "DEMAND",
      description =
          "the width of the break-even bracket, as a demand multiplier (default: ${DEFAULT-VALUE})")
  BigDecimal tolerance;

  @Option(names = "--no-break-even", description = "skip the break-even search")
  boolean noBreakEven;

  @Option(
      names = "--optimise",
      description =
          "choose the yearly minimums by the sample-average approximation of the two-stage"
              + " program (L-shaped decomposition), with statistical bounds, VSS and EVPI"
              + " (docs/deals.md sections 5-6), instead of evaluating --scale sizes")
  boolean optimise;

  @Option(
      names = "--bounds",
      defaultValue = "0..2",
      paramLabel = "LOW..HIGH",
      description =
          "with --optimise: each yearly minimum (a reserved-capacity contract: its GPUs) between"
              + " LOW and HIGH times the written one (default: ${DEFAULT-VALUE})")
  String bounds;

  @Option(
      names = "--replications",
      defaultValue = "3",
      paramLabel = "M",
      description =
          "with --optimise: independent samples whose bounds give the lower bound (default:"
              + " ${DEFAULT-VALUE})")
  int replications;

  @Option(
      names = "--fresh-samples",
      paramLabel = "N'",
      description =
          "with --optimise: futures of the fresh sample the answer is measured on (default: 2N)")
  @Nullable Integer freshSamples;

  @Option(
      names = "--gap",
      defaultValue = "0.001",
      paramLabel = "G",
      description =
          "with --optimise: the decomposition's relative gap target (default: ${DEFAULT-VALUE})")
  double gap;

  @Option(
      names = "--risk",
      paramLabel = "cvarNN",
      description =
          "with --optimise and --max: limit the CVaR at level NN%% of the total cost on the"
              + " sample, such as cvar95 (Rockafellar-Uryasev; docs/deals.md section 5)")
  @Nullable String risk;

  @Option(
      names = "--max",
      paramLabel = "AMOUNT",
      description =
          "with --risk: the most that CVaR may be, in the scenario's currency (such as"
              + " 400000000000)")
  @Nullable String max;

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
    List<BigDecimal> sizes = parseScales(scales);
    double timeLimit = futures.timeLimit();
    if (tolerance.signum() <= 0)
      throw new NuageException(
          "--break-even-tolerance must be above 0 (got " + tolerance.toPlainString() + ")");
    int workers = futures.workers();
    if (out != null)
      OutputFile.check(spec, "--out", out, format == Format.json ? "deal.json" : "deal.txt");
    refuseUnused();
    if (optimise && engine.distributed())
      throw new NuageException(
          "--engine "
              + engine.engine
              + ": not with --optimise yet (its decomposition keeps each sample's model between"
              + " iterations on this machine; docs/scale-out.md): leave --engine out, or evaluate"
              + " sizes with --scale on "
              + engine.engine);
    if (optimise) return optimise(n, workers);
    Scenario s = ScenarioFiles.read(scenario);
    PlanOptions options = PlanOptions.defaults().withTimeLimit(timeLimit);
    RecourseMethod method = recourse == Method.mip ? RecourseMethod.MIP : RecourseMethod.ROUNDED;
    DealEvaluation evaluation =
        new DealEvaluation(
            s, contract, sizes, new RiskOptions(n, futures.seed, workers, 0), recourse.name());
    DealRun run = run(options, method, workers);
    DealReport report;
    try (ScaleOut cluster = engine.distributed() ? engine.connect() : null;
        ProgressBar bar = futures.quiet ? null : RiskCommand.bar("futures")) {
      DealEvaluation served =
          cluster == null
              ? evaluation
              : evaluation.servedBy(
                  cluster.futures(
                      RiskCommand.recipe(
                              scenario,
                              ScenarioFiles.contentHash(scenario),
                              timeLimit,
                              method,
                              java.util.Map.of())
                          .forDeal(evaluation.sizes())));
      report = run.evaluate(served, RiskCommand.progress(bar));
    }
    if (!noBreakEven) report = DealEvaluation.withBreakEven(report, breakEven(s, run));
    String text =
        format == Format.json
            ? DealJson.of(report, ScenarioFiles.contentHash(scenario))
            : DealTable.render(report);
    if (out != null) OutputFile.write("--out", out, text);
    else spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private DealRun run(PlanOptions options, RecourseMethod method, int workers) {
    return new DealRun(options, method, workers, noBreakEven ? null : tolerance);
  }

  /** The written deal's break-even demand, by bisection on MIP re-plans (docs/deals.md s. 3). */
  private BreakEven breakEven(Scenario s, DealRun run) {
    if (!futures.quiet)
      System.err.println("break-even: bisection on re-plans of the scenario as written");
    return run.breakEven(s, contract, RiskAnalysis.Progress.NONE);
  }

  /** An option that the chosen mode would ignore is refused, not ignored. */
  private void refuseUnused() {
    var parsed = spec.commandLine().getParseResult();
    List<String> scaleOnly = List.of("--scale", "--recourse");
    List<String> optimiseOnly =
        List.of("--bounds", "--replications", "--fresh-samples", "--gap", "--risk", "--max");
    for (String option : optimise ? scaleOnly : optimiseOnly)
      if (parsed.hasMatchedOption(option))
        throw new NuageException(
            option
                + ": "
                + (optimise
                    ? "not used with --optimise, which chooses the minimums itself (leave it out)"
                    : "used only with --optimise (add --optimise, or leave it out)"));
    if (optimise && futures.samples.equals("all"))
      for (String option : List.of("--replications", "--fresh-samples"))
        if (parsed.hasMatchedOption(option))
          throw new NuageException(
              option
                  + ": not used with --samples all: the enumeration is the distribution itself, so"
                  + " there is nothing to replicate or sample afresh (leave it out)");
  }

  private int optimise(int n, int workers) {
    BigDecimal[] range = parseBounds(bounds);
    CvarLimit limit = limit(risk, max == null ? null : plainAmount("--max", max));
    if (!(gap > 0 && gap < 1))
      throw new NuageException("--gap: expected a fraction between 0 and 1 (got " + gap + ")");
    if (freshSamples != null && freshSamples < 2)
      throw new NuageException("--fresh-samples: expected 2 or more (got " + freshSamples + ")");
    Scenario s = ScenarioFiles.read(scenario);
    PlanOptions options = PlanOptions.defaults().withTimeLimit(futures.timeLimit());
    DealOptimisation.Progress progress =
        futures.quiet
            ? DealOptimisation.Progress.NONE
            : phase -> System.err.println("deal: " + phase);
    OptimisedDeal found =
        new DealOptimisation(
                s,
                contract,
                range,
                new RiskOptions(n, futures.seed, workers, 0),
                options,
                replications,
                freshSamples == null ? 0 : freshSamples,
                gap,
                limit,
                progress)
            .run();
    OptimisedDeal d =
        // a reservation has no break-even search (docs/deals.md section 5.1): its note says so
        noBreakEven || found.reservation() != null
            ? found
            : found.withBreakEven(breakEven(s, run(options, RecourseMethod.MIP, workers)));
    String text =
        format == Format.json
            ? DealJson.of(d, ScenarioFiles.contentHash(scenario))
            : DealTable.render(d);
    if (out != null) OutputFile.write("--out", out, text);
    else spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** {@code --risk cvarNN --max X}, both or neither. */
  static @Nullable CvarLimit limit(@Nullable String risk, @Nullable BigDecimal max) {
    if (risk == null && max == null) return null;
    if (risk == null)
      throw new NuageException(
          "--max: needs --risk to say which measure it limits, such as cvar95");
    if (max == null)
      throw new NuageException(
          "--risk: needs --max, the most " + risk + " may be, in the scenario's currency");
    return CvarLimit.of(risk, max);
  }

  /** A plain decimal amount (no exponent: 1e6 is refused, as the API refuses it). */
  static BigDecimal plainAmount(String option, String text) {
    if (!text.strip().matches("-?([0-9]+(\\.[0-9]+)?|\\.[0-9]+)"))
      throw new NuageException(
          option + ": expected a plain decimal amount such as 400000000000 (got " + text + ")");
    return new BigDecimal(text.strip());
  }

  static BigDecimal[] parseBounds(String text) {
    String[] parts = text.split("\\.\\.", -1);
    try {
      if (parts.length == 2
          && parts[0].strip().matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")
          && parts[1].strip().matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
        BigDecimal low = new BigDecimal(parts[0].strip());
        BigDecimal high = new BigDecimal(parts[1].strip());
        if (low.signum() >= 0 && high.compareTo(low) >= 0) return new BigDecimal[] {low, high};
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new NuageException(
        "--bounds: expected LOW..HIGH, multiples of the written minimums with 0 ≤ LOW ≤ HIGH,"
            + " such as 0.5..1.5 (got "
            + text
            + ")");
  }

  static List<BigDecimal> parseScales(String text) {
    List<BigDecimal> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      BigDecimal s;
      try {
        // a plain decimal, as the API takes it: 1e-9 is no size anyone means
        if (!part.strip().matches("-?([0-9]*\\.?[0-9]+|[0-9]+\\.)"))
          throw new NumberFormatException();
        s = new BigDecimal(part.strip());
      } catch (NumberFormatException e) {
        throw new NuageException(
            "--scale: expected sizes above 0 separated by commas, such as 0.5,1,1.5 (got "
                + text
                + ")");
      }
      if (s.signum() <= 0)
        throw new NuageException(
            "--scale: a size must be above 0 (got "
                + s.toPlainString()
                + ", expected a multiple of the written minimums such as 0.75)");
      if (out.stream().anyMatch(o -> o.compareTo(s) == 0))
        throw new NuageException("--scale: " + s.toPlainString() + " is given twice");
      out.add(s);
    }
    return out;
  }
}
