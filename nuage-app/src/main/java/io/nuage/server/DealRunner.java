package io.nuage.server;

import io.nuage.cli.DealJson;
import io.nuage.core.NuageException;
import io.nuage.deal.DealEvaluation;
import io.nuage.deal.DealRun;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.risk.RiskOptions;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.util.List;

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

  /**
   * The job's evaluation, checked before any job exists: an unknown contract, one that is not
   * committed spend or runs past the horizon, a size below the first discount tier are each a 400
   * located at {@code contract} or {@code scales}.
   */
  DealEvaluation prepare(Scenario s, DealRequest request) {
    try {
      return new DealEvaluation(
          s,
          request.contract(),
          request.scales(),
          new RiskOptions(request.samples(), request.seed(), threads, 0),
          "rounded");
    } catch (NuageException e) {
      throw located(e.getMessage());
    }
  }

  /**
   * The deal JSON of {@code evaluation} (of {@code s}, whose file as uploaded has the content hash
   * {@code version}), byte for byte the CLI's.
   */
  String run(
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
  private static HttpProblem.BadRequest located(String message) {
    boolean contract = message.startsWith("--contract");
    String text = message.replaceFirst("^--(contract|scale):? ", "");
    return new HttpProblem.BadRequest(
        List.of(BodyFields.problem(contract ? "contract" : "scales", text)));
  }
}
