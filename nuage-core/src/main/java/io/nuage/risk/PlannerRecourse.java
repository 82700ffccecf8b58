package io.nuage.risk;

import io.nuage.core.NuageException;
import io.nuage.plan.ContractYear;
import io.nuage.plan.Plan;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.plan.ProviderYear;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code replan} recourse served by the planner itself: every future planned like a scenario
 * (checked by the plan verifier before its figures count), reduced to what the risk report needs.
 */
public final class PlannerRecourse implements Recourse {
  /** The precision of a plan's reported shares (docs/plan-json.md), which the verifier allows. */
  static final BigDecimal SHARE_TOLERANCE = new BigDecimal("0.0001");

  private final PlanOptions options;

  public PlannerRecourse(PlanOptions options) {
    this.options = options;
  }

  @Override
  public Served serve(Scenario future, Future drawn) {
    PlanOutcome outcome = Planner.plan(future, options);
    Plan plan =
        switch (outcome) {
          case PlanOutcome.Optimal o -> o.plan();
          case PlanOutcome.Feasible f -> f.plan();
          case PlanOutcome.Infeasible i ->
              throw new NuageException(
                  "future "
                      + drawn.sample()
                      + " cannot be served: "
                      + i.reasons().get(0).message());
        };
    return served(future, plan);
  }

  /** The risk figures of a plan of {@code future}. */
  static Served served(Scenario future, Plan plan) {
    List<Served.YearFigure> shortfalls = new ArrayList<>();
    for (ContractYear y : plan.contracts())
      if (y.takeOrPay())
        shortfalls.add(new Served.YearFigure(y.contract(), y.year(), y.shortfall()));
    Map<Integer, BigDecimal> totals = new HashMap<>();
    for (ProviderYear p : plan.providers()) totals.merge(p.year(), p.spend(), BigDecimal::add);
    List<Served.YearFigure> excess = new ArrayList<>();
    for (ProviderYear p : plan.providers()) {
      // over the cap when the share is above it by more than the 4-decimal share a plan reports
      // (the verifier's tolerance): the solver's row tolerance is not a breach of policy
      BigDecimal total = totals.get(p.year());
      BigDecimal cap = future.policy().maxShareOf(p.provider());
      boolean over = p.spend().compareTo(cap.add(SHARE_TOLERANCE).multiply(total)) > 0;
      BigDecimal amount = over ? p.spend().subtract(cap.multiply(total)) : BigDecimal.ZERO;
      excess.add(
          new Served.YearFigure(
              p.provider(), p.year(), amount.setScale(2, java.math.RoundingMode.HALF_EVEN)));
    }
    return new Served(plan.totalCost(), plan.lowerBound(), shortfalls, excess, BigDecimal.ZERO);
  }
}
