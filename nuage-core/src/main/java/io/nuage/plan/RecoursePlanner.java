package io.nuage.plan;

import com.google.ortools.linearsolver.MPSolver;
import io.nuage.core.NuageException;
import io.nuage.plan.recourse.CapExcess;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.plan.recourse.Unmet;
import io.nuage.plan.verify.PlanVerifier;
import io.nuage.plan.verify.Violation;
import io.nuage.scenario.Scenario;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves a risk future (docs/risk.md section 2.0): the planner's model with unplaced, unmet and
 * cap-excess columns, solved without baselines or explanations, priced exactly, its unmet demand
 * priced at the penalty, and checked by the plan verifier before it is returned.
 */
final class RecoursePlanner {
  private static final BigDecimal CENT = new BigDecimal("0.01");

  private RecoursePlanner() {}

  static RecoursePlan serve(
      Scenario future, PlanOptions options, RecourseTerms terms, RecourseMethod method) {
    Deadline deadline = Deadline.lenient(options.timeLimitSeconds());
    List<String> notes = new ArrayList<>();
    PlanData data = new PlanData(future, options.maxGangOptions(), null, terms);
    // (no solver value is touched before a solver is made: that loads OR-Tools' natives)
    Planner.Solved solved =
        method == RecourseMethod.ROUNDED ? rounded(data, options, deadline, notes) : null;
    if (solved == null || solved.assignment() == null) {
      if (solved != null)
        notes.add("the rounded relaxation gave no verified plan: the MIP was solved instead");
      solved = mip(data, options, deadline, notes);
    }
    if (solved.assignment() == null)
      throw new NuageException(
          "no recourse plan of "
              + future.name()
              + " within the time limit of "
              + options.timeLimitSeconds()
              + " s"
              + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
              + "; try a larger --time-limit");
    double bound = solved.bound();
    if (!(bound > 0) || Double.isInfinite(bound)) {
      bound = RelaxAndRound.relaxation(data, deadline, null, options.columnGenerationOptions());
    }
    Assignment chosen = solved.assignment();
    PlanCosting.Priced priced = PlanCosting.price(data, chosen);
    Unserved unserved = unserved(data, chosen, terms.unmetPenaltyPerGpuHour());
    List<Unmet> unmet = unserved.items();
    List<CapExcess> excess = excess(future, priced.providers());
    BigDecimal unmetCost = unmet.stream().map(Unmet::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal total = priced.total().add(unmetCost);
    // the objective's part that is not money, to the cent above: every dollar above a cap, also
    // the cents of rounding the reported excess leaves out, as the model's objective (and so its
    // bound) counts it (docs/risk.md section 2.0)
    BigDecimal capSteering =
        terms.shareCapPenalty().multiply(aboveCaps(future, priced.providers()));
    BigDecimal steering = capSteering.add(unserved.steering()).setScale(2, RoundingMode.CEILING);
    BigDecimal lowerBound = lowerBound(bound, priced, unmet.size(), total.add(steering), notes);
    // spend above its cap within the rounding is no excess, but its steering is in the bound:
    // the plan's bound is the recourse's less it (still a bound on every plan that holds the caps)
    Plan plan =
        plan(
            future,
            data,
            priced,
            unmet.isEmpty() && excess.isEmpty(),
            bound - capSteering.doubleValue(),
            solved,
            notes);
    RecoursePlan served =
        new RecoursePlan(plan, unmet, excess, unmetCost, total, steering, lowerBound);
    List<Violation> broken = PlanVerifier.verify(future, terms, served);
    if (!broken.isEmpty()) {
      throw new IllegalStateException(
          "the recourse plan of "
              + future.name()
              + " breaks its future: "
              + PlanText.firstFew(broken, v -> v.rule() + ": " + v.message()));
    }
    return served;
  }

  /** Relax and round without neighbourhood MIPs (docs/risk.md section 2.1). */
  private static Planner.Solved rounded(
      PlanData data, PlanOptions options, Deadline deadline, List<String> notes) {
    RelaxAndRound.Result r = RelaxAndRound.roundedInPlace(data, deadline, notes);
    MPSolver.ResultStatus status =
        Double.isNaN(r.bound()) ? MPSolver.ResultStatus.NOT_SOLVED : MPSolver.ResultStatus.FEASIBLE;
    return new Planner.Solved(r.assignment(), r.bound(), status, "relaxation rounded");
  }

  /** As a plan is solved: the MIP, or relax and round above the size threshold. */
  private static Planner.Solved mip(
      PlanData data, PlanOptions options, Deadline deadline, List<String> notes) {
    boolean large = data.options.size() > options.largeModelOptions();
    Planner.Solved solved =
        large
            ? Planner.relaxAndRound(data, options, deadline, notes)
            : Planner.solveMip(data, options, deadline, notes, options.relativeGap());
    if (solved.assignment() == null && !large) {
      notes.add("the MIP gave no verified solution: its relaxation was rounded instead");
      Planner.Solved rounded = Planner.relaxAndRound(data, options, deadline, notes);
      if (rounded.assignment() != null) solved = rounded.withBound(solved.bound());
    }
    return solved;
  }

  /**
   * The served part as a plan. Its bound is the recourse's when nothing is unmet and no cap
   * exceeded (then no plan of the future serving everything costs less); otherwise only the fixed
   * cost is proven of it, and the recourse carries the bound of the whole objective.
   */
  private static Plan plan(
      Scenario future,
      PlanData data,
      PlanCosting.Priced priced,
      boolean servesAll,
      double bound,
      Planner.Solved solved,
      List<String> notes) {
    BigDecimal planBound;
    if (servesAll) {
      planBound = Planner.lowerBound(bound, priced);
    } else {
      planBound = priced.breakdown().fixed();
      notes.add(
          "lowerBound is the fixed cost: the recourse's proven bound covers the unmet penalty and"
              + " the cap excess too");
    }
    BigDecimal gap =
        priced.total().signum() == 0
            ? BigDecimal.ZERO
            : priced
                .total()
                .subtract(planBound)
                .divide(priced.total(), 6, RoundingMode.HALF_UP)
                .max(BigDecimal.ZERO);
    return new Plan(
        future.name(),
        priced.total(),
        planBound,
        gap,
        data.optionsPruned,
        0,
        solved.source(),
        notes,
        priced.breakdown(),
        List.of(),
        priced.placements(),
        priced.egress(),
        priced.providers(),
        priced.contracts(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        data.options.size());
  }

  /**
   * The bound on the recourse objective in money: the solver's (floored to the cent) plus the fixed
   * cost, less a cent per placement and per unmet item and one more (each is rounded to the cent).
   * Above the objective by more than that, it proves the bound or the point wrong.
   */
  private static BigDecimal lowerBound(
      double bound,
      PlanCosting.Priced priced,
      int unmetItems,
      BigDecimal objective,
      List<String> notes) {
    BigDecimal fixed = priced.breakdown().fixed();
    if (Double.isNaN(bound) || Double.isInfinite(bound)) {
      notes.add("no lower bound could be proven in time: lowerBound is the fixed cost alone");
      return fixed;
    }
    BigDecimal lb = BigDecimal.valueOf(bound).setScale(2, RoundingMode.FLOOR).add(fixed);
    BigDecimal rounding =
        CENT.multiply(BigDecimal.valueOf(priced.placements().size() + unmetItems + 1L));
    if (lb.subtract(objective).compareTo(rounding) > 0) {
      throw new IllegalStateException(
          "the recourse's proven lower bound "
              + lb.toPlainString()
              + " is above its objective "
              + objective.toPlainString()
              + " by more than rounding: the solver's bound or point is wrong");
    }
    return lb.subtract(rounding).max(fixed).min(objective);
  }

  /** The unmet items of a plan and their steering penalty (not money). */
  record Unserved(List<Unmet> items, BigDecimal steering) {}

  /**
   * Unplaced runs (all of their reference GPU-hours) and each demand row's demand less what its
   * rounded placements serve, when that is more than their rounding; each priced at the penalty.
   */
  static Unserved unserved(PlanData data, Assignment a, BigDecimal penalty) {
    List<Unmet> out = new ArrayList<>();
    BigDecimal steering = BigDecimal.ZERO;
    for (int j = 0; j < data.runs.size(); j++) {
      if (a.optionOfRun()[j] >= 0) continue;
      TrainingRun run = data.runs.get(j);
      BigDecimal hours = run.referenceHours().multiply(BigDecimal.valueOf(run.gpus()));
      out.add(new Unmet.Run(run.id(), hours, cost(hours, penalty)));
      steering = steering.add(data.unplacedSteering(j));
    }
    for (FleetDemand d : data.demands) {
      BigDecimal served = BigDecimal.ZERO;
      BigDecimal tolerance = new BigDecimal("0.001");
      for (int k = 0; k < d.cells().size(); k++) {
        // as the placements round them (PlanCosting): to 1e-3 GPU-hour, nothing below half of it
        BigDecimal gh =
            BigDecimal.valueOf(a.fleetHours()[d.index()][k]).setScale(3, RoundingMode.HALF_UP);
        if (gh.compareTo(new BigDecimal("0.0005")) < 0) continue;
        BigDecimal theta = d.cells().get(k).accelerator().throughput();
        served = served.add(theta.multiply(gh));
        tolerance = tolerance.add(new BigDecimal("0.001").multiply(theta.max(BigDecimal.ONE)));
      }
      BigDecimal left = d.referenceGpuHours().subtract(served);
      if (left.compareTo(tolerance) <= 0) continue;
      BigDecimal hours = left.setScale(3, RoundingMode.HALF_EVEN);
      steering = steering.add(data.unmetSteering(d).multiply(hours));
      out.add(
          new Unmet.Fleet(
              d.fleet(), d.geography(), data.months.get(d.month()), hours, cost(hours, penalty)));
    }
    return new Unserved(out, steering);
  }

  private static BigDecimal cost(BigDecimal hours, BigDecimal penalty) {
    return hours.multiply(penalty).setScale(2, RoundingMode.HALF_EVEN);
  }

  /**
   * The spend above the share caps, summed over every provider-year whose spend is above its cap at
   * all: what the model's excess columns carry at this point, and the share-cap penalty counts.
   * Each provider-year's is rounded up to the cent, so that the sum is never below the reported
   * excess (each rounded HALF_EVEN) nor below the exact sum.
   */
  static BigDecimal aboveCaps(Scenario future, List<ProviderYear> providers) {
    Map<Integer, BigDecimal> totals = new java.util.HashMap<>();
    for (ProviderYear p : providers) totals.merge(p.year(), p.spend(), BigDecimal::add);
    BigDecimal sum = BigDecimal.ZERO;
    for (ProviderYear p : providers) {
      BigDecimal over =
          p.spend()
              .subtract(future.policy().maxShareOf(p.provider()).multiply(totals.get(p.year())));
      if (over.signum() > 0) sum = sum.add(over.setScale(2, RoundingMode.CEILING));
    }
    return sum;
  }

  /**
   * Each provider-year whose spend is above its cap by more than the rounding of the year's spends
   * (a cent per provider of the year, and one more: each spend is to the cent), with its spend
   * above the cap (docs/risk.md section 3). Money, not share: a share tolerance of 1e-4 let $12.4M
   * above a cap go unreported (issue 9's review of the verifier); the verifier holds the same rule.
   */
  static List<CapExcess> excess(Scenario future, List<ProviderYear> providers) {
    Map<Integer, BigDecimal> totals = new java.util.HashMap<>();
    Map<Integer, Integer> count = new java.util.HashMap<>();
    for (ProviderYear p : providers) {
      totals.merge(p.year(), p.spend(), BigDecimal::add);
      count.merge(p.year(), 1, Integer::sum);
    }
    List<CapExcess> out = new ArrayList<>();
    for (ProviderYear p : providers) {
      BigDecimal total = totals.get(p.year());
      BigDecimal cap = future.policy().maxShareOf(p.provider());
      BigDecimal amount =
          p.spend().subtract(cap.multiply(total)).setScale(2, RoundingMode.HALF_EVEN);
      if (amount.compareTo(rounding(count.get(p.year()))) > 0)
        out.add(new CapExcess(p.provider(), p.year(), amount));
    }
    return out;
  }

  /** The rounding between a year's spends, each to the cent, and its exact total. */
  static BigDecimal rounding(int providers) {
    return new BigDecimal("0.01").multiply(BigDecimal.valueOf(providers + 1L));
  }
}
