package io.nuage.broker;

import io.nuage.catalog.Accelerator;
import io.nuage.workload.TrainingRun;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A training run's candidates for a launcher: the plan's placement first, then every other region
 * and accelerator it could use (each at its start month of least marginal cost), cheapest marginal
 * cost first.
 */
public final class RunCandidates {
  /** The order of alternatives: marginal cost, then stand-alone cost, then names. */
  public static final Comparator<Candidate> ORDER =
      Comparator.comparing(Candidate::marginalCost)
          .thenComparing(Candidate::standAloneCost)
          .thenComparing(Candidate::region)
          .thenComparing(Candidate::accelerator);

  private final CellTerms terms;
  private final BrokerPlan plan;
  private final MarginalCost costs;

  public RunCandidates(CellTerms terms, BrokerPlan plan) {
    this.terms = terms;
    this.plan = plan;
    this.costs = new MarginalCost(terms, plan);
  }

  /** The run's candidates, the plan's first; empty when the plan does not place the run. */
  public List<Candidate> of(TrainingRun run) {
    List<PlannedRow> rows = plan.rowsOf(run.id());
    if (rows.isEmpty()) return List.of();
    Candidate planned = costs.planned(run, rows);
    List<Candidate> others = new ArrayList<>();
    for (String cell : terms.cells()) {
      String region = CellTerms.regionOf(cell);
      String accelerator = CellTerms.acceleratorOf(cell);
      Accelerator a = terms.accelerator(accelerator);
      if (!run.accelerators().contains(a.name()) && !run.accelerators().contains(a.family()))
        continue;
      if (region.equals(planned.region()) && accelerator.equals(planned.accelerator())) continue;
      best(run, region, accelerator).ifPresent(others::add);
    }
    others.sort(ORDER);
    List<Candidate> all = new ArrayList<>();
    all.add(planned);
    all.addAll(others);
    return all;
  }

  /** The start month of least marginal cost in the run's window (the earliest among equals). */
  private Optional<Candidate> best(TrainingRun run, String region, String accelerator) {
    YearMonth from = run.earliestStart();
    if (from.isBefore(terms.scenario().horizon().start()))
      from = terms.scenario().horizon().start();
    Candidate best = null;
    for (YearMonth s = from; !s.isAfter(run.deadline()); s = s.plusMonths(1)) {
      Optional<Candidate> c = costs.option(run, region, accelerator, s, false);
      if (c.isPresent()
          && (best == null || c.get().marginalCost().compareTo(best.marginalCost()) < 0))
        best = c.get();
    }
    return Optional.ofNullable(best);
  }
}
