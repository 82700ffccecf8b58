package io.nuage.bench;

import com.sun.management.OperatingSystemMXBean;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.risk.Future;
import io.nuage.risk.FutureSampler;
import io.nuage.risk.FutureScenario;
import io.nuage.risk.PlannerRecourse;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fast-recourse benchmark (docs/benchmarks.md, "Risk"): in one process, alternately, a full
 * plan of a scenario ({@code Planner.plan}: pre-checks, baselines, MIP, duals, verification, what
 * {@code nuage plan} does less JVM start and JSON) and the recourse of drawn futures of it ({@code
 * Planner.serve}, each method), so that the ratio is measured side by side on a loaded machine.
 * Wall and process CPU seconds (every thread: the plan prices its baselines on a second one).
 *
 * <pre>
 * java -cp ... io.nuage.bench.RecourseBench [SCENARIO] [--rounds 3] [--futures 4] [--seed 1]
 * </pre>
 */
public final class RecourseBench {
  private RecourseBench() {}

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Wall and CPU seconds of one timed call. */
  private record Timed(double wall, double cpu) {}

  private static Timed time(Runnable r) {
    long w = System.nanoTime();
    long c = OS.getProcessCpuTime();
    r.run();
    return new Timed((System.nanoTime() - w) / 1e9, (OS.getProcessCpuTime() - c) / 1e9);
  }

  public static void main(String[] args) throws Exception {
    Path file =
        Path.of(System.getProperty("nuage.home", ".")).resolve("examples/frontier-lab-2027.yaml");
    int rounds = 3;
    int futures = 4;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--futures" -> futures = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> file = Path.of(args[i]);
      }
    }
    Planner.keepSolverOutputOffStdout();
    Scenario s = ScenarioParser.parse(file);
    PlanOptions options = PlanOptions.defaults();
    FutureSampler sampler = new FutureSampler(s, s.uncertainty(), seed);
    // warm-up: natives loaded and the JIT past its first compilations, for both
    Planner.plan(s, options);
    Planner.serve(s, options, RecourseTerms.of(s));
    List<Timed> plans = new ArrayList<>();
    List<Timed> rounded = new ArrayList<>();
    List<Timed> mips = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      plans.add(time(() -> Planner.plan(s, options)));
      System.err.printf(
          Locale.ROOT,
          "plan %.2f s wall, %.2f s CPU%n",
          plans.getLast().wall(),
          plans.getLast().cpu());
      for (int i = 0; i < futures; i++) {
        Future f = i == 0 ? Future.asWritten(-1) : sampler.draw(round * futures + i);
        Scenario future = FutureScenario.of(s, f);
        RecourseTerms terms = PlannerRecourse.terms(future, f);
        RecoursePlan[] r = new RecoursePlan[2];
        rounded.add(
            time(() -> r[0] = Planner.serve(future, options, terms, RecourseMethod.ROUNDED)));
        mips.add(time(() -> r[1] = Planner.serve(future, options, terms, RecourseMethod.MIP)));
        System.err.printf(
            Locale.ROOT,
            "future %d: rounded %.2f s wall %.2f s CPU, total %s bound %s; mip %.2f s wall, total %s%n",
            f.sample(),
            rounded.getLast().wall(),
            rounded.getLast().cpu(),
            r[0].totalCost().toPlainString(),
            r[0].lowerBound().toPlainString(),
            mips.getLast().wall(),
            r[1].totalCost().toPlainString());
      }
    }
    Timed plan = median(plans);
    Timed fast = median(rounded);
    Timed mip = median(mips);
    System.out.println("| what | median wall | median CPU | n |");
    System.out.println("|---|---|---|---|");
    row("full plan (`Planner.plan`)", plan, plans.size());
    row("recourse, rounded (`Planner.serve`)", fast, rounded.size());
    row("recourse, MIP", mip, mips.size());
    System.out.printf(
        Locale.ROOT,
        "%nratio rounded / plan: %.3f wall, %.3f CPU; MIP / plan: %.3f wall, %.3f CPU%n",
        fast.wall() / plan.wall(),
        fast.cpu() / plan.cpu(),
        mip.wall() / plan.wall(),
        mip.cpu() / plan.cpu());
  }

  private static void row(String what, Timed t, int n) {
    System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f s | %d |%n", what, t.wall(), t.cpu(), n);
  }

  private static Timed median(List<Timed> all) {
    double[] wall = all.stream().mapToDouble(Timed::wall).sorted().toArray();
    double[] cpu = all.stream().mapToDouble(Timed::cpu).sorted().toArray();
    return new Timed(wall[wall.length / 2], cpu[cpu.length / 2]);
  }
}
