package io.nuage.plan;

import com.google.ortools.linearsolver.MPSolver;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * When every workload fits alone but not all together: re-solves with each capacity, demand, share
 * and right-of-first-refusal row made elastic at a large penalty, and names the rows that had to
 * give, with the workloads involved.
 */
final class InfeasibilityAnalysis {
  private InfeasibilityAnalysis() {}

  static List<InfeasibilityReason> explain(PlanData data, double timeLimitSeconds) {
    MPSolver solver = Natives.solver(Natives.MIP);
    try {
      PlanModel m = new PlanModel(data, solver, PlanModel.Mode.ELASTIC, null).build();
      solver.setTimeLimit((long) (timeLimitSeconds * 1000));
      MPSolver.ResultStatus status = solver.solve();
      List<InfeasibilityReason> out = new ArrayList<>();
      if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
        out.add(
            new InfeasibilityReason(
                "joint-gangs",
                null,
                "the workloads fit one by one but not together, and the "
                    + "analysis of which constraint breaks did not finish within "
                    + (long) timeLimitSeconds
                    + " s"));
        return out;
      }
      Assignment a = m.solution();
      for (PlanModel.Elastic e : m.elastics) {
        double v = e.variable().solutionValue();
        if (v <= 1e-9) continue;
        // Elastic variables are in model units: millions of GPU-hours (capacity, demand, ROFR) or
        // millions of dollars (shares).
        out.add(reason(data, a, e, v / (e.kind().equals("share") ? PlanModel.USD : PlanModel.GH)));
      }
      if (out.isEmpty()) {
        TreeSet<String> runs = new TreeSet<>();
        data.runs.forEach(r -> runs.add(r.id()));
        out.add(
            new InfeasibilityReason(
                "joint-gangs",
                null,
                "training runs "
                    + runs
                    + " each fit alone but no choice of "
                    + "regions and start months fits them together as gangs"));
      }
      return out;
    } finally {
      solver.delete();
    }
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
      case "share" -> {
        String[] k = e.key().split(",");
        return new InfeasibilityReason(
            "joint-share",
            null,
            k[0]
                + "'s share of "
                + k[1]
                + " spend cannot stay under its cap of "
                + RightOfFirstRefusalReport.percent(data.scenario.policy().maxShareOf(k[0]))
                + ": the other providers cannot absorb enough of the demand (short by $"
                + PlanText.money(BigDecimal.valueOf(v))
                + ")");
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
