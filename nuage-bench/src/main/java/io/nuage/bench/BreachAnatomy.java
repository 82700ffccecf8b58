package io.nuage.bench;

import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.Unmet;
import io.nuage.risk.Future;
import io.nuage.risk.FutureSampler;
import io.nuage.risk.FutureScenario;
import io.nuage.risk.PlannerRecourse;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.uncertainty.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the breaches of a risk run come from (docs/benchmarks.md, "Risk"): serves the first N
 * futures of a seed, rounded, and prints for each what it drew (cancelled, resized and slipped
 * runs, late steps, lost providers, the last month's demand factors) and what it left unmet (each
 * unplaced run, each fleet's unmet GPU-hours by geography and year), with the unmet cost against
 * the total. With {@code --only SOURCE} only that source is drawn, as in the report's "each source
 * alone".
 *
 * <pre>
 * java -cp ... io.nuage.bench.BreachAnatomy [SCENARIO] [--samples 20] [--first 0] [--seed 1]
 *     [--only demand]
 * </pre>
 */
public final class BreachAnatomy {
  private BreachAnatomy() {}

  public static void main(String[] args) throws Exception {
    Path file =
        Path.of(System.getProperty("nuage.home", ".")).resolve("examples/frontier-lab-2027.yaml");
    int samples = 20;
    int first = 0;
    long seed = 1;
    Source only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--first" -> first = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--only" ->
            only = Source.valueOf(args[++i].toUpperCase(Locale.ROOT).replace('-', '_'));
        default -> file = Path.of(args[i]);
      }
    }
    Planner.keepSolverOutputOffStdout();
    Scenario s = ScenarioParser.parse(file);
    PlanOptions options = PlanOptions.defaults();
    FutureSampler sampler =
        new FutureSampler(s, only == null ? s.uncertainty() : s.uncertainty().only(only), seed);
    int breaches = 0;
    BigDecimal unmetSum = BigDecimal.ZERO;
    BigDecimal totalSum = BigDecimal.ZERO;
    Map<String, BigDecimal> unmetCostBy = new TreeMap<>();
    for (int i = first; i < first + samples; i++) {
      Future f = sampler.draw(i);
      Scenario future = FutureScenario.of(s, f);
      RecoursePlan r =
          Planner.serve(future, options, PlannerRecourse.terms(future, f), RecourseMethod.ROUNDED);
      System.out.printf(
          Locale.ROOT,
          "future %d: total %s B, unmet cost %s B (%.1f%%)%n",
          i,
          billions(r.totalCost()),
          billions(r.unmetCost()),
          100 * r.unmetCost().doubleValue() / r.totalCost().doubleValue());
      System.out.printf(
          Locale.ROOT,
          "  steering %s, reported cap excess %s, bound %s%n",
          r.steering().toPlainString(),
          r.excessTotal().toPlainString(),
          r.lowerBound().toPlainString());
      System.out.println("  drew: " + describe(f));
      Map<String, BigDecimal> hours = new TreeMap<>();
      Map<String, BigDecimal> cost = new TreeMap<>();
      for (Unmet u : r.unmet()) {
        String key =
            switch (u) {
              case Unmet.Run run -> "run " + run.workload();
              case Unmet.Fleet fl ->
                  "fleet " + fl.workload() + "/" + fl.geography() + "/" + fl.month().getYear();
            };
        hours.merge(key, u.referenceGpuHours(), BigDecimal::add);
        cost.merge(key, u.cost(), BigDecimal::add);
        String kind = u instanceof Unmet.Run ? "runs" : "fleets";
        unmetCostBy.merge(kind, u.cost(), BigDecimal::add);
      }
      hours.forEach(
          (k, h) ->
              System.out.printf(
                  Locale.ROOT,
                  "  unmet %s: %s M ref GPU-hours, %s B%n",
                  k,
                  h.movePointLeft(6).setScale(1, RoundingMode.HALF_EVEN).toPlainString(),
                  billions(cost.get(k))));
      if (r.isBreach()) breaches++;
      unmetSum = unmetSum.add(r.unmetCost());
      totalSum = totalSum.add(r.totalCost());
    }
    System.out.printf(
        Locale.ROOT,
        "%d of %d futures breach; unmet cost %s B of %s B in all (%.1f%%); by kind %s%n",
        breaches,
        samples,
        billions(unmetSum),
        billions(totalSum),
        100 * unmetSum.doubleValue() / totalSum.doubleValue(),
        unmetCostBy);
  }

  private static String billions(BigDecimal v) {
    return v.movePointLeft(9).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String describe(Future f) {
    StringBuilder b = new StringBuilder();
    if (!f.cancelled().isEmpty())
      b.append("cancelled ").append(new TreeMap<>(toMap(f))).append("; ");
    if (!f.sizes().isEmpty()) b.append("sizes ").append(new TreeMap<>(f.sizes())).append("; ");
    if (!f.slips().isEmpty()) b.append("slips ").append(new TreeMap<>(f.slips())).append("; ");
    if (!f.stepDelays().isEmpty()) {
      Map<String, String> d = new TreeMap<>();
      f.stepDelays().forEach((k, v) -> d.put(k.toString(), v.toString()));
      b.append("late steps ").append(d).append("; ");
    }
    if (!f.providerLoss().isEmpty())
      b.append("lost ").append(new TreeMap<>(f.providerLoss())).append("; ");
    Map<String, String> last = new TreeMap<>();
    f.demandFactors()
        .forEach((k, v) -> last.put(k, String.format(Locale.ROOT, "%.2f", v[v.length - 1])));
    if (!last.isEmpty()) b.append("demand at the end ").append(last);
    return b.toString();
  }

  private static Map<String, Boolean> toMap(Future f) {
    Map<String, Boolean> m = new TreeMap<>();
    for (String id : f.cancelled()) m.put(id, true);
    return m;
  }
}
