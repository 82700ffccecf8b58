package io.nuage.risk;

import io.nuage.core.NuageException;
import io.nuage.plan.ContractYear;
import io.nuage.plan.Placement;
import io.nuage.plan.Plan;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.plan.ProviderYear;
import io.nuage.plan.recourse.CapExcess;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.plan.recourse.RunPlace;
import io.nuage.plan.recourse.Unmet;
import io.nuage.scenario.Scenario;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recourse served by the planner itself (docs/risk.md section 2): every future served by {@link
 * Planner#serve} (checked by the plan verifier before its figures count), its unmet demand priced
 * at the penalty, reduced to what the risk report needs. {@code replan} re-optimises every
 * placement; {@code adapt} keeps each training run's base placement where the future still allows
 * it.
 */
public final class PlannerRecourse implements Recourse {
  private final PlanOptions options;
  private final RecourseMethod method;
  private final Map<String, RunPlace> kept;

  /**
   * @param method how each future is solved (docs/risk.md section 2.1)
   * @param kept for {@code adapt}, each training run's base placement (region, accelerator, start),
   *     kept where the future still allows it; empty for {@code replan}
   */
  public PlannerRecourse(PlanOptions options, RecourseMethod method, Map<String, RunPlace> kept) {
    this.options = options;
    this.method = method;
    this.kept = Map.copyOf(kept);
  }

  /** {@code replan}, the fast recourse: every placement re-optimised for each future. */
  public PlannerRecourse(PlanOptions options) {
    this(options, RecourseMethod.ROUNDED, Map.of());
  }

  /** Each training run's place in a plan: its region, accelerator and first month. */
  public static Map<String, RunPlace> placesOf(List<Placement> placements) {
    Map<String, RunPlace> places = new TreeMap<>();
    for (Placement p : placements) {
      if (!p.kind().equals("training")) continue;
      RunPlace seen = places.get(p.workload());
      if (seen == null || p.month().isBefore(seen.start()))
        places.put(p.workload(), new RunPlace(p.region(), p.accelerator(), p.month()));
    }
    return places;
  }

  @Override
  public Served serve(Scenario future, Future drawn) {
    RecourseTerms terms = terms(future, drawn).withKept(kept);
    RecoursePlan served;
    try {
      served = Planner.serve(future, options, terms, method);
    } catch (NuageException e) {
      // the run stops, reproducibly: the future's number names it (docs/risk.md section 4)
      throw new NuageException("future " + drawn.sample() + ": " + e.getMessage());
    } catch (IllegalStateException e) {
      // a plan the verifier refused, or a wrong bound: an internal error, named the same way
      throw new IllegalStateException("future " + drawn.sample() + ": " + e.getMessage(), e);
    }
    return served(served, future);
  }

  @Override
  public Optional<Served> planned(Scenario scenario) {
    return switch (Planner.plan(scenario, options)) {
      case PlanOutcome.Optimal o -> Optional.of(served(servingAll(o.plan()), scenario));
      case PlanOutcome.Feasible f -> Optional.of(served(servingAll(f.plan()), scenario));
      case PlanOutcome.Infeasible i -> Optional.empty();
    };
  }

  /**
   * A plan of the scenario as written as a recourse plan: it serves everything and holds every cap
   * (no unmet demand, no excess, no steering), and its bound is the one it states.
   */
  public static RecoursePlan servingAll(Plan plan) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    return new RecoursePlan(
        plan, List.of(), List.of(), zero, plan.totalCost(), zero, plan.lowerBound());
  }

  /**
   * The terms of a drawn future: the scenario's penalties, its drawn list-price factors as exact
   * decimals (6 decimals, HALF_EVEN) and its lost providers.
   */
  public static RecourseTerms terms(Scenario future, Future drawn) {
    List<YearMonth> months = future.horizon().months();
    Map<String, Map<YearMonth, BigDecimal>> factors = new HashMap<>();
    drawn
        .priceFactors()
        .forEach(
            (acc, f) -> {
              Map<YearMonth, BigDecimal> byMonth = new HashMap<>();
              for (int t = 0; t < Math.min(f.length, months.size()); t++)
                byMonth.put(months.get(t), exact(f[t]));
              factors.put(acc, byMonth);
            });
    return RecourseTerms.of(future).withPrices(factors).withProvidersLost(drawn.providerLoss());
  }

  private static final BigDecimal SMALLEST_FACTOR = new BigDecimal("0.000001");

  private static BigDecimal exact(double factor) {
    return BigDecimal.valueOf(factor).setScale(6, RoundingMode.HALF_EVEN).max(SMALLEST_FACTOR);
  }

  /**
   * The risk figures of a served future. Its bound is the recourse's less the plan's steering
   * penalties, so that {@code totalCost - lowerBound} is the plan's distance to the bound of its
   * objective (docs/risk.md section 2.0, the mean gap).
   */
  static Served served(RecoursePlan r, Scenario future) {
    List<Served.YearFigure> shortfalls = new ArrayList<>();
    for (ContractYear y : r.plan().contracts())
      if (y.takeOrPay())
        shortfalls.add(new Served.YearFigure(y.contract(), y.year(), y.shortfall()));
    Map<String, BigDecimal> over = new HashMap<>();
    for (CapExcess e : r.capExcess()) over.put(e.provider() + "#" + e.year(), e.amount());
    List<Served.YearFigure> excess = new ArrayList<>();
    for (ProviderYear p : r.plan().providers()) {
      BigDecimal amount = over.getOrDefault(p.provider() + "#" + p.year(), BigDecimal.ZERO);
      excess.add(
          new Served.YearFigure(
              p.provider(), p.year(), amount.setScale(2, RoundingMode.HALF_EVEN)));
    }
    return new Served(
        r.totalCost(),
        r.lowerBound().subtract(r.steering()),
        shortfalls,
        excess,
        r.unmetGpuHours(),
        r.unmetCost(),
        yearCosts(r, future));
  }

  /**
   * The cost of each calendar year: the plan's spend of the year per provider, plus the unmet
   * penalty of a fleet in its month's year and of an unplaced run in its deadline's year
   * (docs/risk.md section 3, "Cost per year").
   */
  static List<Served.YearFigure> yearCosts(RecoursePlan r, Scenario future) {
    Map<Integer, BigDecimal> byYear = new TreeMap<>();
    for (ProviderYear p : r.plan().providers()) byYear.merge(p.year(), p.spend(), BigDecimal::add);
    Map<String, YearMonth> deadlines = new HashMap<>();
    for (TrainingRun run : future.workloads(TrainingRun.class))
      deadlines.put(run.id(), run.deadline());
    for (Unmet u : r.unmet()) {
      int year =
          switch (u) {
            case Unmet.Fleet f -> f.month().getYear();
            case Unmet.Run run -> deadlines.get(run.workload()).getYear();
          };
      byYear.merge(year, u.cost(), BigDecimal::add);
    }
    List<Served.YearFigure> out = new ArrayList<>();
    byYear.forEach((y, cost) -> out.add(new Served.YearFigure(Served.COST, y, cost)));
    return out;
  }
}
