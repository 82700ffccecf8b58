package io.nuage.server;

import io.nuage.cli.DealJson;
import io.nuage.core.NuageException;
import io.nuage.deal.CvarLimit;
import io.nuage.deal.DealEvaluation;
import io.nuage.deal.DealOptimisation;
import io.nuage.deal.DealRun;
import io.nuage.deal.OptimisedDeal;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.risk.RiskOptions;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Runs a deal job (docs/server.md, "Deal jobs") as {@code nuage deal --scale ... --format json}
 * does with the same scenario, contract, sizes, samples and seed, and answers the same JSON
 * (docs/deal-json.md): the fast recourse, the server's time limit per future, all cores, the CLI's
 * break-even tolerance. Progress is the share of futures served (to 0.9 when the break-even
 * follows, whose re-plans take it towards 0.99); a cancelled job stops at its next future.
 */
public final class DealRunner {
  /** As {@code --break-even-tolerance}'s default. */
  private static final BigDecimal TOLERANCE = new BigDecimal("0.005");

  private final PlanOptions options;
  private final int threads;

  public DealRunner(PlanOptions options, int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
    this.options = options;
    this.threads = threads;
  }

  /** A deal job's work, checked and ready: it answers the deal JSON. */
  interface Job {
    String run(PlanSolver.PlanProgress progress);
  }

  /**
   * The job of {@code request} on {@code s} (whose file as uploaded has the content hash {@code
   * version}), checked before any job exists: an unknown contract, one that is not committed spend
   * or runs past the horizon, a size below the first discount tier, bounds no tier can be reached
   * within, a reservation's bounds across its capacity schedule's kink, a CVaR level outside (0, 1)
   * are each a 400 located at their field. Its JSON is byte for byte the CLI's.
   */
  Job prepare(Scenario s, String version, DealRequest request) {
    try {
      return request.optimise() == null
          ? evaluation(s, version, request)
          : optimisation(s, version, request, request.optimise());
    } catch (NuageException e) {
      // a message naming no option is about the sizes (below a tier) or else the contract
      throw located(e.getMessage(), request.optimise() == null ? "scales" : "contract");
    }
  }

  private Job evaluation(Scenario s, String version, DealRequest request) {
    DealEvaluation evaluation =
        new DealEvaluation(
            s,
            request.contract(),
            request.scales(),
            new RiskOptions(request.samples(), request.seed(), threads, 0),
            "rounded");
    return progress -> run(s, version, evaluation, request, progress);
  }

  /**
   * {@code nuage deal --optimise}: progress moves by phase (the sample problem, each replication,
   * the fresh evaluation, the expected-value problem, wait-and-see) up to 0.9 when the break-even
   * follows; a cancelled job stops at its next decomposition iteration or batch of futures.
   */
  private Job optimisation(
      Scenario s, String version, DealRequest request, DealRequest.Optimise o) {
    CvarLimit limit = o.risk() == null ? null : CvarLimit.of(o.risk(), o.max());
    DealOptimisation.Progress[] phases = new DealOptimisation.Progress[1];
    PlanSolver.PlanProgress[] job = new PlanSolver.PlanProgress[1];
    int total = o.replications() + 3;
    double span = request.breakEven() ? 0.9 : 0.99;
    phases[0] =
        new DealOptimisation.Progress() {
          private int done = -1;

          @Override
          public void phase(String name) {
            step();
            done++;
            job[0].report(span * Math.min(1.0, (double) done / total));
          }

          @Override
          public void step() {
            if (job[0].cancelled()) throw new CancellationException("job cancelled");
          }
        };
    DealOptimisation optimisation =
        new DealOptimisation(
            s,
            request.contract(),
            o.bounds(),
            new RiskOptions(request.samples(), request.seed(), threads, 0),
            options,
            o.replications(),
            o.freshSamples(),
            o.gap(),
            limit,
            phases[0]);
    return progress -> {
      job[0] = progress;
      OptimisedDeal found;
      try {
        found = optimisation.run();
      } catch (NuageException e) {
        throw new NuageException(api(e.getMessage()));
      }
      // a reservation has no break-even search (docs/deals.md section 5.1): its note says so
      if (request.breakEven() && found.reservation() == null) {
        DealRun run = new DealRun(options, RecourseMethod.MIP, threads, TOLERANCE);
        found =
            found.withBreakEven(
                run.breakEven(s, request.contract(), new JobTicks(progress, span, 0.99)));
      }
      return DealJson.of(found, version);
    };
  }

  /**
   * The deal JSON of {@code evaluation} (of {@code s}, whose file as uploaded has the content hash
   * {@code version}), byte for byte the CLI's.
   */
  private String run(
      Scenario s,
      String version,
      DealEvaluation evaluation,
      DealRequest request,
      PlanSolver.PlanProgress progress) {
    DealRun run =
        new DealRun(
            options, RecourseMethod.ROUNDED, threads, request.breakEven() ? TOLERANCE : null);
    double evaluated = request.breakEven() ? 0.9 : 0.99;
    return DealJson.of(
        run.run(
            evaluation,
            s,
            request.contract(),
            new JobTicks(progress, 0, evaluated),
            new JobTicks(progress, evaluated, 0.99)),
        version);
  }

  /**
   * The core's message names the CLI's option ({@code --contract}, {@code --scale}); the API names
   * the body's field instead. A size below the first tier names its contract and size.
   */
  private static HttpProblem.BadRequest located(String message, String otherwise) {
    for (var option : FIELDS.entrySet())
      if (message.startsWith(option.getKey()))
        return new HttpProblem.BadRequest(
            List.of(
                BodyFields.problem(
                    option.getValue(),
                    api(message.substring(option.getKey().length()).replaceFirst("^:? ", "")))));
    return new HttpProblem.BadRequest(List.of(BodyFields.problem(otherwise, api(message))));
  }

  /** Each CLI option the core's messages start with, and the body field that stands for it. */
  private static final java.util.Map<String, String> FIELDS =
      java.util.Map.of(
          "--contract", "contract",
          "--scale", "scales",
          "--optimise", "contract",
          "--samples", "samples",
          "--bounds", "optimise.bounds",
          "--replications", "optimise.replications",
          "--risk", "optimise.risk",
          "--max", "optimise.max");

  /** A core message in the API's words: the body's fields for the CLI's options. */
  private static String api(String message) {
    String out = message;
    for (var option : WORDS.entrySet())
      out =
          out.replaceAll(
              java.util.regex.Pattern.quote(option.getKey()) + "(?![\\w-])",
              java.util.regex.Matcher.quoteReplacement(option.getValue()));
    return out;
  }

  /** How a message's CLI options read in the API: the body's fields. */
  private static final java.util.Map<String, String> WORDS =
      java.util.Map.ofEntries(
          java.util.Map.entry("--contract", "contract"),
          java.util.Map.entry("--scale", "scales"),
          java.util.Map.entry("--optimise", "optimise"),
          java.util.Map.entry("--samples", "samples"),
          java.util.Map.entry("--bounds", "optimise.bounds"),
          java.util.Map.entry("--replications", "optimise.replications"),
          java.util.Map.entry("--fresh-samples", "optimise.freshSamples"),
          java.util.Map.entry("--gap", "optimise.gap"),
          java.util.Map.entry("--risk", "optimise.risk"),
          java.util.Map.entry("--max", "optimise.max"));
}
