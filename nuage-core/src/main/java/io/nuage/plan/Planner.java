package io.nuage.plan;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.verify.PlanVerifier;
import io.nuage.plan.verify.Violation;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Plans a scenario (docs/planner.md): pre-checks each workload, solves the MIP with CBC while the
 * baselines are priced beside it, reads shadow prices from the LP with the gang choices fixed, and
 * prices the result exactly.
 */
public final class Planner {
  /** The relative gap the MIP is asked to close: its own precision, not the OPTIMAL threshold. */
  static final double SOLVER_GAP = 1e-9;

  /**
   * The share of the time left when the MIP starts that is kept for the phases after it: CBC also
   * stops a little after its own limit.
   */
  static final double POST_MIP_SHARE = 0.15;

  private Planner() {}

  /**
   * Sends the solvers' C-level printing to /dev/null while they run ({@code NativeStdout}), for a
   * process that writes its results to standard output only after planning: the CLI.
   */
  public static void keepSolverOutputOffStdout() {
    NativeStdout.enabled = true;
  }

  public static PlanOutcome plan(Scenario scenario, PlanOptions options) {
    return plan(scenario, options, new Deadline(options.timeLimitSeconds()));
  }

  /**
   * The same with the time limit counted from {@code startedNanos} ({@link System#nanoTime}), not
   * from this call: for a command that read the scenario first, so that its reading counts too.
   */
  public static PlanOutcome plan(Scenario scenario, PlanOptions options, long startedNanos) {
    double spent = (System.nanoTime() - startedNanos) / 1e9;
    return plan(scenario, options, new Deadline(options.timeLimitSeconds() - spent));
  }

  /**
   * Loads the solvers' native libraries (OR-Tools', CBC's C interface, JNA's) on a background
   * thread, for a process that is about to read a scenario and plan it: on two cores the loading
   * (0.2-0.4 s) overlaps the parsing instead of following it (docs/benchmarks.md, issue 9). Safe to
   * call more than once; a plan that starts before it finishes waits for the same class
   * initialisation, never loads twice.
   */
  public static void prepareSolvers() {
    Thread.ofPlatform()
        .name("nuage-solver-natives")
        .daemon()
        .start(
            () -> {
              try {
                CbcDirect.available();
                NativeStdout.prepare();
              } catch (RuntimeException | LinkageError e) {
                // the plan itself loads them again and reports what fails
              }
            });
  }

  /**
   * Re-plans the months from {@code past.firstOpen()} with the past fixed to what was billed
   * (docs/planner.md, "Re-planning from actuals"). {@code previous} are the placements of the plan
   * being followed; its part from the first open month is kept when it holds every constraint with
   * the actuals and costs no more than the re-plan's proven bound allows.
   */
  public static PlanOutcome replan(
      Scenario scenario, FixedPast past, List<Placement> previous, PlanOptions options) {
    return plan(scenario, options, new Deadline(options.timeLimitSeconds()), past, previous);
  }

  /**
   * Serves a risk future (docs/risk.md section 2.0): the plan of what can be served at minimum cost
   * with the contracts as signed, the demand it leaves unmet priced at the terms' penalty, and the
   * share caps it exceeds at their steering penalty. Never infeasible: what cannot be served is
   * unmet. The result has been checked by the plan verifier against {@code future} and {@code
   * terms}. No baselines, shadow prices or next best.
   */
  public static io.nuage.plan.recourse.RecoursePlan serve(
      Scenario future, PlanOptions options, io.nuage.plan.recourse.RecourseTerms terms) {
    return serve(future, options, terms, io.nuage.plan.recourse.RecourseMethod.ROUNDED);
  }

  /** The same, solved by {@code method} (docs/risk.md section 2.1). */
  public static io.nuage.plan.recourse.RecoursePlan serve(
      Scenario future,
      PlanOptions options,
      io.nuage.plan.recourse.RecourseTerms terms,
      io.nuage.plan.recourse.RecourseMethod method) {
    return RecoursePlanner.serve(future, options, terms, method);
  }

  /** The same on a given deadline (tests move its clock by hand). */
  static PlanOutcome plan(Scenario scenario, PlanOptions options, Deadline deadline) {
    return plan(scenario, options, deadline, null, List.of());
  }

  /** What {@code source} says of a re-plan that kept the previous plan's remaining part. */
  public static final String KEPT = "previous plan kept";

  private static PlanOutcome plan(
      Scenario scenario,
      PlanOptions options,
      Deadline deadline,
      @org.jspecify.annotations.Nullable FixedPast past,
      List<Placement> previous) {
    long started = System.nanoTime();
    Stopwatch clock = new Stopwatch();
    List<String> notes = new ArrayList<>();
    PlanData data = new PlanData(scenario, options.maxGangOptions(), past);
    List<InfeasibilityReason> reasons = FeasibilityPrecheck.check(data);
    if (!reasons.isEmpty()) return new PlanOutcome.Infeasible(scenario.name(), reasons, List.of());
    clock.lap("model data and pre-checks");
    // The baselines are priced on threads of their own while the solver works: nothing the solver
    // does depends on them (OR-Tools' CBC takes no hint), and on two cores they cost no wall time.
    // They are the fallback when the deadline cuts the solver's phases, and the plan waits for
    // them: one thread each, so that the wait is the longer one's, not both (issue 9, the
    // deadline holds: at 1,000 runs under load they took 2-3 s together).
    FutureTask<Baselines.Result> listPrice = new FutureTask<>(() -> Baselines.listPrice(data));
    FutureTask<List<Baselines.Result>> pricing =
        new FutureTask<>(
            () -> {
              Baselines.Result commitmentsFirst = Baselines.commitmentsFirst(data);
              return List.of(joined(listPrice), commitmentsFirst);
            });
    Thread.ofPlatform().name("nuage-baselines-list-price").daemon().start(listPrice);
    Thread.ofPlatform().name("nuage-baselines").daemon().start(pricing);

    boolean large = data.options.size() > options.largeModelOptions();
    Solved solved =
        large
            ? relaxAndRound(data, options, deadline, notes)
            : solveMip(data, options, deadline, notes);
    if (solved.assignment() == null
        && solved.status() != MPSolver.ResultStatus.INFEASIBLE
        && !large) {
      if (deadline.passed()) {
        notes.add("the MIP gave no verified solution and no time was left to round its relaxation");
      } else {
        // The MIP gave no verified solution in time: round its relaxation instead.
        notes.add("the MIP gave no verified solution: its relaxation was rounded instead");
        Solved rounded = relaxAndRound(data, options, deadline, notes);
        if (rounded.assignment() != null) solved = rounded.withBound(solved.bound());
      }
    }
    clock.lap(large ? "relax and round" : "MIP (build and solve)");
    List<Baselines.Result> baselines = joined(pricing);
    clock.lap("baselines (what they took past the solver)");
    Baselines.Result best =
        baselines.stream()
            .filter(b -> b.baseline().feasible() && b.assignment() != null)
            .min(Comparator.comparing(b -> b.baseline().totalCost()))
            .orElse(null);
    if (solved.assignment() == null && best == null) {
      if (solved.status() == MPSolver.ResultStatus.INFEASIBLE) {
        return new PlanOutcome.Infeasible(
            scenario.name(),
            InfeasibilityAnalysis.explain(data, deadline),
            baselineList(baselines));
      }
      // No MIP proved infeasibility (relax and round solves none, or the MIP stopped): a phase-1 LP
      // whose checked optimum is positive proves the relaxation, hence the scenario, infeasible.
      List<InfeasibilityReason> proven = InfeasibilityAnalysis.provenByRelaxation(data, deadline);
      // Where the relaxation holds but no integral choice of gangs does (a share cap no run can
      // split its spend under), the elastic MIPs solved to optimality prove it; on small models
      // only, as the MIP path would have solved them.
      if (proven == null && data.options.size() <= PlanOptions.defaults().largeModelOptions())
        proven = InfeasibilityAnalysis.provenByElasticMips(data, deadline);
      if (proven != null) {
        return new PlanOutcome.Infeasible(scenario.name(), proven, baselineList(baselines));
      }
      throw noPlan(scenario.name(), data, options, notes, baselines);
    }
    double bound = solved.bound();
    if ((!(bound > 0) || Double.isInfinite(bound)) && !large) {
      // The solver stopped before proving a bound it can be trusted with: the LP relaxation is one.
      // (On the large path that relaxation was just tried: it is not solved twice.)
      bound = RelaxAndRound.relaxation(data, deadline, null, options.columnGenerationOptions());
    }
    if (Double.isNaN(bound) || Double.isInfinite(bound)) {
      notes.add(
          "no lower bound could be proven in time: lowerBound is the fixed cost alone, and the"
              + " gap says nothing about how far from optimal the plan is");
    }
    Assignment chosen = solved.assignment() != null ? solved.assignment() : best.assignment();
    PlanCosting.Priced priced = PlanCosting.price(data, chosen);
    String source =
        solved.assignment() != null ? solved.source() : "baseline " + best.baseline().name();
    if (best != null && best.priced().total().compareTo(priced.total()) < 0) {
      chosen = best.assignment();
      priced = best.priced();
      source = "baseline " + best.baseline().name();
    }
    // what the re-plan found itself: it stands in when the previous plan kept breaks the scenario
    Assignment found = chosen;
    PlanCosting.Priced foundPriced = priced;
    String foundSource = source;
    if (past != null && !previous.isEmpty()) {
      Kept kept = keep(data, previous, priced, bound, options, notes);
      if (kept != null) {
        chosen = kept.assignment();
        priced = kept.priced();
        source = KEPT;
      }
    }
    if (source.startsWith("baseline")) {
      notes.add("the plan is the " + source + ": the solver found nothing cheaper in time");
    }
    clock.lap("bound and costing");
    Run run =
        new Run(
            scenario,
            data,
            options,
            deadline,
            clock,
            notes,
            baselines,
            started,
            solved.explained());
    PlanOutcome outcome = run.assemble(chosen, priced, source, bound);
    List<Violation> broken = PlanVerifier.verify(scenario, outcome);
    if (!broken.isEmpty() && source.equals(KEPT)) {
      notes.add(
          "the previous plan's remaining part broke the scenario ("
              + describe(broken)
              + "): the re-plan's own is reported instead");
      chosen = found;
      priced = foundPriced;
      source = foundSource;
      outcome = run.assemble(chosen, priced, source, bound);
      broken = PlanVerifier.verify(scenario, outcome);
    }
    if (!broken.isEmpty()) {
      // Never reported: a plan that breaks its scenario. The other candidate (the best feasible
      // baseline behind the solver's plan, or the solver's plan behind a cheaper baseline) is
      // checked the same way and stands in, and the plan says why.
      boolean wasBaseline = source.startsWith("baseline");
      Assignment other =
          wasBaseline ? solved.assignment() : best == null ? null : best.assignment();
      if (other != null) {
        String otherSource = wasBaseline ? solved.source() : "baseline " + best.baseline().name();
        notes.add(
            "the "
                + (wasBaseline ? source : "solver's plan")
                + " broke the scenario ("
                + describe(broken)
                + "): the "
                + (wasBaseline ? "solver's plan" : otherSource)
                + " is reported instead");
        PlanCosting.Priced otherPriced =
            wasBaseline ? PlanCosting.price(data, other) : best.priced();
        outcome = run.assemble(other, otherPriced, otherSource, bound);
        broken = PlanVerifier.verify(scenario, outcome);
      }
    }
    if (!broken.isEmpty()) {
      throw new PlanNotVerified(
          "no plan of " + scenario.name() + " holds against its scenario: " + describe(broken));
    }
    return outcome;
  }

  /**
   * Why a run ends without a plan when no infeasibility was proven: points were found but none held
   * the model's rows (exit 1, the rows named: more time would not help), or no point was found in
   * time (exit 2, a larger {@code --time-limit} may help).
   */
  static io.nuage.core.NuageException noPlan(
      String scenario,
      PlanData data,
      PlanOptions options,
      List<String> notes,
      List<Baselines.Result> baselines) {
    List<String> rejected = notes.stream().filter(n -> n.startsWith(FixedIntegers.BROKE)).toList();
    String baselineNotes =
        String.join(
            "; ",
            baselines.stream().map(b -> b.baseline().name() + ": " + b.baseline().note()).toList());
    if (!rejected.isEmpty()) {
      return new PlanNotVerified(
          "no verified plan of "
              + scenario
              + ": "
              + String.join("; ", rejected)
              + "; no repair held the rows"
              + (baselineNotes.isEmpty()
                  ? ""
                  : " and no baseline is feasible (" + baselineNotes + ")"));
    }
    return new io.nuage.core.NuageException(
        "no plan found within the time limit of "
            + options.timeLimitSeconds()
            + " s and no baseline is feasible ("
            + baselineNotes
            + "; model: "
            + data.options.size()
            + " gang options, "
            + data.demands.size()
            + " demand rows"
            + (notes.isEmpty() ? "" : "; " + String.join("; ", notes))
            + "); try a larger --time-limit");
  }

  private static <T> T joined(FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pricing the baselines", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String describe(List<Violation> violations) {
    return PlanText.firstFew(violations, v -> v.rule() + ": " + v.message());
  }

  static final String DUALS_UNSOLVED =
      "shadow prices were not computed and next-best extra costs are unknown: the LP for them"
          + " did not reach its optimum in the time left";

  static final String DUALS_CUT =
      "shadow prices were not computed and next-best extra costs are unknown: the time limit was"
          + " reached before that phase";

  /** What one planning run carries to the end, where a candidate plan is explained and priced. */
  private record Run(
      Scenario scenario,
      PlanData data,
      PlanOptions options,
      Deadline deadline,
      Stopwatch clock,
      List<String> notes,
      List<Baselines.Result> baselines,
      long started,
      @org.jspecify.annotations.Nullable Explained explained) {

    PlanOutcome assemble(
        Assignment chosen, PlanCosting.Priced priced, String source, double bound) {
      Explanations why;
      if (explained != null && explained.of() == chosen) {
        why = explained.why();
      } else if (deadline.passed()) {
        // The time is up: the dual LP is the phase cut, and the plan says so.
        if (!notes.contains(DUALS_CUT)) notes.add(DUALS_CUT);
        why = new Explanations(List.of(), nextBest(data, chosen, null), false);
      } else {
        why = explain(data, chosen, priced.providers(), deadline);
        // cut when the deadline passed while its model was built (or before its LP started)
        String note = deadline.passed() ? DUALS_CUT : DUALS_UNSOLVED;
        if (!why.dualsSolved() && !notes.contains(note)) notes.add(note);
      }
      clock.lap("shadow prices and next best");
      BigDecimal lowerBound = lowerBound(bound, priced);
      BigDecimal gap =
          priced.total().signum() == 0
              ? BigDecimal.ZERO
              : priced
                  .total()
                  .subtract(lowerBound)
                  .divide(priced.total(), 6, RoundingMode.HALF_UP)
                  .max(BigDecimal.ZERO);
      double seconds = (System.nanoTime() - started) / 1e9;
      Plan plan =
          new Plan(
              scenario.name(),
              priced.total(),
              lowerBound,
              gap,
              data.optionsPruned,
              seconds,
              source,
              notes,
              priced.breakdown(),
              baselineList(baselines),
              priced.placements(),
              priced.egress(),
              priced.providers(),
              priced.contracts(),
              why.binding(),
              RightOfFirstRefusalReport.report(data, priced.placements()),
              why.nextBest(),
              clock.laps(),
              data.options.size(),
              data.past);
      // Optimal at the precision of money too: when only the rounding allowance on each side
      // (the total's own rounding, the bound's) separates the total from the bound, as on a
      // plan of a few hundred dollars where a few cents are a gap of 1e-4.
      boolean withinRounding =
          priced
                  .total()
                  .subtract(lowerBound)
                  .compareTo(roundingAllowance(priced).multiply(BigDecimal.TWO))
              <= 0;
      return gap.doubleValue() <= options.relativeGap() + 1e-9 || withinRounding
          ? new PlanOutcome.Optimal(plan)
          : new PlanOutcome.Feasible(plan, gap);
    }
  }

  /** What a solve gave: an assignment (or null), the proven bound (objective units) and how. */
  record Solved(
      @org.jspecify.annotations.Nullable Assignment assignment,
      double bound,
      MPSolver.ResultStatus status,
      String source,
      @org.jspecify.annotations.Nullable Explained explained) {
    Solved(
        @org.jspecify.annotations.Nullable Assignment assignment,
        double bound,
        MPSolver.ResultStatus status,
        String source) {
      this(assignment, bound, status, source, null);
    }

    Solved withBound(double other) {
      return bound > 0 && !Double.isInfinite(bound)
          ? this
          : new Solved(assignment, other, status, source, explained);
    }
  }

  static Solved solveMip(
      PlanData data, PlanOptions options, Deadline deadline, List<String> notes) {
    return solveMip(data, options, deadline, notes, Math.min(options.relativeGap(), SOLVER_GAP));
  }

  /**
   * The MIP asked to close {@code gap}: a plan's uses its time to close 1e-9, a risk future's stops
   * at the gap that counts as optimal (docs/risk.md section 2.1).
   */
  static Solved solveMip(
      PlanData data, PlanOptions options, Deadline deadline, List<String> notes, double gap) {
    MPSolver mip = Natives.solver(Natives.MIP);
    try {
      PlanModel model =
          new PlanModel(data, mip, PlanModel.Mode.MIP, null)
              .within(deadline, "the MIP's model build")
              .build();
      // not started once the deadline has passed: CBC would still take its floor and more
      deadline.check("the MIP");
      // The MIP gets what is left of the whole plan's time, its own model build included, less
      // what the phases after it need (checking, polishing, duals, costing).
      long limit = deadline.remainingMillisLess(POST_MIP_SHARE);
      ModelRows rows = ModelRows.of(mip); // exported once: solved, checked, repaired or polished
      CbcDirect.Result r;
      if (CbcDirect.available()) {
        r = CbcDirect.solve(rows.model(), gap, limit);
      } else {
        MPSolverParameters params = new MPSolverParameters();
        // The solver keeps improving past the gap that counts as OPTIMAL, until it proves the
        // optimum to its own precision or the time is up: the time limit is a budget to use.
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, gap);
        Natives.Timed timed = Natives.solveWithin(mip, params, limit);
        boolean any =
            timed.status() == MPSolver.ResultStatus.OPTIMAL
                || timed.status() == MPSolver.ResultStatus.FEASIBLE;
        r =
            new CbcDirect.Result(
                timed.status(),
                any ? ModelRows.point(mip) : null,
                any ? mip.objective().bestBound() : Double.NaN,
                timed.hitLimit(),
                timed.seconds());
      }
      MPSolver.ResultStatus status = r.status();
      if (r.hitLimit()) {
        notes.add(
            "the MIP stopped at its time limit ("
                + String.format(java.util.Locale.ROOT, "%.1f", r.seconds())
                + " s)"
                + (status == MPSolver.ResultStatus.NOT_SOLVED ? " without a plan" : ""));
      }
      boolean found =
          status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
      // without a solution CBC's best bound is not read: an INFEASIBLE proves nothing to bound,
      // and a solve stopped by its limit may not have finished its root LP
      if (!found || r.point() == null) return new Solved(null, Double.NaN, status, "solver");
      double bound = r.bound();
      double[] raw = r.point();
      double[] point = FixedIntegers.verifiedPoint(rows, raw, deadline, notes);
      if (point == null)
        return new Solved(null, Double.NaN, MPSolver.ResultStatus.ABNORMAL, "solver");
      if (point != raw) {
        // A repaired point comes without a bound the solver can be trusted with.
        return new Solved(model.solution(point), Double.NaN, status, "solver, integers fixed");
      }
      return new Solved(
          model.solution(FixedIntegers.polish(rows, point, deadline)), bound, status, "solver");
    } catch (Deadline.Passed cut) {
      notes.add(cut.note());
      return new Solved(null, Double.NaN, MPSolver.ResultStatus.NOT_SOLVED, "solver");
    } finally {
      mip.delete();
    }
  }

  static Solved relaxAndRound(
      PlanData data, PlanOptions options, Deadline deadline, List<String> notes) {
    RelaxAndRound.Result r =
        RelaxAndRound.solve(data, deadline, notes, options.columnGenerationOptions());
    MPSolver.ResultStatus status =
        Double.isNaN(r.bound()) ? MPSolver.ResultStatus.NOT_SOLVED : MPSolver.ResultStatus.FEASIBLE;
    return new Solved(r.assignment(), r.bound(), status, "relaxation rounded", r.explained());
  }

  /**
   * The MIP exactly as the solver sees it, in free MPS; its optimum plus fixedCost is the total
   * cost.
   */
  public static String exportMps(Scenario scenario, PlanOptions options) {
    PlanData data = new PlanData(scenario, options.maxGangOptions());
    MPSolver mip = Natives.solver(Natives.MIP);
    try {
      new PlanModel(data, mip, PlanModel.Mode.MIP, null).build();
      return MpsWriter.write(mip.exportModelToProto());
    } finally {
      mip.delete();
    }
  }

  /**
   * The proven bound in money: the solver's bound (floored to the cent) plus the fixed cost, less a
   * cent per placement. Money is rounded per placement, so a plan's exact total may sit up to that
   * much below its objective: without the allowance, a bound equal to one plan's objective can be
   * cents above another plan's exact total (21,333,739,162.30 against a plan at ...162.19 found
   * later, issue 9). A bound above the total by more than the allowance is no rounding but a wrong
   * bound, and the plan is not reported.
   */
  static BigDecimal lowerBound(double bound, PlanCosting.Priced priced) {
    BigDecimal fixed = priced.breakdown().fixed();
    if (Double.isNaN(bound) || Double.isInfinite(bound)) return fixed;
    BigDecimal lb = BigDecimal.valueOf(bound).setScale(2, RoundingMode.FLOOR).add(fixed);
    BigDecimal rounding = roundingAllowance(priced);
    if (lb.subtract(priced.total()).compareTo(rounding) > 0) {
      throw new IllegalStateException(
          "the proven lower bound "
              + lb.toPlainString()
              + " is above the plan's exact total "
              + priced.total().toPlainString()
              + " by more than rounding ("
              + rounding.toPlainString()
              + "): the solver's bound or point is wrong");
    }
    return lb.subtract(rounding).max(fixed);
  }

  /** The previous plan's remaining part, mapped and priced, when it is kept. */
  private record Kept(Assignment assignment, PlanCosting.Priced priced) {}

  /**
   * The previous plan's remaining part when it is to be kept (docs/planner.md, "Not moving work for
   * nothing"): it maps to the model's columns, holds every row with the actuals, and costs no more
   * than the re-plan's plan plus the rounding allowance (a cent per placement). Null otherwise;
   * either way the notes say what was decided and why.
   */
  private static @org.jspecify.annotations.Nullable Kept keep(
      PlanData data,
      List<Placement> previous,
      PlanCosting.Priced replanned,
      double bound,
      PlanOptions options,
      List<String> notes) {
    String not = "the previous plan's remaining part was not kept: ";
    List<String> why = new ArrayList<>();
    Assignment kept = KeptPlan.of(data, previous, why);
    if (kept == null) {
      notes.add(not + (why.isEmpty() ? "it does not map to the re-plan" : why.getFirst()));
      return null;
    }
    PlanCosting.Priced priced = PlanCosting.price(data, kept);
    String broken = KeptPlan.breaks(data, kept, priced);
    if (broken != null) {
      notes.add(not + "with the actuals it breaks the " + broken);
      return null;
    }
    BigDecimal lb;
    try {
      lb = lowerBound(bound, priced);
    } catch (IllegalStateException belowTheBound) {
      notes.add(not + "it costs less than the re-plan's proven bound, so it breaks a row");
      return null;
    }
    BigDecimal cost = priced.total();
    String figures =
        " (it costs "
            + cost.toPlainString()
            + ", the re-plan's own plan "
            + replanned.total().toPlainString()
            + ", the proven bound "
            + lb.toPlainString()
            + ")";
    // kept only when it gives up nothing but the rounding of costs: a plan within the optimality
    // tolerance of the bound could still cost millions more than the plan the re-plan found
    if (cost.compareTo(replanned.total().add(roundingAllowance(priced))) > 0) {
      notes.add(
          not
              + "it costs "
              + cost.subtract(replanned.total()).toPlainString()
              + " more than the re-plan's own plan"
              + figures);
      return null;
    }
    notes.add(
        "the previous plan's remaining part is kept: it holds every constraint with the actuals"
            + " and costs no more than the re-plan's own plan (within a cent per placement)"
            + figures);
    return new Kept(kept, priced);
  }

  /** A cent per placement and one for the rest: how far rounding can move a plan's total. */
  static BigDecimal roundingAllowance(PlanCosting.Priced priced) {
    return new BigDecimal("0.01").multiply(BigDecimal.valueOf(priced.placements().size() + 1L));
  }

  /** What the LP with the gang choices fixed says: binding constraints and next-best options. */
  record Explanations(List<Binding> binding, List<NextBest> nextBest, boolean dualsSolved) {}

  /** Explanations read from an LP that already solved a plan's gang-fixed model, and that plan. */
  record Explained(Assignment of, Explanations why) {}

  static Explanations explain(
      PlanData data, Assignment chosen, List<ProviderYear> providers, Deadline deadline) {
    MPSolver lp = Natives.solver("GLOP");
    try {
      // Without a ROFR the options not chosen (fixed at 0) are left out of the model and priced
      // by its probes instead: at 3,000 runs the model with all of them took 7 to 10 s to build.
      boolean some = RelaxAndRound.withoutRofr(data);
      String phase = "the LP for shadow prices";
      PlanModel fixed =
          new PlanModel(
                  data,
                  lp,
                  PlanModel.Mode.FIXED_LP,
                  chosen,
                  some ? chosen.options(data) : null,
                  false,
                  some)
              .within(deadline, phase)
              .build();
      fixed.fixRofr(fixed.valuesOf(chosen));
      // Presolve turns one-variable capacity rows into bounds and their duals into reduced costs.
      lp.setSolverSpecificParametersAsString("use_preprocessing: false");
      deadline.check(phase);
      lp.setTimeLimit(deadline.remainingMillis());
      MPSolver.ResultStatus status = Natives.solve(lp);
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        return new Explanations(List.of(), nextBest(data, chosen, null), false);
      }
      return new Explanations(
          ShadowPrices.of(fixed, providers), nextBest(data, chosen, fixed.reducedCosts()), true);
    } catch (Deadline.Passed cut) {
      // the caller says the phase was cut (the deadline has passed)
      return new Explanations(List.of(), nextBest(data, chosen, null), false);
    } finally {
      lp.delete();
    }
  }

  private static List<Baseline> baselineList(List<Baselines.Result> results) {
    return results.stream().map(Baselines.Result::baseline).toList();
  }

  /**
   * For each run, the option in another cell with the lowest reduced cost in the fixed LP: the
   * difference of reduced costs is what switching would add to the plan at its shadow prices.
   * Without the LP ({@code lp} null) the alternative is the cheapest stand-alone one, its extra
   * cost unknown. A run with no option in another cell has {@link NextBest#NONE}.
   */
  static List<NextBest> nextBest(
      PlanData data,
      Assignment chosen,
      java.util.function.@org.jspecify.annotations.Nullable ToDoubleFunction<GangOption> lp) {
    List<NextBest> out = new ArrayList<>();
    for (int j = 0; j < data.runs.size(); j++) {
      GangOption mine = data.options.get(chosen.optionOfRun()[j]);
      double mineRc = lp == null ? 0 : lp.applyAsDouble(mine);
      GangOption alt = null;
      double altRc = Double.POSITIVE_INFINITY;
      for (GangOption o : data.optionsByRun.get(j)) {
        if (o.cell() == mine.cell()) continue;
        double rc = lp == null ? data.effectiveCost(o).doubleValue() : lp.applyAsDouble(o);
        if (rc < altRc) {
          alt = o;
          altRc = rc;
        }
      }
      String run = data.runs.get(j).id();
      if (alt == null && data.optionsPruned) {
        // The options kept are all in this cell, but the run could go elsewhere: the cheapest
        // option pruned away is its alternative, its extra cost unknown (it is not in the LP).
        GangOption dropped =
            data.unprunedOptions(j).stream()
                .filter(o -> o.cell() != mine.cell())
                .min(Comparator.comparing(data::effectiveCost))
                .orElse(null);
        if (dropped != null) {
          out.add(
              new NextBest(
                  run,
                  dropped.cell().region()
                      + " "
                      + dropped.cell().accName()
                      + " from "
                      + data.months.get(dropped.start()),
                  null,
                  data.effectiveCost(dropped).setScale(2, RoundingMode.HALF_EVEN)));
          continue;
        }
      }
      if (alt == null) {
        out.add(NextBest.none(run));
        continue;
      }
      BigDecimal extra =
          lp == null
              ? null
              : BigDecimal.valueOf(Math.max(0, altRc - mineRc)).setScale(2, RoundingMode.HALF_EVEN);
      out.add(
          new NextBest(
              run,
              alt.cell().region()
                  + " "
                  + alt.cell().accName()
                  + " from "
                  + data.months.get(alt.start()),
              extra,
              data.effectiveCost(alt).setScale(2, RoundingMode.HALF_EVEN)));
    }
    return out;
  }
}
