package io.nuage.plan;

import static io.nuage.plan.TinyScenario.A100;
import static io.nuage.plan.TinyScenario.H100;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.core.MonthRange;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random small scenarios: every plan holds capacity and demand, its money adds up, its bound
 * is below it, it is no dearer than a feasible baseline, and CBC on the exported model agrees.
 */
class RandomScenariosTest {
  private static final long SEEDS = Long.getLong("nuage.plan.seeds", 25);

  @TempDir Path dir;

  @Test
  void randomScenarios_plansHoldTheirInvariants() throws Exception {
    for (long seed = 1; seed <= SEEDS; seed++) {
      Scenario s = scenario(new Random(seed));
      PlanOutcome out = Planner.plan(s, PlanOptions.defaults());
      String context = "seed " + seed + "\n" + PlanJson.write(out);
      if (out instanceof PlanOutcome.Infeasible i) {
        assertThat(i.reasons()).as(context).isNotEmpty();
        continue;
      }
      Plan plan =
          out instanceof PlanOutcome.Optimal o ? o.plan() : ((PlanOutcome.Feasible) out).plan();
      assertThat(plan.totalCost()).as(context).isEqualByComparingTo(plan.costBreakdown().total());
      assertThat(plan.lowerBound()).as(context).isLessThanOrEqualTo(plan.totalCost());
      for (Baseline b : plan.baselines()) {
        if (b.feasible())
          assertThat(plan.totalCost()).as(context).isLessThanOrEqualTo(b.totalCost());
      }
      Map<String, BigDecimal> used = new HashMap<>();
      for (Placement p : plan.placements())
        used.merge(
            p.region() + "|" + p.accelerator() + "|" + p.month(), p.gpuHours(), BigDecimal::add);
      used.forEach(
          (key, hours) -> {
            String[] k = key.split("\\|");
            int gpus =
                s.capacity().stream()
                    .filter(c -> c.region().equals(k[0]) && c.accelerator().equals(k[1]))
                    .filter(c -> !c.from().isAfter(YearMonth.parse(k[2])))
                    .mapToInt(c -> c.gpus())
                    .max()
                    .orElse(0);
            int reserved =
                s.contracts(ReservedCapacity.class).stream()
                    .filter(
                        r ->
                            r.region().equals(k[0])
                                && r.accelerator().equals(k[1])
                                && r.term().contains(YearMonth.parse(k[2])))
                    .mapToInt(ReservedCapacity::gpus)
                    .sum();
            double cap = Math.max(gpus, reserved) * YearMonth.parse(k[2]).lengthOfMonth() * 24.0;
            assertThat(hours.doubleValue()).as(context + key).isLessThanOrEqualTo(cap + 0.01);
          });
      Path mps = dir.resolve("seed" + seed + ".mps");
      Files.writeString(mps, Planner.exportMps(s, PlanOptions.defaults()));
      double cbc = MpsOracleTest.cbcObjective(mps);
      double ours = plan.totalCost().subtract(plan.fixedCost()).doubleValue();
      double allowed =
          Math.max(1e-4, plan.gap().doubleValue()) * Math.max(1, Math.abs(ours))
              + 0.01 * plan.placements().size();
      assertThat(Math.abs(cbc - ours)).as(context + " cbc " + cbc).isLessThanOrEqualTo(allowed);
    }
  }

  private static Scenario scenario(Random r) {
    TinyScenario t = new TinyScenario("2027-01", "2027-03");
    int regions = 2 + r.nextInt(3);
    Set<String> all = new java.util.TreeSet<>();
    for (int i = 0; i < regions; i++) {
      String region = "p" + i + "/r1";
      all.add(region);
      t.region(region, "US", r.nextBoolean() ? H100 : A100, price(r), 8 + 8 * r.nextInt(4));
    }
    if (r.nextBoolean()) {
      t.contract(
          new CommittedSpend(
              "deal",
              "p0",
              MonthRange.of("2027-01", "2027-03"),
              List.of(BigDecimal.valueOf(1000L * (1 + r.nextInt(40)))),
              new BigDecimal("0.2"),
              true));
    }
    if (r.nextBoolean()) {
      t.contract(
          new ReservedCapacity(
              "res",
              "p1",
              "p1/r1",
              "H100",
              4,
              MonthRange.of("2027-01", "2027-03"),
              new BigDecimal("1.00")));
    }
    int runs = r.nextInt(4);
    for (int j = 0; j < runs; j++) {
      t.training(
          "run" + j,
          4 + 4 * r.nextInt(4),
          String.valueOf(100 + r.nextInt(900)),
          "2027-01",
          "2027-0" + (1 + r.nextInt(3)));
    }
    if (runs == 0 || r.nextBoolean())
      t.fleet("fleet", "US", all, String.valueOf(500 + r.nextInt(5000)));
    if (r.nextInt(3) == 0) t.policy(new Policy(new BigDecimal("0.7"), Map.of(), Set.of()));
    return t.build();
  }

  private static String price(Random r) {
    return BigDecimal.valueOf(100 + r.nextInt(300), 2).toPlainString();
  }
}
