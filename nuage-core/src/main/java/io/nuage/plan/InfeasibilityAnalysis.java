package io.nuage.plan;

import com.google.ortools.linearsolver.MPSolver;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * When every workload fits alone but not all together: re-solves with each capacity, demand, share
 * and right-of-first-refusal row made elastic at a large penalty, and names the rows that had to
 * give, with the workloads involved.
 */
final class InfeasibilityAnalysis {
  private InfeasibilityAnalysis() {}

  /**
   * First without share caps, capacity, demand and ROFR rows elastic: what the supply cannot carry.
   * Only when the supply carries everything are the caps to blame: then the share rows are made
   * elastic, and each cap that had to give is named with the smallest cap that allows a plan.
   */
  static List<InfeasibilityReason> explain(PlanData data, Deadline deadline) {
    List<InfeasibilityReason> supply = elastic(data, PlanModel.Mode.ELASTIC, deadline);
    if (supply == null) return List.of(unfinished(deadline));
    if (!supply.isEmpty()) return supply;
    List<InfeasibilityReason> shares = elastic(data, PlanModel.Mode.ELASTIC_SHARES, deadline);
    if (shares == null) return List.of(unfinished(deadline));
    if (!shares.isEmpty()) return shares;
    TreeSet<String> runs = new TreeSet<>();
    data.runs.forEach(r -> runs.add(r.id()));
    return List.of(
        new InfeasibilityReason(
            "joint-gangs",
            null,
            "training runs "
                + runs
                + " each fit alone but no choice of "
                + "regions and start months fits them together as gangs"));
  }

  /**
   * Infeasibility proven by the LP relaxation, for a path that solved no MIP (relax and round): a
   * phase-1 LP per elastic model (first without share caps, capacity, demand and ROFR rows elastic;
   * then with the share rows elastic) minimises the elastic amounts alone, and its optimum is
   * bounded from its row duals alone ({@link #phaseOneBound}), whatever the solver's tolerances. A
   * bound above {@link #PROVEN} (model units: millions of GPU-hours or of dollars) proves that no
   * point of the relaxation, hence no plan, holds the rows; the rows that had to give at the
   * phase-1 point are named. The LP solver's status alone is not trusted. Null when nothing is
   * proven (the relaxation is feasible, or a phase-1 LP was not solved to optimality in time).
   */
  static @Nullable List<InfeasibilityReason> provenByRelaxation(PlanData data, Deadline deadline) {
    for (PlanModel.Mode mode : List.of(PlanModel.Mode.ELASTIC, PlanModel.Mode.ELASTIC_SHARES)) {
      if (mode == PlanModel.Mode.ELASTIC_SHARES && deadline.passed()) return null;
      MPSolver lp = Natives.solver(RelaxAndRound.LP);
      try {
        PlanModel m = new PlanModel(data, lp, mode, null).build();
        if (m.elastics.isEmpty()) continue;
        lp.objective().clear();
        for (PlanModel.Elastic e : m.elastics) lp.objective().setCoefficient(e.variable(), 1);
        lp.objective().setMinimization();
        lp.setTimeLimit(deadline.remainingMillis());
        MPSolver.ResultStatus status = Natives.solve(lp);
        if (status != MPSolver.ResultStatus.OPTIMAL) return null;
        double bound = phaseOneBound(ModelRows.of(lp), ModelRows.duals(lp));
        if (!(bound > PROVEN)) continue;
        List<InfeasibilityReason> out = given(data, m, ModelRows.point(lp), deadline);
        return out.isEmpty() ? null : out;
      } finally {
        lp.delete();
      }
    }
    return null;
  }

  /**
   * The phase-1 LP's bound from its row duals alone ({@link ModelRows#dualBound}), which holds for
   * any duals: the solver's, and the same scaled down a little, the best of them. A slack at 1 in
   * the objective whose share row's dual is -1 within the solver's noise (-1.0000001) has a reduced
   * cost of -1e-7 on an unbounded column, and the solver's duals prove nothing; scaled by 1 - 1e-6
   * the same duals prove nearly the optimum.
   */
  static double phaseOneBound(ModelRows rows, double[] duals) {
    double best = Double.NEGATIVE_INFINITY;
    for (double scale : new double[] {1, 1 - 1e-9, 1 - 1e-6, 1 - 1e-3}) {
      double[] y = duals.clone();
      for (int r = 0; r < y.length; r++) y[r] *= scale;
      double bound = rows.dualBound(y);
      if (bound > best) best = bound;
    }
    return best;
  }

  /**
   * A phase-1 bound above this proves infeasibility: a millionth of the model's units (one
   * GPU-hour, or one dollar), far above the LP's tolerances and the bound's rounding.
   */
  static final double PROVEN = 1e-6;

  private static InfeasibilityReason unfinished(Deadline deadline) {
    return new InfeasibilityReason(
        "joint-gangs",
        null,
        "the workloads fit one by one but not together, and the analysis of which constraint"
            + " breaks did not finish within the time limit");
  }

  /**
   * Infeasibility proven by the elastic MIPs where the relaxation is feasible but no integral
   * choice of gangs is (a share cap a run cannot split its spend under): the rows that had to give
   * at an elastic MIP solved to optimality, its point checked against its rows. Null when none had
   * to give or a MIP was not solved to optimality in time (nothing proven).
   */
  static @Nullable List<InfeasibilityReason> provenByElasticMips(PlanData data, Deadline deadline) {
    List<InfeasibilityReason> supply = elastic(data, PlanModel.Mode.ELASTIC, deadline, true);
    if (supply == null) return null;
    if (!supply.isEmpty()) return supply;
    List<InfeasibilityReason> shares = elastic(data, PlanModel.Mode.ELASTIC_SHARES, deadline, true);
    return shares == null || shares.isEmpty() ? null : shares;
  }

  /** The rows that had to give in the elastic model of {@code mode}; null if it did not solve. */
  private static @Nullable List<InfeasibilityReason> elastic(
      PlanData data, PlanModel.Mode mode, Deadline deadline) {
    return elastic(data, mode, deadline, false);
  }

  /** The same; with {@code optimalOnly} a MIP stopped short of optimality counts as not solved. */
  private static @Nullable List<InfeasibilityReason> elastic(
      PlanData data, PlanModel.Mode mode, Deadline deadline, boolean optimalOnly) {
    MPSolver solver = Natives.solver(Natives.MIP);
    try {
      PlanModel m = new PlanModel(data, solver, mode, null).build();
      solver.setTimeLimit(deadline.remainingMillis());
      MPSolver.ResultStatus status = Natives.solve(solver);
      if (status != MPSolver.ResultStatus.OPTIMAL
          && (optimalOnly || status != MPSolver.ResultStatus.FEASIBLE)) {
        return null;
      }
      double[] point = FixedIntegers.verifiedPoint(solver, deadline, new ArrayList<>());
      if (point == null) return null;
      return given(data, m, point, deadline);
    } finally {
      solver.delete();
    }
  }

  /**
   * The rows that had to give at {@code point} of the elastic model {@code m}: its elastics above
   * 0.
   */
  private static List<InfeasibilityReason> given(
      PlanData data, PlanModel m, double[] point, Deadline deadline) {
    Assignment a = m.solution(point);
    List<InfeasibilityReason> out = new ArrayList<>();
    for (PlanModel.Elastic e : m.elastics) {
      double v = point[e.variable().index()];
      if (v <= 1e-9) continue;
      // Elastic variables are in model units: millions of GPU-hours (capacity, demand, ROFR) or
      // millions of dollars (shares).
      out.add(
          e.kind().equals("share")
              ? shareReason(data, e, v / PlanModel.USD, deadline)
              : reason(data, a, e, v / PlanModel.GH));
    }
    return out;
  }

  private static InfeasibilityReason shareReason(
      PlanData data, PlanModel.Elastic e, double dollars, Deadline deadline) {
    String[] k = e.key().split(",");
    String provider = k[0];
    int year = Integer.parseInt(k[1]);
    BigDecimal cap = data.scenario.policy().maxShareOf(provider);
    // past the deadline it is not started: each step is a MIP of the whole model (at 1,000 runs,
    // the first steps of 15 provider-years took 7 minutes after a 60 s limit)
    BigDecimal smallest =
        deadline.passed()
            ? null
            : SmallestCap.of(data, provider, year, cap.doubleValue(), deadline);
    return new InfeasibilityReason(
        "joint-share",
        null,
        provider
            + "'s share of "
            + year
            + " spend cannot stay at or under its cap of "
            + RightOfFirstRefusalReport.percent(cap)
            + (data.scenario.policy().maxShareByProvider().containsKey(provider)
                ? " (policy max-share-by-provider)"
                : " (policy max-share)")
            + ": the capacity could carry every workload, but the other"
            + " providers cannot take enough of the demand (short by about $"
            + PlanText.money(BigDecimal.valueOf(dollars))
            + " of their spend); "
            + (smallest == null
                ? "the smallest cap that allows a plan could not be computed in time"
                : "the smallest cap of "
                    + provider
                    + " in "
                    + year
                    + " that allows a plan is "
                    + RightOfFirstRefusalReport.percent(smallest)
                    + " (to 0.01 point, other caps unchanged)"));
  }

  private static InfeasibilityReason reason(
      PlanData data, Assignment a, PlanModel.Elastic e, double v) {
    String amount = FeasibilityPrecheck.number(BigDecimal.valueOf(v));
    switch (e.kind()) {
      case "capacity" -> {
        String[] k = e.key().split(",");
        Cell c = data.cells.get(Integer.parseInt(k[0]));
        int t = Integer.parseInt(k[1]);
        TreeSet<String> who = workloadsIn(data, a, c, t);
        long gpus = (long) Math.ceil(v / data.hoursOf(t));
        return new InfeasibilityReason(
            "joint-capacity",
            who.isEmpty() ? null : who.first(),
            "in "
                + data.months.get(t)
                + ", "
                + String.join(", ", who)
                + " together need "
                + amount
                + " more "
                + c.accName()
                + " GPU-hours ("
                + FeasibilityPrecheck.number(BigDecimal.valueOf(gpus))
                + " GPUs for the month) than "
                + c.region()
                + " can deliver ("
                + FeasibilityPrecheck.number(BigDecimal.valueOf(c.totalGpus(t)))
                + " GPUs), and no other allowed region has room");
      }
      case "demand" -> {
        FleetDemand d = data.demands.get(Integer.parseInt(e.key()));
        return new InfeasibilityReason(
            "joint-demand",
            d.fleet(),
            "inference fleet "
                + d.fleet()
                + " cannot get "
                + amount
                + " of its "
                + FeasibilityPrecheck.number(d.referenceGpuHours())
                + " H100-equivalent GPU-hours in "
                + d.geography()
                + " in "
                + data.months.get(d.month())
                + ": the training runs and other fleets use the rest of its regions");
      }
      default -> {
        return new InfeasibilityReason(
            "joint-rofr",
            null,
            "the right of first refusal cannot be honoured: "
                + amount
                + " GPU-hours of new capacity would go to others while the holder still has capacity that is not enough to take all of it");
      }
    }
  }

  private static TreeSet<String> workloadsIn(PlanData data, Assignment a, Cell c, int t) {
    TreeSet<String> who = new TreeSet<>();
    for (int j = 0; j < a.optionOfRun().length; j++) {
      GangOption o = data.options.get(a.optionOfRun()[j]);
      if (o.cell() == c && o.start() <= t && t <= o.end())
        who.add("training run " + data.runs.get(j).id());
    }
    for (FleetDemand d : data.demands) {
      for (int k = 0; k < d.cells().size(); k++) {
        if (d.month() == t && d.cells().get(k) == c && a.fleetHours()[d.index()][k] > 1e-6)
          who.add("inference fleet " + d.fleet());
      }
    }
    return who;
  }
}
